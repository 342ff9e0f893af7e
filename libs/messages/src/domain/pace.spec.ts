import fc from 'fast-check';
import { allowance, defaultBurst, refill, take } from './pace';

const t0 = new Date('2030-10-01T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('pace of handing messages to the outbox', () => {
  it('refills at the rate, up to the burst', () => {
    const settings = { ratePerMinute: 60, burst: 10 };
    let state = { available: 0, refilledAt: t0 };
    state = refill(state, settings, at(3_000));
    expect(allowance(state, 100)).toBe(3);
    state = take(state, 3);
    state = refill(state, settings, at(3_500));
    expect(allowance(state, 100)).toBe(0);
    state = refill(state, settings, at(3_600_000));
    expect(allowance(state, 100)).toBe(10);
  });

  it('refills nothing when the clock goes backwards', () => {
    const state = refill({ available: 2, refilledAt: t0 }, { ratePerMinute: 600, burst: 10 }, at(-60_000));
    expect(state).toEqual({ available: 2, refilledAt: at(-60_000) });
  });

  it('never hands over more than the rate allows over any span (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6000 }),
        fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 50 }),
        (rate, steps) => {
          const settings = { ratePerMinute: rate, burst: defaultBurst(rate) };
          let state = { available: settings.burst, refilledAt: t0 };
          let handed = 0;
          let elapsed = 0;
          for (const step of steps) {
            elapsed += step;
            state = refill(state, settings, at(elapsed));
            const n = allowance(state, 1_000_000);
            handed += n;
            state = take(state, n);
          }
          expect(handed).toBeLessThanOrEqual(settings.burst + Math.floor((elapsed * rate) / 60_000) + 1e-9);
        },
      ),
    );
  });

  it('keeps bursts small', () => {
    expect(defaultBurst(1)).toBe(1);
    expect(defaultBurst(60)).toBe(10);
    expect(defaultBurst(30)).toBe(5);
    expect(defaultBurst(100_000)).toBe(10);
  });
});

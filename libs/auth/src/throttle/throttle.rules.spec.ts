import fc from 'fast-check';
import { retryAfterSeconds, windowStart, withinLimit } from './throttle.rules';

describe('fixed-window throttling rules', () => {
  it('puts every moment in a window that contains it, the same for every instance', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.integer({ min: 1000, max: 3_600_000 }), (now, window) => {
        const start = windowStart(now, window);
        expect(start).toBeLessThanOrEqual(now);
        expect(now - start).toBeLessThan(window);
        expect(start % window).toBe(0);
      }),
    );
  });

  it('asks to retry after the rest of the window, never 0 and never more than the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.integer({ min: 1000, max: 3_600_000 }), (now, window) => {
        const seconds = retryAfterSeconds(now, window);
        expect(seconds).toBeGreaterThanOrEqual(1);
        expect(seconds).toBeLessThanOrEqual(Math.ceil(window / 1000));
        expect(now + seconds * 1000).toBeGreaterThanOrEqual(windowStart(now, window) + window);
      }),
    );
  });

  it('allows exactly `limit` hits per window', () => {
    expect(withinLimit(60, 60)).toBe(true);
    expect(withinLimit(61, 60)).toBe(false);
  });
});

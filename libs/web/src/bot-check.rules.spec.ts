import fc from 'fast-check';
import { judgeSubmission, MAX_FORM_AGE_MS, MIN_FILL_MS } from './bot-check.rules';

describe('judgeSubmission', () => {
  const now = Date.parse('2030-03-01T10:00:00Z');

  it('lets a person through: empty honeypot, form shown a while ago', () => {
    expect(judgeSubmission({ honeypot: '', issuedAtMs: now - 20_000, nowMs: now })).toBe('person');
    expect(judgeSubmission({ honeypot: undefined, issuedAtMs: now - MIN_FILL_MS, nowMs: now })).toBe('person');
  });

  it('stops a filled honeypot, a missing or forged stamp, a form sent too fast and one too old', () => {
    expect(judgeSubmission({ honeypot: 'http://spam.example', issuedAtMs: now - 20_000, nowMs: now })).toBe('honeypot');
    expect(judgeSubmission({ honeypot: ['x'], issuedAtMs: now - 20_000, nowMs: now })).toBe('honeypot');
    expect(judgeSubmission({ honeypot: '', issuedAtMs: null, nowMs: now })).toBe('no_stamp');
    expect(judgeSubmission({ honeypot: '', issuedAtMs: now - 500, nowMs: now })).toBe('too_fast');
    expect(judgeSubmission({ honeypot: '', issuedAtMs: now + 60_000, nowMs: now })).toBe('too_fast');
    expect(judgeSubmission({ honeypot: '', issuedAtMs: now - MAX_FORM_AGE_MS - 1, nowMs: now })).toBe('stale');
  });

  it('never calls anything with a filled honeypot a person', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''), fc.option(fc.integer(), { nil: null }), (honeypot, issuedAtMs) => {
        expect(judgeSubmission({ honeypot, issuedAtMs, nowMs: now })).toBe('honeypot');
      }),
    );
  });
});

describe('judgeSubmission with a minimum fill time of its own', () => {
  const now = Date.parse('2030-03-01T10:00:00Z');
  const age = fc.integer({ min: -60_000, max: MAX_FORM_AGE_MS + 60_000 });
  const minFill = fc.integer({ min: 0, max: 600_000 });
  const emptyHoneypot = fc.constantFrom('', '   ', undefined, null);

  it('calls a form a person’s exactly when the honeypot is empty and its age lies between the minimum and the maximum', () => {
    fc.assert(
      fc.property(emptyHoneypot, age, minFill, (honeypot, ageMs, minFillMs) => {
        const verdict = judgeSubmission({ honeypot, issuedAtMs: now - ageMs, nowMs: now, minFillMs });
        expect(verdict === 'person').toBe(ageMs >= 0 && ageMs >= minFillMs && ageMs <= MAX_FORM_AGE_MS);
      }),
    );
  });

  it('never lets a form without a valid stamp through, whatever the minimum', () => {
    fc.assert(
      fc.property(emptyHoneypot, minFill, (honeypot, minFillMs) => {
        expect(judgeSubmission({ honeypot, issuedAtMs: null, nowMs: now, minFillMs })).toBe('no_stamp');
      }),
    );
  });

  it('with a minimum of 0 keeps the honeypot, the stamp and the maximum age', () => {
    expect(judgeSubmission({ honeypot: '', issuedAtMs: now, nowMs: now, minFillMs: 0 })).toBe('person');
    expect(judgeSubmission({ honeypot: 'x', issuedAtMs: now - 10_000, nowMs: now, minFillMs: 0 })).toBe('honeypot');
    expect(judgeSubmission({ honeypot: '', issuedAtMs: now - MAX_FORM_AGE_MS - 1, nowMs: now, minFillMs: 0 })).toBe('stale');
  });
});

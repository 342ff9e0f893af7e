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

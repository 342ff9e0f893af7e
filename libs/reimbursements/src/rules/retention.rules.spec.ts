import { addDays, erasureCutoff, paymentDate } from './retention.rules';

describe('retention and payment dates', () => {
  it('erases 90 days after the payment date, counted in Stockholm days', () => {
    expect(addDays('2030-11-01', 90)).toBe('2031-01-30');
    expect(erasureCutoff(new Date('2031-01-30T08:00:00+01:00'), 90)).toBe('2030-11-01');
    // 00:30 in Stockholm is still the previous day in UTC.
    expect(erasureCutoff(new Date('2031-01-29T23:30:00Z'), 90)).toBe('2030-11-01');
    expect(erasureCutoff(new Date('2031-01-29T12:00:00+01:00'), 90)).toBe('2030-10-31');
  });

  it('takes today when no payment date is given and refuses impossible or future ones', () => {
    const now = new Date('2030-12-20T10:00:00+01:00');
    expect(paymentDate(undefined, now)).toBe('2030-12-20');
    expect(paymentDate('2030-12-19', now)).toBe('2030-12-19');
    expect(paymentDate('2030-12-21', now)).toBe('future');
    expect(paymentDate('2030-02-30', now)).toBe('invalid');
    expect(paymentDate('20 dec', now)).toBe('invalid');
  });
});

import fc from 'fast-check';
import { retentionCutoff } from './retention.rules';

describe('retentionCutoff', () => {
  it('lies exactly the retention period before now', () => {
    expect(retentionCutoff(new Date('2031-03-01T12:00:00Z'), 365).toISOString()).toBe('2030-03-01T12:00:00.000Z');
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.integer({ min: 1, max: 36_500 }), (now, days) => {
        const cutoff = retentionCutoff(now, days);
        expect(cutoff.getTime()).toBeLessThan(now.getTime());
        expect(now.getTime() - cutoff.getTime()).toBe(days * 86_400_000);
      }),
    );
  });
});

import fc from 'fast-check';
import { aggregateFees, FeeItem, FeeRegistration, feeItems } from './fees';

const terms = { cancellationDeadline: new Date('2030-10-06T22:00:00Z'), cancellationFee: 40000, endsAt: new Date('2030-10-20T14:00:00Z') };
const base: FeeRegistration = {
  id: 'r',
  name: 'N',
  email: 'n@example.org',
  organisation: 'Org',
  status: 'confirmed',
  fee: 0,
  feeWaivedAt: null,
  feeWaiverReason: null,
  checkedInAt: null,
};

describe('fees', () => {
  it('lists late cancellations always and no-shows only once the conference has ended', () => {
    const regs: FeeRegistration[] = [
      { ...base, id: 'late', name: 'A', status: 'cancelled', fee: 40000 },
      { ...base, id: 'free', name: 'B', status: 'cancelled', fee: 0 },
      { ...base, id: 'absent', name: 'C' },
      { ...base, id: 'came', name: 'D', checkedInAt: new Date('2030-10-20T07:00:00Z') },
      { ...base, id: 'queue', name: 'E', status: 'waitlisted' },
    ];
    expect(feeItems(regs, terms, new Date('2030-10-20T10:00:00Z')).map((i) => i.registrationId)).toEqual(['late']);
    const after = feeItems(regs, terms, new Date('2030-10-20T15:00:00Z'));
    expect(after.map((i) => [i.registrationId, i.reason, i.amount])).toEqual([
      ['late', 'late_cancellation', 40000],
      ['absent', 'no_show', 40000],
    ]);
  });

  it('shows waived fees at 0 with their reason, outside the totals', () => {
    const items = feeItems([{ ...base, status: 'cancelled', fee: 40000, feeWaivedAt: new Date(), feeWaiverReason: 'Sjuk' }], terms, new Date('2030-10-10T00:00:00Z'));
    expect(items).toEqual([expect.objectContaining({ amount: 0, waived: true, waiverReason: 'Sjuk', reason: 'late_cancellation' })]);
    expect(aggregateFees(items)).toEqual({ byOrganisation: [], totalAmount: 0 });
  });

  it('groups organisations case- and space-insensitively', () => {
    const item = (organisation: string, amount: number): FeeItem => ({ registrationId: organisation, name: 'n', email: 'e', organisation, reason: 'no_show', amount, waived: false, waiverReason: null });
    expect(aggregateFees([item('Malmö stad', 100), item('malmö  stad ', 200), item('Lund', 50)])).toEqual({
      byOrganisation: [
        { organisation: 'Malmö stad', amount: 300, count: 2 },
        { organisation: 'Lund', amount: 50, count: 1 },
      ],
      totalAmount: 350,
    });
  });

  it('per-organisation amounts always sum to the total of the unwaived items', () => {
    const item = fc.record({
      registrationId: fc.uuid(),
      name: fc.string(),
      email: fc.string(),
      organisation: fc.constantFrom('A', 'a', ' A ', 'B', 'Röda Korset', 'röda korset', 'C'),
      reason: fc.constantFrom('late_cancellation' as const, 'no_show' as const),
      amount: fc.integer({ min: 0, max: 1_000_000 }),
      waived: fc.boolean(),
      waiverReason: fc.constant(null),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (raw) => {
        const items = raw.map((i) => (i.waived ? { ...i, amount: 0 } : i));
        const { byOrganisation, totalAmount } = aggregateFees(items);
        expect(byOrganisation.reduce((sum, o) => sum + o.amount, 0)).toBe(totalAmount);
        expect(totalAmount).toBe(items.filter((i) => !i.waived).reduce((sum, i) => sum + i.amount, 0));
        expect(byOrganisation.reduce((n, o) => n + o.count, 0)).toBe(items.filter((i) => !i.waived && i.amount > 0).length);
      }),
    );
  });
});

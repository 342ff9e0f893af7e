import fc from 'fast-check';
import { ReimbursementError } from '../reimbursement.errors';
import { assertPayable, assertWithinBudget, BudgetClaim, budgetState, claimantActions, decide, matchesFilter, stageOf } from './claim-state.rules';
import { TravelPolicy } from './travel-policy';

const policy = { requestDeadline: new Date('2030-12-10T22:59:59Z') } as TravelPolicy;
const open = { status: 'submitted' as const, paidOn: null, mode: 'car' as const, computedAmount: 60_000, hasReceipt: false };

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as ReimbursementError).code;
  }
  return 'none';
};

describe('claim state', () => {
  it('puts payment after approval and keeps withdrawn claims out of "all"', () => {
    expect(stageOf({ status: 'adjusted', paidOn: '2030-12-20' })).toBe('paid');
    expect(stageOf({ status: 'submitted', paidOn: null })).toBe('new');
    expect(matchesFilter({ status: 'adjusted', paidOn: null }, 'approved')).toBe(true);
    expect(matchesFilter({ status: 'approved', paidOn: '2030-12-20' }, 'approved')).toBe(false);
    expect(matchesFilter({ status: 'withdrawn', paidOn: null }, 'all')).toBe(false);
  });

  it('lets the claimant change and withdraw until decided, change only by the deadline, give payee details until paid', () => {
    const before = new Date('2030-12-01T12:00:00Z');
    const after = new Date('2030-12-11T12:00:00Z');
    expect(claimantActions(open, policy, before)).toEqual({ canCorrect: true, canWithdraw: true, canUploadReceipt: false, canGivePayee: true });
    expect(claimantActions(open, policy, after).canCorrect).toBe(false);
    expect(claimantActions({ ...open, mode: 'public_transport' }, policy, after).canUploadReceipt).toBe(true);
    expect(claimantActions({ ...open, status: 'approved' }, policy, before)).toEqual({ canCorrect: false, canWithdraw: false, canUploadReceipt: false, canGivePayee: true });
    expect(claimantActions({ ...open, status: 'approved', paidOn: '2030-12-20' }, policy, before).canGivePayee).toBe(false);
  });

  describe('decide', () => {
    it('approves the computed amount, adjusts with an amount and a reason, rejects with a reason', () => {
      expect(decide(open, { decision: 'approved' })).toEqual({ status: 'approved', approvedAmount: 60_000, reason: null });
      expect(decide(open, { decision: 'adjusted', approvedAmount: 45_000, reason: ' Shorter route ' })).toEqual({ status: 'adjusted', approvedAmount: 45_000, reason: 'Shorter route' });
      expect(decide(open, { decision: 'rejected', reason: 'Not a volunteer' })).toEqual({ status: 'rejected', approvedAmount: null, reason: 'Not a volunteer' });
    });

    it('refuses what is missing or out of place, each with its own code', () => {
      expect(codeOf(() => decide(open, { decision: 'adjusted', reason: 'x' }))).toBe('adjusted_amount_missing');
      expect(codeOf(() => decide(open, { decision: 'adjusted', approvedAmount: 1, reason: '  ' }))).toBe('decision_reason_missing');
      expect(codeOf(() => decide(open, { decision: 'rejected' }))).toBe('decision_reason_missing');
      expect(codeOf(() => decide(open, { decision: 'approved', approvedAmount: 1 }))).toBe('approved_amount_differs');
      expect(codeOf(() => decide({ ...open, mode: 'public_transport' }, { decision: 'approved' }))).toBe('receipt_required');
      expect(codeOf(() => decide({ ...open, status: 'withdrawn' }, { decision: 'approved' }))).toBe('travel_claim_withdrawn');
      expect(codeOf(() => decide({ ...open, status: 'approved', paidOn: '2030-12-20' }, { decision: 'rejected', reason: 'x' }))).toBe('travel_claim_paid');
    });
  });

  describe('budget', () => {
    const claims: BudgetClaim[] = [
      { id: 'a', status: 'approved', approvedAmount: 60_000, paidOn: '2030-12-20' },
      { id: 'b', status: 'adjusted', approvedAmount: 40_000, paidOn: null },
      { id: 'c', status: 'submitted', approvedAmount: null, paidOn: null },
      { id: 'd', status: 'rejected', approvedAmount: null, paidOn: null },
    ];

    it('counts approved and adjusted claims, paid ones included', () => {
      expect(budgetState(200_000, claims)).toEqual({ total: 200_000, approved: 100_000, paid: 60_000, left: 100_000 });
    });

    it('refuses an approval over the budget, naming what is left, and counts a re-decided claim once', () => {
      expect(() => assertWithinBudget(200_000, claims, 'c', 100_000)).not.toThrow();
      try {
        assertWithinBudget(200_000, claims, 'c', 100_001);
        fail('expected a refusal');
      } catch (error) {
        expect((error as ReimbursementError).code).toBe('travel_budget_exceeded');
        expect((error as ReimbursementError).wording.sv).toMatch(/1\s000 kr finns kvar/);
        expect((error as ReimbursementError).message).toContain('SEK 1,000 is left');
      }
      expect(() => assertWithinBudget(200_000, claims, 'b', 140_000)).not.toThrow();
    });

    it('never lets a sequence of approvals exceed the budget', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 300_000 }), { maxLength: 30 }), (total, amounts) => {
          const held: BudgetClaim[] = [];
          amounts.forEach((amount, i) => {
            try {
              assertWithinBudget(total, held, `c${i}`, amount);
              held.push({ id: `c${i}`, status: 'approved', approvedAmount: amount, paidOn: null });
            } catch {
              // refused: nothing held
            }
          });
          expect(budgetState(total, held).approved).toBeLessThanOrEqual(total);
        }),
      );
    });
  });

  it('pays only approved claims with payee details, once', () => {
    const approved = { status: 'approved' as const, paidOn: null, reference: 'RE-00001', payeeGiven: true };
    expect(() => assertPayable(approved)).not.toThrow();
    expect(codeOf(() => assertPayable({ ...approved, payeeGiven: false }))).toBe('payee_details_missing');
    expect(codeOf(() => assertPayable({ ...approved, status: 'submitted' }))).toBe('travel_claim_not_approved');
    expect(codeOf(() => assertPayable({ ...approved, paidOn: '2030-12-20' }))).toBe('travel_claim_already_paid');
  });
});

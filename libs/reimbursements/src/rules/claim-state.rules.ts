import type { Ore } from '@dialogdag/shared';
import {
  approveWithOtherAmount,
  adjustNeedsAmount,
  budgetExceeded,
  claimAlreadyPaid,
  claimDecided,
  claimLate,
  claimNotApproved,
  claimPaid,
  claimWithdrawn,
  payeeClosed,
  payeeMissing,
  reasonRequired,
  receiptNotNeeded,
  receiptRequired,
} from '../reimbursement.errors';
import type { TravelMode, TravelPolicy } from './travel-policy';

export const CLAIM_STATUSES = ['submitted', 'approved', 'adjusted', 'rejected', 'withdrawn'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const DECISIONS = ['approved', 'adjusted', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Where a claim stands, as the queue and the claimant see it: payment is a step after approval. */
export type ClaimStage = 'new' | 'approved' | 'adjusted' | 'rejected' | 'paid' | 'withdrawn';
export const CLAIM_FILTERS = ['new', 'approved', 'rejected', 'paid', 'withdrawn', 'all'] as const;
export type ClaimFilter = (typeof CLAIM_FILTERS)[number];

export interface ClaimState {
  status: ClaimStatus;
  /** Stockholm date, YYYY-MM-DD. */
  paidOn: string | null;
}

export function stageOf(c: ClaimState): ClaimStage {
  if (c.paidOn) return 'paid';
  return c.status === 'submitted' ? 'new' : c.status;
}

/** "approved" covers adjusted claims too; "all" leaves out withdrawn ones. */
export function matchesFilter(c: ClaimState, filter: ClaimFilter): boolean {
  const stage = stageOf(c);
  if (filter === 'all') return stage !== 'withdrawn';
  if (filter === 'approved') return stage === 'approved' || stage === 'adjusted';
  return stage === filter;
}

/** Approved or adjusted: the claim holds its approved amount of the budget. */
export const holdsBudget = (c: ClaimState) => c.status === 'approved' || c.status === 'adjusted';

/** Public-transport claims are approved only once the ticket receipt is there. */
export const receiptNeeded = (mode: TravelMode) => mode === 'public_transport';

export interface ClaimantActions {
  canCorrect: boolean;
  canWithdraw: boolean;
  canUploadReceipt: boolean;
  canGivePayee: boolean;
}

/** What the claimant may still do: change or withdraw until decided (changes only by the deadline), payee details until paid. */
export function claimantActions(c: ClaimState & { mode: TravelMode }, policy: TravelPolicy | null, now: Date): ClaimantActions {
  const open = c.status === 'submitted';
  return {
    canCorrect: open && policy !== null && now <= policy.requestDeadline,
    canWithdraw: open,
    canUploadReceipt: open && receiptNeeded(c.mode),
    canGivePayee: (open || holdsBudget(c)) && !c.paidOn,
  };
}

export function assertCorrectable(c: ClaimState & { mode: TravelMode }, policy: TravelPolicy | null, now: Date): void {
  assertOpen(c);
  if (!claimantActions(c, policy, now).canCorrect) throw claimLate(policy?.requestDeadline ?? now);
}

export function assertOpen(c: ClaimState): void {
  if (c.status === 'withdrawn') throw claimWithdrawn();
  if (c.status !== 'submitted') throw claimDecided();
}

export function assertCanTakeReceipt(c: ClaimState & { mode: TravelMode }): void {
  assertOpen(c);
  if (!receiptNeeded(c.mode)) throw receiptNotNeeded();
}

export function assertCanTakePayee(c: ClaimState): void {
  if (c.paidOn || c.status === 'withdrawn' || c.status === 'rejected') throw payeeClosed();
}

export interface DecisionInput {
  decision: Decision;
  approvedAmount?: Ore | null;
  reason?: string | null;
}

export interface DecisionOutcome {
  status: Decision;
  approvedAmount: Ore | null;
  reason: string | null;
}

/**
 * An organiser's decision: approve the computed amount, adjust it (amount and reason required)
 * or reject (reason required). A decision may be changed until the claim is paid.
 */
export function decide(
  c: ClaimState & { mode: TravelMode; computedAmount: Ore; hasReceipt: boolean },
  input: DecisionInput,
): DecisionOutcome {
  if (c.status === 'withdrawn') throw claimWithdrawn();
  if (c.paidOn) throw claimPaid();
  const reason = input.reason?.trim() || null;
  if (input.decision === 'rejected') {
    if (!reason) throw reasonRequired();
    return { status: 'rejected', approvedAmount: null, reason };
  }
  if (receiptNeeded(c.mode) && !c.hasReceipt) throw receiptRequired();
  if (input.decision === 'approved') {
    const given = input.approvedAmount;
    if (given !== undefined && given !== null && given !== c.computedAmount) throw approveWithOtherAmount();
    return { status: 'approved', approvedAmount: c.computedAmount, reason };
  }
  if (input.approvedAmount === undefined || input.approvedAmount === null) throw adjustNeedsAmount();
  if (!reason) throw reasonRequired();
  return { status: 'adjusted', approvedAmount: input.approvedAmount, reason };
}

export interface BudgetState {
  total: Ore;
  /** Held by approved and adjusted claims, paid ones included. */
  approved: Ore;
  paid: Ore;
  /** May be negative when the budget was lowered below what is approved. */
  left: Ore;
}

export interface BudgetClaim extends ClaimState {
  id: string;
  approvedAmount: Ore | null;
}

export function budgetState(total: Ore, claims: readonly BudgetClaim[]): BudgetState {
  let approved = 0;
  let paid = 0;
  for (const c of claims) {
    if (!holdsBudget(c)) continue;
    approved += c.approvedAmount ?? 0;
    if (c.paidOn) paid += c.approvedAmount ?? 0;
  }
  return { total, approved, paid, left: total - approved };
}

/** Refuses an approval that would take the approved total over the budget, naming what is left (the claim's own current share counts as left). */
export function assertWithinBudget(total: Ore, claims: readonly BudgetClaim[], claimId: string, amount: Ore): void {
  const others = budgetState(total, claims.filter((c) => c.id !== claimId));
  if (amount > others.left) throw budgetExceeded(amount, Math.max(0, others.left));
}

export function assertPayable(c: ClaimState & { reference: string; payeeGiven: boolean }): void {
  if (c.status === 'withdrawn') throw claimWithdrawn();
  if (c.paidOn) throw claimAlreadyPaid();
  if (!holdsBudget(c)) throw claimNotApproved();
  if (!c.payeeGiven) throw payeeMissing(c.reference);
}

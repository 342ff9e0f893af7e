import { DomainError, ErrorCategory, formatDateTime, formatMoney, Language } from '@dialogdag/shared';
import { bothLanguages, Catalogue } from './i18n';

/** A refusal worded in both languages: the API answers in English, pages in the reader's language. */
export class ReimbursementError extends DomainError {
  constructor(
    code: string,
    category: ErrorCategory,
    readonly wording: Record<Language, string>,
    field?: string,
  ) {
    super(code, category, wording.en, field);
  }
}

const refusal = (code: string, category: ErrorCategory, pick: (t: Catalogue, lang: Language) => string, field?: string) =>
  new ReimbursementError(code, category, bothLanguages(pick), field);

/** The reader's wording of any domain error: ours carry both languages, others their English message. */
export function wordingOf(error: DomainError, lang: Language): string {
  return error instanceof ReimbursementError ? error.wording[lang] : error.message;
}

/** 409 with every reason in words; nothing was stored. */
export const notEligible = (reasons: Array<{ text: Record<Language, string> }>) =>
  new ReimbursementError('travel_claim_not_eligible', 'conflict', {
    sv: reasons.map((r) => r.text.sv).join(' '),
    en: reasons.map((r) => r.text.en).join(' '),
  });
export const noClaim = () => refusal('travel_claim_not_found', 'not_found', (t) => t.errors.noClaim);
export const claimNotFound = () => refusal('travel_claim_not_found', 'not_found', (t) => t.errors.claimNotFound);
export const claimDecided = () => refusal('travel_claim_decided', 'conflict', (t) => t.errors.decided);
export const claimWithdrawn = () => refusal('travel_claim_withdrawn', 'conflict', (t) => t.errors.withdrawn);
export const claimLate = (deadline: Date) =>
  refusal('travel_claim_late', 'conflict', (t, lang) => t.errors.late(formatDateTime(deadline, lang)));
export const passengerUnknown = () => refusal('passenger_unknown', 'invalid', (t) => t.errors.passengerUnknown, 'passengers');
export const passengerNoSeat = (name: string) =>
  refusal('passenger_without_seat', 'conflict', (t) => t.errors.passengerNoSeat(name), 'passengers');
export const passengerTaken = (name: string) =>
  refusal('passenger_in_other_claim', 'conflict', (t) => t.errors.passengerTaken(name), 'passengers');
export const budgetExceeded = (amount: number, left: number) =>
  refusal('travel_budget_exceeded', 'conflict', (t, lang) => t.errors.budgetExceeded(formatMoney(amount, lang), formatMoney(left, lang)));
export const claimPaid = () => refusal('travel_claim_paid', 'conflict', (t) => t.errors.paid);
export const claimNotApproved = () => refusal('travel_claim_not_approved', 'conflict', (t) => t.errors.notApproved);
export const claimAlreadyPaid = () => refusal('travel_claim_already_paid', 'conflict', (t) => t.errors.alreadyPaid);
export const payeeMissing = (reference: string) => refusal('payee_details_missing', 'conflict', (t) => t.errors.payeeMissing(reference));
export const payeeClosed = () => refusal('payee_details_closed', 'conflict', (t) => t.errors.payeeClosed);
export const receiptRequired = () => refusal('receipt_required', 'conflict', (t) => t.errors.receiptRequired);
export const receiptType = () => refusal('receipt_type', 'invalid', (t) => t.errors.receiptType, 'receipt');
export const receiptTooLarge = () => refusal('receipt_too_large', 'payload_too_large', (t) => t.errors.receiptTooLarge, 'receipt');
export const receiptMissing = () => refusal('receipt_missing', 'invalid', (t) => t.errors.receiptMissing, 'receipt');
export const receiptNotNeeded = () => refusal('receipt_not_needed', 'conflict', (t) => t.errors.receiptNotNeeded, 'receipt');
export const noReceipt = () => refusal('receipt_not_found', 'not_found', (t) => t.errors.noReceipt);
export const amountChanged = (amount: number) =>
  refusal('travel_amount_changed', 'conflict', (t, lang) => t.errors.amountChanged(formatMoney(amount, lang)), 'expectedAmount');
export const adjustNeedsAmount = () => refusal('adjusted_amount_missing', 'invalid', (t) => t.errors.adjustNeedsAmount, 'approvedAmount');
export const reasonRequired = () => refusal('decision_reason_missing', 'invalid', (t) => t.errors.reasonRequired, 'reason');
export const approveWithOtherAmount = () =>
  refusal('approved_amount_differs', 'invalid', (t) => t.errors.approveWithOtherAmount, 'approvedAmount');
export const paidOnFuture = () => refusal('paid_on_in_future', 'invalid', (t) => t.errors.paidOnFuture, 'paidOn');
export const paidOnInvalid = () => refusal('paid_on_invalid', 'invalid', (t) => t.errors.paidOnInvalid, 'paidOn');
export const unknownClaims = () => refusal('travel_claims_not_found', 'not_found', (t) => t.errors.unknownClaims, 'ids');

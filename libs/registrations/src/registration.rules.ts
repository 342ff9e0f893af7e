/** Whether the public may register now. Organisers may still add people by hand when closed. */
export type RegistrationWindow = 'not_open_yet' | 'open' | 'closed';

export interface RegistrationWindowInput {
  registrationOpensAt: Date | null;
  registrationDeadline: Date;
}

export function registrationWindow(c: RegistrationWindowInput, now: Date): RegistrationWindow {
  if (c.registrationOpensAt && now < c.registrationOpensAt) return 'not_open_yet';
  if (now > c.registrationDeadline) return 'closed';
  return 'open';
}

export interface FeeTerms {
  cancellationDeadline: Date;
  /** Öre. */
  cancellationFee: number;
  endsAt: Date;
}

/** What cancelling now costs: nothing up to and including the deadline, the fee after it. */
export function cancellationFeeAt(terms: FeeTerms, now: Date): number {
  return now <= terms.cancellationDeadline ? 0 : terms.cancellationFee;
}

export interface FeeState {
  status: 'confirmed' | 'waitlisted' | 'cancelled' | 'transferred';
  /** Fee fixed at cancellation, öre. */
  fee: number;
  feeWaivedAt: Date | null;
  checkedInAt: Date | null;
}

/** A seat-holder who never checked in, once the conference has ended. */
export function isNoShow(r: FeeState, terms: FeeTerms, now: Date): boolean {
  return r.status === 'confirmed' && r.checkedInAt === null && now >= terms.endsAt;
}

/** Öre owed by a registration now: a late cancellation's fee or a no-show's, unless waived. */
export function feeOwed(r: FeeState, terms: FeeTerms, now: Date): number {
  if (r.feeWaivedAt) return 0;
  if (r.status === 'cancelled') return r.fee;
  if (isNoShow(r, terms, now)) return terms.cancellationFee;
  return 0;
}

/** What cancelling costs this registration now: only a seat-holder pays; a place on the waiting list is free to give up. */
export function cancellationFeeFor(status: FeeState['status'], terms: FeeTerms, now: Date): number {
  return status === 'confirmed' ? cancellationFeeAt(terms, now) : 0;
}

export interface ModificationTerms {
  registrationDeadline: Date;
  /** null: the registration deadline. */
  modificationDeadline: Date | null;
}

/** Last moment for self-service changes of details. */
export function modificationDeadlineOf(c: ModificationTerms): Date {
  return c.modificationDeadline ?? c.registrationDeadline;
}

export function canModifyDetails(c: ModificationTerms, now: Date): boolean {
  return now <= modificationDeadlineOf(c);
}

/** Cancelling and transferring are possible until the conference starts. */
export function hasStarted(c: { startsAt: Date }, now: Date): boolean {
  return now >= c.startsAt;
}

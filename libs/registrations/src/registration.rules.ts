/**
 * The registration rules, each decided in one function here and used by services, views and
 * pages alike. Pure: times come in as arguments.
 */

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

export type Status = 'confirmed' | 'waitlisted' | 'cancelled' | 'transferred';

/** Who acts: participants through their personal link, organisers from the back office. */
export type Actor = 'participant' | 'organiser';

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
  status: Status;
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

/**
 * What cancelling costs this registration now, whoever cancels: only a seat-holder pays;
 * a place on the waiting list is free to give up.
 */
export function cancellationFeeFor(status: Status, terms: FeeTerms, now: Date): number {
  return status === 'confirmed' ? cancellationFeeAt(terms, now) : 0;
}

/**
 * A cancellation is confirmed at the fee the person was shown. When the fee now differs
 * (a deadline passed in between), it needs a fresh confirmation. No expectation: the caller
 * (an API client) accepts the fee of the moment.
 */
export function confirmsFee(expectedFee: number | undefined, fee: number): boolean {
  return expectedFee === undefined || expectedFee === fee;
}

/** Organisers may waive a late cancellation's fee, and excuse a seat-holder who has not come (e.g. reported ill). */
export function canWaiveFee(r: FeeState): boolean {
  return (r.status === 'cancelled' && r.fee > 0) || (r.status === 'confirmed' && r.checkedInAt === null);
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

/** The conference has begun: no more cancelling by participants, no transfers, no promotions. */
export function hasStarted(c: { startsAt: Date }, now: Date): boolean {
  return now >= c.startsAt;
}

export const isActive = (status: Status) => status === 'confirmed' || status === 'waitlisted';

/** Why a registration cannot change now; each maps to one error. */
export type ChangeRefusal = 'not_found' | 'already_cancelled' | 'conference_started' | 'not_active' | 'modification_closed';

/**
 * Whether this actor may cancel now. A transferred registration is gone for its old holder; participants
 * cannot cancel once the conference has started (a no-show is charged instead), organisers still can.
 */
export function cancellationRefusal(status: Status, c: { startsAt: Date }, now: Date, by: Actor): ChangeRefusal | null {
  if (status === 'transferred') return 'not_found';
  if (status === 'cancelled') return 'already_cancelled';
  if (by === 'participant' && hasStarted(c, now)) return 'conference_started';
  return null;
}

export type CancellationQuote = { refusal: ChangeRefusal; fee: null } | { refusal: null; fee: number };

/** Whether this actor may cancel now and, if so, at what fee: what the confirmation step shows and the cancellation charges. */
export function cancellationQuote(status: Status, c: FeeTerms & { startsAt: Date }, now: Date, by: Actor): CancellationQuote {
  const refusal = cancellationRefusal(status, c, now, by);
  return refusal ? { refusal, fee: null } : { refusal: null, fee: cancellationFeeFor(status, c, now) };
}

/** Whether the registration may move to a colleague now; the same for participants and organisers. */
export function transferRefusal(status: Status, c: { startsAt: Date }, now: Date): ChangeRefusal | null {
  if (status === 'transferred') return 'not_found';
  if (status === 'cancelled') return 'already_cancelled';
  if (hasStarted(c, now)) return 'conference_started';
  return null;
}

/** Whether the holder may change their details now (until the modification deadline, while active). */
export function detailsChangeRefusal(status: Status, c: ModificationTerms, now: Date): ChangeRefusal | null {
  if (!isActive(status)) return 'not_active';
  if (!canModifyDetails(c, now)) return 'modification_closed';
  return null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Reminders go out once the start is at most `daysBefore` days ahead, and never once it has started. */
export function isReminderDue(c: { startsAt: Date }, now: Date, daysBefore: number): boolean {
  return !hasStarted(c, now) && c.startsAt.getTime() - now.getTime() <= daysBefore * DAY_MS;
}

/**
 * A special diet can reveal health or religion (GDPR Art. 9): it is stored only with explicit consent,
 * in every path (the form's checkbox, `dietConsent: true` in the API).
 */
export function dietConsentMissing(diet: unknown, consent: unknown): boolean {
  return typeof diet === 'string' && diet.trim() !== '' && consent !== true && consent !== 'true';
}

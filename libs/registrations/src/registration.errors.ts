import { DomainError, ErrorCategory, formatClock, formatMoney } from '@dialogdag/shared';
import type { CheckInRefusal } from './seats.rules';

/**
 * Every error of the registrations lib, each with its own code. The message is the API's
 * (English); pages say the same in their language by looking the code up in the catalogue.
 */
export const REGISTRATION_ERROR_CODES = [
  'registration_closed',
  'registration_not_open',
  'already_registered',
  'colleague_already_registered',
  'registration_not_found',
  'registration_not_in_conference',
  'already_cancelled',
  'conference_started',
  'modification_closed',
  'registration_not_active',
  'fee_changed',
  'not_checkable_cancelled',
  'not_checkable_transferred',
  'no_free_seat',
  'already_checked_in',
  'check_in_code_unknown',
  'check_in_code_other_conference',
  'no_fee',
  'reason_missing',
  'reason_too_long',
  'book_tables_not_offered',
  'book_table_description_missing',
  'book_table_not_found',
  'book_table_withdrawn',
  'book_table_limit_reached',
  'book_table_limit_below_approved',
] as const;
export type RegistrationErrorCode = (typeof REGISTRATION_ERROR_CODES)[number];

export class RegistrationError extends DomainError {
  constructor(
    override readonly code: RegistrationErrorCode,
    category: ErrorCategory,
    message: string,
    field?: string,
  ) {
    super(code, category, message, field);
  }
}

const error = (code: RegistrationErrorCode, category: ErrorCategory, message: string, field?: string) => new RegistrationError(code, category, message, field);

export const registrationClosed = () => error('registration_closed', 'conflict', 'Registration for this conference has closed.');
export const registrationNotOpenYet = () => error('registration_not_open', 'conflict', 'Registration for this conference has not opened yet.');
export const alreadyRegistered = () => error('already_registered', 'conflict', 'This e-mail address is already registered for the conference.', 'email');
export const colleagueAlreadyRegistered = () =>
  error('colleague_already_registered', 'conflict', 'The colleague’s e-mail address is already registered for the conference.', 'email');
export const registrationNotFound = () =>
  error('registration_not_found', 'not_found', 'No registration for that link; it may have been transferred or mistyped.');
export const registrationNotInConference = () => error('registration_not_in_conference', 'not_found', 'No such registration in this conference.');
export const alreadyCancelled = () => error('already_cancelled', 'conflict', 'This registration is already cancelled.');
export const conferenceStarted = () =>
  error('conference_started', 'conflict', 'The conference has started; the registration can no longer be cancelled or transferred.');
export const modificationClosed = () => error('modification_closed', 'conflict', 'The deadline for changing registration details has passed.');
export const notModifiable = () => error('registration_not_active', 'conflict', 'Only an active (confirmed or waitlisted) registration can be changed.');

/** The fee changed between showing the confirmation step and confirming it (a deadline passed). */
export class FeeChanged extends RegistrationError {
  constructor(
    readonly fee: number,
    readonly expectedFee: number,
  ) {
    super('fee_changed', 'conflict', `Cancelling now costs ${formatMoney(fee, 'en')}, not the ${formatMoney(expectedFee, 'en')} shown; confirm again with expectedFee ${fee}.`, 'expectedFee');
  }
}

/** Carries the status so pages can say why. */
export class NotCheckable extends RegistrationError {
  constructor(readonly status: 'cancelled' | 'transferred') {
    super(status === 'cancelled' ? 'not_checkable_cancelled' : 'not_checkable_transferred', 'conflict', `A ${status} registration cannot be checked in.`);
  }
}
export const waitlistedAndFull = () =>
  error(
    'no_free_seat',
    'conflict',
    'This person is on the waiting list and the conference is full; check them in with overCapacity true to admit them over capacity, or free a seat first.',
  );

/** A scanned code of someone already in: said with the time, so a passed-on badge shows. */
export class AlreadyCheckedIn extends RegistrationError {
  constructor(readonly at: Date) {
    super('already_checked_in', 'conflict', `Already checked in at ${formatClock(at)}.`, 'code');
  }
}

export const checkInRefused = (reason: CheckInRefusal) => (reason === 'no_free_seat' ? waitlistedAndFull() : new NotCheckable(reason));
export const checkInCodeUnknown = () => error('check_in_code_unknown', 'not_found', 'No registration has this check-in code.', 'code');
export const checkInCodeOtherConference = () =>
  error('check_in_code_other_conference', 'conflict', 'This check-in code belongs to another conference.', 'code');

export const nothingToWaive = () =>
  error('no_fee', 'conflict', 'This registration owes no fee that could be waived (only late cancellations and seat-holders who did not come).');
export const reasonMissing = () => error('reason_missing', 'invalid', 'reason must say why the fee is waived', 'reason');
export const reasonTooLong = () => error('reason_too_long', 'invalid', 'reason must be at most 500 characters', 'reason');

export const bookTablesNotOffered = () => error('book_tables_not_offered', 'conflict', 'This conference offers no book tables.', 'bookTable');
export const bookTableDescriptionMissing = () =>
  error('book_table_description_missing', 'invalid', 'bookTableDescription must say briefly what the organisation wants to show', 'bookTableDescription');
export const bookTableNotFound = () => error('book_table_not_found', 'not_found', 'No such book-table request in this conference.');
export const bookTableWithdrawn = () =>
  error('book_table_withdrawn', 'conflict', 'The registration behind this request was cancelled; the request is withdrawn.');
export const bookTableLimitReached = (limit: number) =>
  error('book_table_limit_reached', 'conflict', `All ${limit} book tables are given out; decline another first or raise the limit.`);
export const bookTableLimitBelowApproved = (approved: number) =>
  error('book_table_limit_below_approved', 'conflict', `The limit cannot be lower than the ${approved} book tables already approved.`, 'limit');

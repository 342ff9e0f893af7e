/**
 * Data protection rules: what anonymising a registration keeps and clears, what erasing one costs, and when a
 * conference's registrations are due for anonymisation. Pure: times come in as arguments. Erasure by the
 * person, by an organiser and the retention job all go through `anonymise`, and the libs built on
 * registrations use `erasedName` and `erasedEmail` for their own copies, so one function decides everywhere.
 */
import type { Language } from '@dialogdag/shared';
import { Actor, cancellationQuote, FeeTerms, hasStarted, isActive, Status } from '../registration.rules';

const ERASED_NAME: Readonly<Record<Language, string>> = { sv: 'Raderad deltagare', en: 'Erased participant' };

/** The neutral name an anonymised person gets, in the registration's language. */
export function erasedName(lang: Language): string {
  return ERASED_NAME[lang];
}

/**
 * `.invalid` is reserved (RFC 2606), so nothing is ever delivered there; the registration's id keeps the
 * address unique (one active registration per address, one message per address).
 */
export function erasedEmail(registrationId: string): string {
  return `erased-${registrationId}@invalid`;
}

/**
 * Kept as they are, for what outlives the person: attendance summaries (status, times, sector, organisation,
 * politician and party, checked in), fees (the amount, the waiver, the organisation that pays), travel claims,
 * workshop and table history (ids, no text) and the waiting-list order.
 */
export const KEPT_ON_ANONYMISATION = [
  'id', 'conferenceId', 'status', 'source', 'sector', 'organisation', 'isPolitician', 'politicalParty', 'isVolunteer', 'language',
  'workshopPreferences', 'createdAt', 'confirmedAt', 'waitlistedAt', 'waitlistOrder', 'cancelledAt', 'reminderSentAt',
  'fee', 'feeWaivedAt', 'checkedInAt', 'transferredFromId',
] as const;

/** Cleared or replaced: who the person is, how to reach them, their diet and its consent, and their secrets. */
export const CLEARED_ON_ANONYMISATION = [
  'name', 'email', 'phone', 'diet', 'dietConsentAt', 'feeWaiverReason', 'manageTokenHash', 'checkInCode',
] as const;

export interface AnonymisableRegistration {
  id: string;
  language: Language;
  anonymisedAt: Date | null;
}

export type AnonymisedFields = {
  name: string;
  email: string;
  phone: null;
  diet: null;
  dietConsentAt: null;
  /** The organisers' reason for waiving a fee says something about the person (e.g. illness); the waiver stays. */
  feeWaiverReason: null;
  manageTokenHash: string;
  checkInCode: string;
  anonymisedAt: Date;
};

/**
 * The columns to write when a registration is anonymised. They depend on nothing personal (only the id, the
 * language and when it first happened), so nothing of what was there survives; applying it again changes nothing.
 */
export function anonymise(r: AnonymisableRegistration, now: Date): AnonymisedFields {
  return {
    name: erasedName(r.language),
    email: erasedEmail(r.id),
    phone: null,
    diet: null,
    dietConsentAt: null,
    feeWaiverReason: null,
    // No link opens it any more: a live link's hash is 64 hex digits, never this.
    manageTokenHash: `erased:${r.id}`,
    // Nor can a code typed at the door find it: codes are read as upper-case base32 only.
    checkInCode: `erased-${r.id}`,
    anonymisedAt: r.anonymisedAt ?? now,
  };
}

/**
 * What erasing a registration does first: an active one is cancelled while the conference has not started,
 * under the usual fee decision (`cancellationQuote`), so its seat or queue place is given back. Once the
 * conference has started nothing is cancelled: the anonymised registration stays as a record of attendance
 * (and a no-show's fee stays owed). `fee`: what the cancellation costs now, 0 when nothing is cancelled.
 */
export type ErasurePlan = { cancelFirst: true; fee: number } | { cancelFirst: false; fee: 0 };

export function erasurePlan(status: Status, c: FeeTerms & { startsAt: Date }, now: Date, by: Actor): ErasurePlan {
  if (!isActive(status) || hasStarted(c, now)) return { cancelFirst: false, fee: 0 };
  const quote = cancellationQuote(status, c, now, by);
  return quote.refusal === null ? { cancelFirst: true, fee: quote.fee } : { cancelFirst: false, fee: 0 };
}

const DAY_MS = 86_400_000;

/** When a conference's registrations are anonymised: `retentionDays` after it ended. */
export function anonymisationDueAt(c: { endsAt: Date }, retentionDays: number): Date {
  return new Date(c.endsAt.getTime() + retentionDays * DAY_MS);
}

export function isAnonymisationDue(c: { endsAt: Date }, now: Date, retentionDays: number): boolean {
  return now.getTime() >= anonymisationDueAt(c, retentionDays).getTime();
}

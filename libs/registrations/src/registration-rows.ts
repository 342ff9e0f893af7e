import { EntityManager } from 'typeorm';
import { newCheckInCode } from './check-in/check-in-code';
import { Registration } from './registration.entity';
import {
  alreadyCancelled,
  conferenceStarted,
  modificationClosed,
  notModifiable,
  registrationNotFound,
} from './registration.errors';
import { ChangeRefusal } from './registration.rules';

/** What the commands on registrations share: how a row starts, how it is locked, how a refusal is raised. */

/** The one constraint that means "already registered"; any other unique violation is a fault. */
export const isDuplicateRegistration = (error: unknown) => (error as { constraint?: string })?.constraint === 'registration_one_active_per_email';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function lockRegistration(manager: EntityManager, id: string): Promise<Registration> {
  const registration = await manager.getRepository(Registration).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!registration) throw registrationNotFound();
  return registration;
}

const REFUSALS: Record<ChangeRefusal, () => Error> = {
  not_found: registrationNotFound,
  already_cancelled: alreadyCancelled,
  conference_started: conferenceStarted,
  not_active: notModifiable,
  modification_closed: modificationClosed,
};

/** Throws the error a rule's refusal stands for; nothing when the rule allows the change. */
export function refuse(refusal: ChangeRefusal | null): void {
  if (refusal) throw REFUSALS[refusal]();
}

/** The columns every new registration starts with, whatever made it. */
export function newRegistration(conferenceId: string, now: Date, manageTokenHash: string): Partial<Registration> {
  return {
    conferenceId,
    isPolitician: false,
    politicalParty: null,
    isVolunteer: false,
    diet: null,
    dietConsentAt: null,
    manageTokenHash,
    checkInCode: newCheckInCode(),
    createdAt: now,
    confirmedAt: null,
    waitlistedAt: null,
    waitlistOrder: null,
    cancelledAt: null,
    reminderSentAt: null,
    fee: 0,
    feeWaivedAt: null,
    feeWaiverReason: null,
    checkedInAt: null,
    transferredFromId: null,
    updatedAt: now,
  };
}

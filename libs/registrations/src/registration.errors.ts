import { DomainError } from '@dialogdag/shared';

export const registrationClosed = () =>
  new DomainError('registration_closed', 'conflict', 'Registration for this conference has closed.');
export const registrationNotOpenYet = () =>
  new DomainError('registration_not_open', 'conflict', 'Registration for this conference has not opened yet.');
export const alreadyRegistered = () =>
  new DomainError('already_registered', 'conflict', 'This e-mail address is already registered for the conference.', 'email');
export const registrationNotFound = () =>
  new DomainError('registration_not_found', 'not_found', 'No registration for that link; it may have been transferred or mistyped.');
export const dietConsentMissing = () =>
  new DomainError('diet_consent_missing', 'invalid', 'To record a special diet, please consent to it being stored.', 'dietConsent');
export const alreadyCancelled = () =>
  new DomainError('already_cancelled', 'conflict', 'This registration is already cancelled.');
export const conferenceStarted = () =>
  new DomainError('conference_started', 'conflict', 'The conference has started; the registration can no longer be cancelled or transferred.');
export const modificationClosed = () =>
  new DomainError('modification_closed', 'conflict', 'The deadline for changing registration details has passed.');
export const notModifiable = () =>
  new DomainError('registration_not_active', 'conflict', 'Only an active (confirmed or waitlisted) registration can be changed.');
export const colleagueAlreadyRegistered = () =>
  new DomainError('already_registered', 'conflict', 'The colleague’s e-mail address is already registered for the conference.', 'email');

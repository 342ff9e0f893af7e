import { DomainError } from '@dialogdag/shared';

export const conferenceNotFound = () =>
  new DomainError('conference_not_found', 'not_found', 'No such conference, or you do not manage it.');
export const publishedConferenceNotFound = () =>
  new DomainError('conference_not_found', 'not_found', 'No published conference with that address.');
export const slugTaken = (slug: string) =>
  new DomainError('slug_taken', 'conflict', `The slug "${slug}" is already used by another conference.`, 'slug');
export const capacityBelowSeatsHeld = (held: number) =>
  new DomainError('capacity_below_seats_held', 'conflict', `capacity cannot be lower than the ${held} seats already taken.`, 'capacity');
export const organiserNotFound = () =>
  new DomainError('organiser_not_found', 'not_found', 'No organiser account with that e-mail address.', 'email');

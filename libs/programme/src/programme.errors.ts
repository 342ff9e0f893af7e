import { DomainError } from '@dialogdag/shared';

export const programmeItemNotFound = () =>
  new DomainError('programme_item_not_found', 'not_found', 'No such programme item in this conference.');
export const speakerRemovedMeanwhile = () =>
  new DomainError('speaker_not_in_conference', 'conflict', 'A speaker was removed from this conference meanwhile; reload and try again.', 'speakers');
export const programmeOutsideHours = (message: string, field: string) => new DomainError('programme_outside_hours', 'conflict', message, field);
export const programmeClash = (message: string, field: string) => new DomainError('programme_clash', 'conflict', message, field);
export const programmeShiftRefused = (message: string, field: string) => new DomainError('programme_shift_refused', 'conflict', message, field);
export const conferenceNotPublished = () =>
  new DomainError('conference_not_published', 'conflict', 'Speakers are told their slots once the conference is published.');

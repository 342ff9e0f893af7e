import { DomainError } from '@dialogdag/shared';

export const workshopNotFound = () => new DomainError('workshop_not_found', 'not_found', 'No such workshop in this conference.');
export const noWorkshops = () =>
  new DomainError('no_workshops', 'conflict', 'The conference has no workshops yet: add workshops before running the assignment.');
export const workshopInUse = (chosenBy: number, assigned: number) =>
  new DomainError(
    'workshop_in_use',
    'conflict',
    `${chosenBy} ${chosenBy === 1 ? 'person has' : 'people have'} chosen this workshop and ${assigned} ${assigned === 1 ? 'is' : 'are'} assigned to it; ` +
      'delete it with force=true to clear those choices and places.',
  );
export const capacityBelowLocked = (locked: number) =>
  new DomainError('capacity_below_locked', 'conflict', `capacity cannot be lower than the ${locked} places organisers have locked in one round.`, 'capacity');
export const participantNotFound = () => new DomainError('participant_not_found', 'not_found', 'No such registration in this conference.');
export const notASeatHolder = () =>
  new DomainError('not_a_seat_holder', 'conflict', 'Only people holding a seat (confirmed registrations) can be placed in a workshop.');
export const roundRequired = () =>
  new DomainError('round_required', 'invalid', 'round: the workshop runs in several rounds; say which.', 'round');
export const inspirerNotFound = (id: string) =>
  new DomainError('inspirer_not_found', 'invalid', `inspirerIds: ${id} is not a speaker of this conference.`, 'inspirerIds');
export const groupSizeInvalid = () =>
  new DomainError('group_size_invalid', 'invalid', 'groupSize.min must not be larger than groupSize.max.', 'groupSize');
export const lockedPlacesInDroppedRound = () =>
  new DomainError('round_has_locked_places', 'conflict', 'rounds: organisers have locked places in a round you removed; move or unlock them first.', 'rounds');
export const assignmentTooLarge = () =>
  new DomainError('assignment_too_large', 'conflict', 'Too many participants in one choice round for an exact assignment (the limit is tens of thousands of people).');

import { DomainError, FieldProblem, inEveryLanguage, ValidationFailed } from '@dialogdag/shared';
import { ScheduleProblem } from './conference.rules';
import { CONFERENCE_TEXTS } from './conference.texts';

type Texts = (typeof CONFERENCE_TEXTS)['sv'];
const texts = (pick: (t: Texts) => string) => inEveryLanguage(CONFERENCE_TEXTS, pick);

// The first argument after the category is the API's English message; pages show `texts` in their language.
export const conferenceNotFound = () =>
  new DomainError('conference_not_found', 'not_found', 'No such conference, or you do not manage it.', undefined, texts((t) => t.errors.conferenceNotFound));
export const publishedConferenceNotFound = () =>
  new DomainError('published_conference_not_found', 'not_found', 'No published conference with that address.', undefined, texts((t) => t.errors.publishedConferenceNotFound));
export const slugTaken = (slug: string) =>
  new DomainError('slug_taken', 'conflict', `The slug "${slug}" is already used by another conference.`, 'slug', texts((t) => t.errors.slugTaken(slug)));
export const capacityBelowSeatsHeld = (held: number) =>
  new DomainError(
    'capacity_below_seats_held',
    'conflict',
    `capacity cannot be lower than the ${held} seats already taken.`,
    'capacity',
    texts((t) => t.errors.capacityBelowSeatsHeld(held)),
  );

function scheduleProblem(problem: ScheduleProblem): FieldProblem {
  switch (problem.reason) {
    case 'ends_before_start':
      return { field: problem.field, message: 'endsAt must be after startsAt.', texts: texts((t) => t.errors.endsBeforeStart) };
    case 'opens_after_deadline':
      return { field: problem.field, message: 'registrationOpensAt must be before registrationDeadline.', texts: texts((t) => t.errors.opensAfterDeadline) };
    case 'after_start':
      return {
        field: problem.field,
        message: `${problem.field} must not be after the conference starts.`,
        texts: texts((t) => t.errors[`${problem.field}AfterStart`]),
      };
  }
}

export const invalidSchedule = (problems: ScheduleProblem[]) => new ValidationFailed(problems.map(scheduleProblem));

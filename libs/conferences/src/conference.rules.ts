import { FieldProblem } from '@dialogdag/shared';

export interface ConferenceSchedule {
  startsAt: Date;
  endsAt: Date;
  registrationOpensAt: Date | null;
  registrationDeadline: Date;
  modificationDeadline: Date | null;
  cancellationDeadline: Date;
}

/** Problems with a conference's times, each naming the field at fault. */
export function scheduleProblems(s: ConferenceSchedule): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (s.endsAt <= s.startsAt) problems.push({ field: 'endsAt', message: 'endsAt must be after startsAt.' });
  if (s.registrationDeadline > s.startsAt)
    problems.push({ field: 'registrationDeadline', message: 'registrationDeadline must not be after the conference starts.' });
  if (s.cancellationDeadline > s.startsAt)
    problems.push({ field: 'cancellationDeadline', message: 'cancellationDeadline must not be after the conference starts.' });
  if (s.modificationDeadline && s.modificationDeadline > s.startsAt)
    problems.push({ field: 'modificationDeadline', message: 'modificationDeadline must not be after the conference starts.' });
  if (s.registrationOpensAt && s.registrationOpensAt >= s.registrationDeadline)
    problems.push({ field: 'registrationOpensAt', message: 'registrationOpensAt must be before registrationDeadline.' });
  return problems;
}

/** Seats still free for the public (never negative: walk-ins may take seats beyond capacity). */
export function seatsLeft(c: { capacity: number; seatsHeld: number }): number {
  return Math.max(0, c.capacity - c.seatsHeld);
}

/**
 * Whether a new capacity is refused: only a lowered one, and only below the seats already held. Walk-ins and
 * door admissions may have taken seats beyond the capacity, so an unchanged or raised capacity always stands.
 */
export function capacityRefused(change: { before: number; after: number; seatsHeld: number }): boolean {
  return change.after < change.before && change.after < change.seatsHeld;
}

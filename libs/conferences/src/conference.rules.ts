export interface ConferenceSchedule {
  startsAt: Date;
  endsAt: Date;
  registrationOpensAt: Date | null;
  registrationDeadline: Date;
  modificationDeadline: Date | null;
  cancellationDeadline: Date;
}

export type ScheduleProblem =
  | { field: 'endsAt'; reason: 'ends_before_start' }
  | { field: 'registrationDeadline' | 'cancellationDeadline' | 'modificationDeadline'; reason: 'after_start' }
  | { field: 'registrationOpensAt'; reason: 'opens_after_deadline' };

/** Problems with a conference's times, each naming the field at fault. */
export function scheduleProblems(s: ConferenceSchedule): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (s.endsAt <= s.startsAt) problems.push({ field: 'endsAt', reason: 'ends_before_start' });
  if (s.registrationDeadline > s.startsAt) problems.push({ field: 'registrationDeadline', reason: 'after_start' });
  if (s.cancellationDeadline > s.startsAt) problems.push({ field: 'cancellationDeadline', reason: 'after_start' });
  if (s.modificationDeadline && s.modificationDeadline > s.startsAt) problems.push({ field: 'modificationDeadline', reason: 'after_start' });
  if (s.registrationOpensAt && s.registrationOpensAt >= s.registrationDeadline) problems.push({ field: 'registrationOpensAt', reason: 'opens_after_deadline' });
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

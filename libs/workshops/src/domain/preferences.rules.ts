import type { FieldProblem } from '@dialogdag/shared';
import { MAX_CHOICES } from '../algorithm/assignment.types';
import { choiceGroups } from '../algorithm/choice-groups';

export interface OfferedWorkshop {
  id: string;
  rounds: readonly string[];
}

/**
 * What is wrong with a participant's ranked workshop ids: ids that are not
 * this conference's workshops, a workshop named twice, more than three in
 * one choice round (a round, or rounds tied together by a repeated
 * workshop). Every problem names the field `workshopPreferences`.
 */
export function preferenceProblems(preferences: readonly string[], workshops: readonly OfferedWorkshop[], rounds: readonly string[]): FieldProblem[] {
  const field = 'workshopPreferences';
  const groups = choiceGroups(
    rounds,
    workshops.map((w) => ({ id: w.id, rounds: w.rounds, capacity: 0 })),
  );
  const groupOf = new Map(groups.flatMap((g, i) => g.workshops.map((w) => [w.id.toLowerCase(), i] as [string, number])));
  const problems: FieldProblem[] = [];
  const unknown = preferences.filter((id) => !groupOf.has(String(id).toLowerCase()));
  for (const id of unknown) problems.push({ field, message: `${field}: ${String(id)} is not a workshop of this conference` });
  const seen = preferences.map((id) => String(id).toLowerCase());
  if (new Set(seen).size !== seen.length) problems.push({ field, message: `${field} names a workshop more than once` });
  const perGroup = new Map<number, number>();
  for (const id of new Set(seen)) {
    const g = groupOf.get(id);
    if (g !== undefined) perGroup.set(g, (perGroup.get(g) ?? 0) + 1);
  }
  if ([...perGroup.values()].some((n) => n > MAX_CHOICES)) {
    problems.push({ field, message: `${field} may rank at most ${MAX_CHOICES} workshops per round` });
  }
  return problems;
}

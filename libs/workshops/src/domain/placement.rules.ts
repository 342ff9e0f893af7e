import { choiceGroups, choicesIn } from '../algorithm/choice-groups';
import type { ErrorCategory } from '@dialogdag/shared';

export interface PlacementProblem {
  code: string;
  category: ErrorCategory;
  message: string;
  field: string;
}

export interface PlacementCheck {
  workshop: { title: string; rounds: readonly string[]; capacity: number };
  round: string;
  /** People in the workshop in that round, the person being placed not counted. */
  taken: number;
  /** Whether the person already has this workshop in another round. */
  attendsInAnotherRound: boolean;
}

/**
 * The rules an organiser's manual placement must keep, as the assignment
 * does: the workshop runs in that round, nobody attends a workshop twice,
 * no capacity is exceeded. Null when the placement is allowed.
 */
export function placementProblem(check: PlacementCheck): PlacementProblem | null {
  if (!check.workshop.rounds.includes(check.round)) {
    return { code: 'workshop_not_in_round', category: 'invalid', field: 'round', message: `round: ${check.workshop.title} does not run in that round.` };
  }
  if (check.attendsInAnotherRound) {
    return { code: 'workshop_twice', category: 'conflict', field: 'workshopId', message: `The person already attends ${check.workshop.title} in another round.` };
  }
  if (check.taken >= check.workshop.capacity) {
    return { code: 'workshop_full', category: 'conflict', field: 'workshopId', message: `${check.workshop.title} is full (${check.workshop.capacity} places) in that round.` };
  }
  return null;
}

/** The round for a manual placement: the one given, or the workshop's only round. Null when it must be given. */
export function placementRound(given: string | undefined, workshopRounds: readonly string[]): string | null {
  if (given !== undefined) return given;
  return workshopRounds.length === 1 ? workshopRounds[0] : null;
}

/** Which of the person's choices a workshop is (1–3), by the same reading of their list as the assignment; null when none. */
export function choiceRank(
  workshops: readonly { id: string; rounds: readonly string[] }[],
  rounds: readonly string[],
  preferences: readonly string[],
  workshopId: string,
): number | null {
  const group = choiceGroups(
    rounds,
    workshops.map((w) => ({ id: w.id, rounds: w.rounds, capacity: 0 })),
  ).find((g) => g.workshops.some((w) => w.id === workshopId));
  const rank = group ? choicesIn(group, preferences).indexOf(workshopId) + 1 : 0;
  return rank === 0 ? null : rank;
}

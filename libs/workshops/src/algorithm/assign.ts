import { AssignmentInstance, AssignmentResult, InstanceParticipant, InstanceWorkshop, LockedAssignment } from './assignment.types';
import { ChoiceGroup, choiceGroups, choicesIn } from './choice-groups';
import { measure } from './metrics';
import { SeatBoard } from './seat-board';
import { solveGroup } from './solve-group';

/**
 * Assigns seat holders to workshops, optimally in the order of the API
 * contract (fewest with none of their choices, then most first, second and
 * third choices), keeping locked assignments, never exceeding a capacity,
 * never twice in a round or twice in a workshop. Deterministic: the result
 * depends on the content of the instance, not on the order of its lists.
 */
export function assignWorkshops(instance: AssignmentInstance): AssignmentResult {
  const rounds = [...new Set(instance.rounds)];
  const known = new Set(rounds);
  const workshops: InstanceWorkshop[] = [...instance.workshops]
    .sort((a, b) => compare(a.id, b.id))
    .map((w) => ({ id: w.id, rounds: rounds.filter((r) => w.rounds.includes(r) && known.has(r)), capacity: Math.max(0, Math.floor(w.capacity)) }));
  const people = [...instance.participants].sort((a, b) => a.order - b.order || compare(a.id, b.id));
  const groups = choiceGroups(rounds, workshops);
  const board = new SeatBoard(workshops);
  placeLocks(board, groups, people, instance.locked);
  const bounds = groups.map((group) =>
    solveGroup(
      board,
      group,
      people.map((p) => ({ id: p.id, party: p.party, choices: choicesIn(group, p.preferences) })),
    ),
  );
  const personIndex = new Map(people.map((p, i) => [p.id, i]));
  const roundIndex = new Map(rounds.map((r, i) => [r, i]));
  const placements = [...board.placements].sort(
    (a, b) =>
      (personIndex.get(a.participantId) as number) - (personIndex.get(b.participantId) as number) ||
      (roundIndex.get(a.round) as number) - (roundIndex.get(b.round) as number),
  );
  return { placements, metrics: measure(groups, people, placements, bounds) };
}

/**
 * Locks go first, as the organiser set them, even over a capacity that has
 * since shrunk. A lock that cannot hold (unknown person or workshop, a round
 * the workshop does not run in, a second lock in one round or on one
 * workshop) is ignored.
 */
function placeLocks(board: SeatBoard, groups: readonly ChoiceGroup[], people: readonly InstanceParticipant[], locked: readonly LockedAssignment[]): void {
  const byPerson = new Map<string, LockedAssignment[]>();
  for (const lock of locked) byPerson.set(lock.participantId, [...(byPerson.get(lock.participantId) ?? []), lock]);
  for (const person of people) {
    const locks = (byPerson.get(person.id) ?? []).sort((a, b) => compare(a.round, b.round) || compare(a.workshopId, b.workshopId));
    for (const lock of locks) {
      if (!board.runs(lock.workshopId, lock.round) || board.isBusy(person.id, lock.round) || board.hasAttended(person.id, lock.workshopId)) continue;
      const group = groups.find((g) => g.rounds.includes(lock.round)) as ChoiceGroup;
      const rank = choicesIn(group, person.preferences).indexOf(lock.workshopId) + 1;
      board.place(person.id, person.party, lock.workshopId, lock.round, rank === 0 ? null : rank, true);
    }
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { AssignmentInstance, AssignmentResult, InstanceParticipant, LockedAssignment } from './assignment.types';
import { choiceGroups, rankChoices } from './choice-groups';
import { measure } from './metrics';
import { SeatBoard } from './seat-board';
import { IndexedGroup, solveGroup } from './solve-group';

/**
 * Assigns seat holders to workshops, optimally in the order of the API
 * contract (fewest with none of their choices, then most first, second and
 * third choices), keeping locked assignments, never exceeding a capacity,
 * never twice in a round or twice in a workshop. Deterministic: the result
 * depends on the content of the instance, not on the order of its lists;
 * ties go to the smaller `order`, then the smaller id.
 */
export function assignWorkshops(instance: AssignmentInstance): AssignmentResult {
  const rounds = [...new Set(instance.rounds)];
  const roundIndex = new Map(rounds.map((r, i) => [r, i]));
  const workshops = [...instance.workshops]
    .sort((a, b) => compare(a.id, b.id))
    .map((w) => ({ id: w.id, rounds: rounds.filter((r) => w.rounds.includes(r)), capacity: Math.max(0, Math.floor(w.capacity)) }));
  const workshopIndex = new Map(workshops.map((w, i) => [w.id, i]));
  const people = [...instance.participants].sort((a, b) => a.order - b.order || compare(a.id, b.id));
  const partyIndex = new Map([...new Set(people.map((p) => p.party))].sort().map((party, i) => [party, i]));
  const party = people.map((p) => partyIndex.get(p.party) as number);

  const stringGroups = choiceGroups(rounds, workshops);
  const groupOf = new Map(stringGroups.flatMap((g, gi) => g.workshops.map((w) => [w.id, gi] as [string, number])));
  const groups: IndexedGroup[] = stringGroups.map((g) => ({
    rounds: g.rounds.map((r) => roundIndex.get(r) as number),
    workshops: g.workshops.map((w) => ({ index: workshopIndex.get(w.id) as number, rounds: w.rounds.map((r) => roundIndex.get(r) as number) })),
  }));
  // choices[g][p]: person p's ranked workshops (positions) in group g.
  const choices = groups.map(() => new Array<number[]>(people.length));
  people.forEach((p, pi) =>
    rankChoices(p.preferences, (id) => groupOf.get(id), groups.length).forEach((ids, g) => {
      choices[g][pi] = ids.map((id) => workshopIndex.get(id) as number);
    }),
  );

  const board = new SeatBoard({ people: people.length, workshops: workshops.length, rounds: rounds.length, parties: partyIndex.size }, (w, r) =>
    workshops[w].rounds.includes(rounds[r]) ? workshops[w].capacity : null,
  );
  placeLocks(board, people, instance.locked, { workshopIndex, roundIndex, groupOfRound: groupOfRound(groups), choices, party });
  const bounds = groups.map((group, g) =>
    solveGroup(
      board,
      group,
      people.map((_, pi) => ({ index: pi, party: party[pi], choices: choices[g][pi] })),
    ),
  );
  const placements = [...board.placements].sort((a, b) => a.person - b.person || a.round - b.round);
  return {
    placements: placements.map((p) => ({
      participantId: people[p.person].id,
      workshopId: workshops[p.workshop].id,
      round: rounds[p.round],
      rank: p.rank,
      locked: p.locked,
    })),
    metrics: measure(
      groups,
      rounds,
      choices.map((perPerson) => perPerson.map((c) => c.length)),
      placements,
      bounds,
    ),
  };
}

interface Lookup {
  workshopIndex: Map<string, number>;
  roundIndex: Map<string, number>;
  groupOfRound: Map<number, number>;
  choices: number[][][];
  party: number[];
}

/**
 * Locks go first, as the organiser set them, even over a capacity that has
 * since shrunk. A lock that cannot hold (unknown person or workshop, a round
 * the workshop does not run in, a second lock in one round or on one
 * workshop) is ignored.
 */
function placeLocks(board: SeatBoard, people: readonly InstanceParticipant[], locked: readonly LockedAssignment[], lookup: Lookup): void {
  const byPerson = new Map<string, LockedAssignment[]>();
  for (const lock of locked) byPerson.set(lock.participantId, [...(byPerson.get(lock.participantId) ?? []), lock]);
  people.forEach((person, pi) => {
    const locks = (byPerson.get(person.id) ?? []).sort((a, b) => compare(a.round, b.round) || compare(a.workshopId, b.workshopId));
    for (const lock of locks) {
      const w = lookup.workshopIndex.get(lock.workshopId);
      const r = lookup.roundIndex.get(lock.round);
      if (w === undefined || r === undefined || !board.runs(w, r) || board.isBusy(pi, r) || board.hasAttended(pi, w)) continue;
      const rank = lookup.choices[lookup.groupOfRound.get(r) as number][pi].indexOf(w) + 1;
      board.place(pi, lookup.party[pi], w, r, rank === 0 ? null : rank, true);
    }
  });
}

function groupOfRound(groups: readonly IndexedGroup[]): Map<number, number> {
  return new Map(groups.flatMap((g, gi) => g.rounds.map((r) => [r, gi] as [number, number])));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

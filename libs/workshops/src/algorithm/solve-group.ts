import { Objective } from './assignment.types';
import { ChoiceGroup } from './choice-groups';
import { choiceFlow, RankedOption } from './choice-flow';
import { colourEdges } from './edge-colouring';
import { fillRound, FillPerson } from './fill';
import { SeatBoard } from './seat-board';

/**
 * Assigns one choice group on a board that already holds the locked
 * assignments, and returns the bound the flow relaxation proves: the
 * lexicographic optimum of the group when it has one round, or when every
 * workshop has the same seats in each of its rounds.
 */
export function solveGroup(board: SeatBoard, group: ChoiceGroup, people: readonly FillPerson[]): Objective {
  const withChoices = people.filter((p) => p.choices.length > 0);
  const flowPeople = withChoices.map((p) => ({
    options: p.choices.map((workshopId, i) => ({ workshopId, rank: i + 1 })).filter((o) => !board.hasAttended(p.id, o.workshopId)),
    freeRounds: group.rounds.filter((r) => !board.isBusy(p.id, r)),
  }));
  const flow = choiceFlow({
    rounds: group.rounds,
    workshops: group.workshops,
    seats: (w, r) => board.seatsLeft(w, r),
    people: flowPeople,
  });
  const bound = lockedObjective(board, group, withChoices);
  bound.noneOfTheirChoices -= flow.matched;
  bound.firstChoice += flow.byRank[0];
  bound.secondChoice += flow.byRank[1];
  bound.thirdChoice += flow.byRank[2];

  const rounds = group.rounds.length === 1 ? flow.sets.map((set) => set.map(() => group.rounds[0])) : colourRounds(board, group, flowPeople, flow.sets);
  withChoices.forEach((p, i) =>
    flow.sets[i].forEach((option, j) => {
      const round = rounds[i][j];
      if (round !== null) board.place(p.id, p.party, option.workshopId, round, option.rank, false);
    }),
  );
  const withoutChoices = people.filter((p) => p.choices.length === 0);
  for (const round of group.rounds) {
    fillRound(board, round, group.workshops, withChoices);
    fillRound(board, round, group.workshops, withoutChoices);
  }
  return bound;
}

/** What the locked assignments already give the people with choices, with every other person-round still to win. */
function lockedObjective(board: SeatBoard, group: ChoiceGroup, withChoices: readonly FillPerson[]): Objective {
  const ids = new Set(withChoices.map((p) => p.id));
  const rounds = new Set(group.rounds);
  const objective: Objective = { noneOfTheirChoices: withChoices.length * group.rounds.length, firstChoice: 0, secondChoice: 0, thirdChoice: 0 };
  for (const p of board.placements) {
    if (!ids.has(p.participantId) || !rounds.has(p.round) || p.rank === null) continue;
    objective.noneOfTheirChoices--;
    if (p.rank === 1) objective.firstChoice++;
    else if (p.rank === 2) objective.secondChoice++;
    else if (p.rank === 3) objective.thirdChoice++;
  }
  return objective;
}

/**
 * Gives each person's workshops distinct rounds. Each workshop's people are
 * dealt onto seats; a seat exists in the rounds where the workshop still has
 * that many places, and holds one person per round. Colouring the
 * person–seat edges with rounds is then König's theorem: exact when all
 * seats exist in all rounds; otherwise an edge may stay uncoloured (null),
 * and that person-round is filled afterwards.
 */
function colourRounds(
  board: SeatBoard,
  group: ChoiceGroup,
  people: readonly { freeRounds: readonly string[] }[],
  sets: readonly RankedOption[][],
): (string | null)[][] {
  const bit = new Map(group.rounds.map((r, i) => [r, 1 << i]));
  const mask = (rounds: readonly string[]) => rounds.reduce((m, r) => m | (bit.get(r) ?? 0), 0);
  const leftAllowed = people.map((p) => mask(p.freeRounds));
  const rightAllowed: number[] = [];
  const edges: [number, number][] = [];
  const edgeOf: { person: number; index: number }[] = [];
  for (const w of group.workshops) {
    const seatRounds = (seat: number) => mask(w.rounds.filter((r) => board.seatsLeft(w.id, r) > seat));
    let seat = 0;
    let seatNode = -1;
    let room = 0;
    sets.forEach((set, person) =>
      set.forEach((option, index) => {
        if (option.workshopId !== w.id) return;
        if (room <= 0) {
          rightAllowed.push(seatRounds(seat));
          room = popcount(rightAllowed[rightAllowed.length - 1]);
          seatNode = rightAllowed.length - 1;
          seat++;
        }
        room--;
        edges.push([person, seatNode]);
        edgeOf.push({ person, index });
      }),
    );
  }
  const colours = colourEdges({ colours: group.rounds.length, leftAllowed, rightAllowed, edges });
  const rounds = sets.map((set) => set.map((): string | null => null));
  colours.forEach((c, e) => {
    if (c !== null) rounds[edgeOf[e].person][edgeOf[e].index] = group.rounds[c];
  });
  return rounds;
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

import { Objective } from './assignment.types';
import { choiceFlow, RankedOption } from './choice-flow';
import { colourEdges } from './edge-colouring';
import { fillRound, FillPerson } from './fill';
import { SeatBoard } from './seat-board';

/** A choice group by position: its rounds, and its workshops with the rounds each runs in. */
export interface IndexedGroup {
  rounds: number[];
  workshops: { index: number; rounds: number[] }[];
}

/**
 * Assigns one choice group on a board that already holds the locked
 * assignments, and returns the bound the flow relaxation proves: the
 * lexicographic optimum of the group when it has one round, or when every
 * workshop has the same seats in each of its rounds.
 *
 * One round: the choice flow decides, then everyone left is placed where
 * room is (always possible while seats remain). Several rounds: the choice
 * flow also places people with choices outside them where it must, and a
 * second flow hands the room left to people without preferences, so that
 * the split into rounds sees every unit at once; what the split cannot
 * place is filled last, seat by seat.
 */
export function solveGroup(board: SeatBoard, group: IndexedGroup, people: readonly FillPerson[]): Objective {
  const withChoices = people.filter((p) => p.choices.length > 0);
  const withoutChoices = interleaveParties(people.filter((p) => p.choices.length === 0));
  const several = group.rounds.length > 1;
  const freeRounds = (p: FillPerson) => group.rounds.filter((r) => !board.isBusy(p.index, r));
  const open = (p: FillPerson, except: readonly number[]) =>
    group.workshops.map((w) => w.index).filter((w) => !except.includes(w) && !board.hasAttended(p.index, w));
  const seatsLeft = new Map(group.workshops.map((w) => [w.index, w.rounds.reduce((sum, r) => sum + board.seatsLeft(w.index, r), 0)]));
  const flow = choiceFlow({
    roundCount: group.rounds.length,
    workshops: group.workshops,
    seats: (w) => seatsLeft.get(w) ?? 0,
    people: withChoices.map((p) => ({
      options: p.choices.map((workshop, i) => ({ workshop, rank: i + 1 })).filter((o) => !board.hasAttended(p.index, o.workshop)),
      outside: several ? open(p, p.choices) : [],
      freeRounds: freeRounds(p),
    })),
  });
  const bound = lockedObjective(board, group, withChoices);
  bound.noneOfTheirChoices -= flow.matched;
  bound.firstChoice += flow.byRank[0];
  bound.secondChoice += flow.byRank[1];
  bound.thirdChoice += flow.byRank[2];

  if (!several) {
    withChoices.forEach((p, i) => flow.sets[i].forEach((o) => board.place(p.index, p.party, o.workshop, group.rounds[0], o.rank || null, false)));
  } else {
    for (const o of flow.sets.flat()) seatsLeft.set(o.workshop, (seatsLeft.get(o.workshop) ?? 0) - 1);
    const rest = choiceFlow({
      roundCount: group.rounds.length,
      workshops: group.workshops,
      seats: (w) => seatsLeft.get(w) ?? 0,
      people: withoutChoices.map((p) => ({ options: [], outside: open(p, []), freeRounds: freeRounds(p) })),
    });
    const everyone = [...withChoices, ...withoutChoices];
    const sets = [...flow.sets, ...rest.sets];
    const rounds = colourRounds(board, group, everyone.map((p) => ({ freeRounds: freeRounds(p) })), sets);
    everyone.forEach((p, i) =>
      sets[i].forEach((o, j) => {
        if (rounds[i][j] !== null) board.place(p.index, p.party, o.workshop, rounds[i][j] as number, o.rank || null, false);
      }),
    );
  }
  const workshops = group.workshops.map((w) => w.index);
  for (const round of group.rounds) {
    fillRound(board, round, workshops, withChoices);
    fillRound(board, round, workshops, withoutChoices);
  }
  return bound;
}

/** People in turn by party (largest party first), so that any run of them placed together mixes the parties. */
function interleaveParties(people: readonly FillPerson[]): FillPerson[] {
  const byParty = new Map<number, FillPerson[]>();
  for (const p of people) byParty.set(p.party, [...(byParty.get(p.party) ?? []), p]);
  const queues = [...byParty.values()].sort((a, b) => b.length - a.length || a[0].party - b[0].party);
  const result: FillPerson[] = [];
  for (let i = 0; result.length < people.length; i++) for (const q of queues) if (i < q.length) result.push(q[i]);
  return result;
}

/** What the locked assignments already give the people with choices, with every other person-round still to win. */
function lockedObjective(board: SeatBoard, group: IndexedGroup, withChoices: readonly FillPerson[]): Objective {
  const chooses = new Set(withChoices.map((p) => p.index));
  const rounds = new Set(group.rounds);
  const objective: Objective = { noneOfTheirChoices: withChoices.length * group.rounds.length, firstChoice: 0, secondChoice: 0, thirdChoice: 0 };
  for (const p of board.placements) {
    if (!chooses.has(p.person) || !rounds.has(p.round) || p.rank === null) continue;
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
  group: IndexedGroup,
  people: readonly { freeRounds: readonly number[] }[],
  sets: readonly RankedOption[][],
): (number | null)[][] {
  const bit = new Map(group.rounds.map((r, i) => [r, 1 << i]));
  const mask = (rounds: readonly number[]) => rounds.reduce((m, r) => m | (bit.get(r) ?? 0), 0);
  const leftAllowed = people.map((p) => mask(p.freeRounds));
  const byWorkshop = new Map<number, { person: number; index: number }[]>(group.workshops.map((w) => [w.index, []]));
  sets.forEach((set, person) => set.forEach((option, index) => byWorkshop.get(option.workshop)?.push({ person, index })));
  const rightAllowed: number[] = [];
  const edges: [number, number][] = [];
  const edgeOf: { person: number; index: number }[] = [];
  for (const w of group.workshops) {
    let room = 0;
    let seat = 0;
    for (const unit of byWorkshop.get(w.index) ?? []) {
      if (room <= 0) {
        const allowed = mask(w.rounds.filter((r) => board.seatsLeft(w.index, r) > seat));
        seat++;
        rightAllowed.push(allowed);
        room = popcount(allowed);
      }
      room--;
      edges.push([unit.person, rightAllowed.length - 1]);
      edgeOf.push(unit);
    }
  }
  const colours = colourEdges({ colours: group.rounds.length, leftAllowed, rightAllowed, edges });
  const rounds = sets.map((set) => set.map((): number | null => null));
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

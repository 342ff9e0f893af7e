import { MAX_CHOICES } from './assignment.types';
import { FlowNetwork } from './min-cost-flow';

/** A workshop a person may get: rank 1–3 for one of their choices, 0 for one outside them. */
export interface RankedOption {
  workshop: number;
  rank: number;
}

export interface FlowPerson {
  /** Their ranked choices still open to them (locked ones removed). */
  options: readonly RankedOption[];
  /** Workshops outside their choices they may be given when their choices are full; rank 0. */
  outside?: readonly number[];
  /** Rounds of the choice group the person still has free. */
  freeRounds: readonly number[];
  /** How many workshops the person may still get; default one per free round. */
  units?: number;
}

export interface ChoiceFlowInput {
  roundCount: number;
  /** The group's workshops, each with the rounds it runs in. */
  workshops: readonly { index: number; rounds: readonly number[] }[];
  /** Seats left in a workshop over all its rounds. */
  seats(workshop: number): number;
  people: readonly FlowPerson[];
}

export interface ChoiceFlowResult {
  /** Per person, the workshops they get (rounds not yet decided), best rank first, outside choices last. */
  sets: RankedOption[][];
  /** How many person-rounds got a choice, and how many of each rank (index 0 is first choice). */
  matched: number;
  byRank: number[];
}

/**
 * The exact core: a min-cost flow over participant types. People with the
 * same options and free rounds form one type node, so the network has at
 * most a few hundred nodes whatever the number of people.
 *
 * source → type (one unit per person and free round) → workshop (one per
 * person: nobody attends a workshop twice) → sink (its seats over all rounds).
 * Workshops a type can only attend in one round r hang under a node (type, r)
 * of one unit per person, so nobody gets two of them.
 *
 * A choice of rank k gains B^3 + B^(3−k), B = units + 1, so the cheapest flow
 * gives the most people a choice, then the most first, second and third
 * choices — exactly, as no count reaches B. A place outside the choices
 * gains nothing there; every place gains 1 in the secondary cost, so among
 * those optima the flow also places as many people as it can.
 */
export function choiceFlow(input: ChoiceFlowInput): ChoiceFlowResult {
  const types = typesOf(input.people);
  const base = input.people.reduce((sum, p) => sum + unitsOf(p), 0) + 1;
  const gain = (rank: number) => (rank === 0 ? 0 : base ** MAX_CHOICES + base ** (MAX_CHOICES - rank));
  // A simple path enters at most every workshop once and leaves it once.
  if ((2 * input.workshops.length + 2) * gain(1) >= Number.MAX_SAFE_INTEGER) throw new RangeError('Too many participants for exact integer costs.');

  const network = new FlowNetwork();
  const [source, sink] = [network.addNode(), network.addNode()];
  const workshopNode = new Map(input.workshops.map((w) => [w.index, network.addNode()]));
  for (const w of input.workshops) network.addEdge(workshopNode.get(w.index) as number, sink, Math.max(0, input.seats(w.index)), 0);
  const roundsOf = new Map(input.workshops.map((w) => [w.index, w.rounds]));
  const arcs = types.map((t) => {
    const n = t.members.length;
    const node = network.addNode();
    network.addEdge(source, node, n * t.units, 0);
    const roundNodes = new Map<number, number>();
    const typeArcs: TypeArc[] = [];
    for (const option of [...t.options, ...t.outside.map((workshop) => ({ workshop, rank: 0 }))]) {
      const open = (roundsOf.get(option.workshop) ?? []).filter((r) => t.freeRounds.includes(r));
      if (open.length === 0) continue;
      let from = node;
      let block = option.workshop;
      if (open.length === 1 && input.roundCount > 1) {
        block = -1 - open[0];
        from = roundNodes.get(open[0]) ?? network.addNode();
        if (!roundNodes.has(open[0])) network.addEdge(node, from, n, 0);
        roundNodes.set(open[0], from);
      }
      const edge = network.addEdge(from, workshopNode.get(option.workshop) as number, n, -gain(option.rank), -1);
      typeArcs.push({ block, option, edge });
    }
    return typeArcs;
  });
  network.minCostFlow(source, sink);

  const sets: RankedOption[][] = input.people.map(() => []);
  const byRank = new Array<number>(MAX_CHOICES).fill(0);
  let matched = 0;
  types.forEach((t, ti) => {
    const used = arcs[ti].map((a) => ({ ...a, flow: network.flowOn(a.edge) })).filter((a) => a.flow > 0);
    let j = 0;
    for (const arc of disaggregationOrder(used)) {
      for (let unit = 0; unit < arc.flow; unit++) sets[t.members[j++ % t.members.length]].push(arc.option);
      if (arc.option.rank === 0) continue;
      byRank[arc.option.rank - 1] += arc.flow;
      matched += arc.flow;
    }
  });
  for (const set of sets) set.sort((a, b) => rankOrder(a) - rankOrder(b));
  return { sets, matched, byRank };
}

/** A block is a workshop (its position) or, below zero, the single-round workshops of one round. */
interface TypeArc {
  block: number;
  option: RankedOption;
  edge: number;
}

interface PersonType {
  options: readonly RankedOption[];
  outside: readonly number[];
  freeRounds: readonly number[];
  units: number;
  members: number[];
}

const unitsOf = (p: FlowPerson) => Math.min(p.units ?? p.freeRounds.length, p.freeRounds.length);
const rankOrder = (o: RankedOption) => (o.rank === 0 ? MAX_CHOICES + 1 : o.rank);

function typesOf(people: readonly FlowPerson[]): PersonType[] {
  const byKey = new Map<string, PersonType>();
  people.forEach((p, i) => {
    const outside = p.outside ?? [];
    if ((p.options.length === 0 && outside.length === 0) || unitsOf(p) === 0) return;
    const key = `${p.options.map((o) => `${o.workshop}:${o.rank}`).join(',')}|${outside.join(',')}|${p.freeRounds.join(',')}|${unitsOf(p)}`;
    const type = byKey.get(key) ?? { options: p.options, outside, freeRounds: p.freeRounds, units: unitsOf(p), members: [] };
    type.members.push(i);
    byKey.set(key, type);
  });
  return [...byKey.values()];
}

/**
 * Units dealt to a type's members in turn (unit j to member j mod n): each
 * block (one workshop, or a round's single-round workshops) holds at most n
 * units, so nobody gets two units of one block. Blocks holding better ranks
 * come first, so earlier registrations get the better choices within a type.
 */
function disaggregationOrder<T extends { block: number; option: RankedOption }>(units: T[]): T[] {
  const bestRank = new Map<number, number>();
  for (const u of units) bestRank.set(u.block, Math.min(bestRank.get(u.block) ?? Infinity, rankOrder(u.option)));
  return [...units].sort(
    (a, b) => (bestRank.get(a.block) as number) - (bestRank.get(b.block) as number) || a.block - b.block || rankOrder(a.option) - rankOrder(b.option),
  );
}

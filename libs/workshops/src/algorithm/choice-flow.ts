import { MAX_CHOICES } from './assignment.types';
import { FlowNetwork } from './min-cost-flow';

export interface RankedOption {
  workshop: number;
  rank: number;
}

export interface FlowPerson {
  /** The workshops still open to the person (locked ones removed), with their ranks. */
  options: readonly RankedOption[];
  /** Rounds of the choice group the person still has free. */
  freeRounds: readonly number[];
}

export interface ChoiceFlowInput {
  roundCount: number;
  /** The group's workshops, each with the rounds it runs in. */
  workshops: readonly { index: number; rounds: readonly number[] }[];
  /** Seats left in a workshop in a round (after locked assignments). */
  seats(workshop: number, round: number): number;
  /** In priority order: earlier people win ties. */
  people: readonly FlowPerson[];
}

export interface ChoiceFlowResult {
  /** Per person, the chosen workshops they get (rounds not yet decided). */
  sets: RankedOption[][];
  /** How many person-rounds got a choice, and how many of each rank (index 0 is first choice). */
  matched: number;
  byRank: number[];
}

/**
 * The exact core: a min-cost max-flow over participant types. People with
 * the same options and free rounds form one type node, so the network has at
 * most a few hundred nodes whatever the number of people.
 *
 * source → type (one unit per person and free round) → workshop (one per
 * person: nobody attends a workshop twice) → sink (its seats over all rounds).
 * Workshops a type can only attend in one round r hang under a node (type, r)
 * of one unit per person, so nobody gets two of them.
 *
 * Max flow gives the most people a choice; among max flows, the least cost
 * with rank k worth B^(3−k), B = units + 1, gives the most first choices, then
 * second, then third — exactly, since no count reaches B. Costs are shifted by
 * B^2 so all are non-negative; every path crosses the rank arcs once net, so
 * the shift changes no decision.
 */
export function choiceFlow(input: ChoiceFlowInput): ChoiceFlowResult {
  const types = typesOf(input.people);
  const units = input.people.reduce((sum, p) => sum + p.freeRounds.length, 0);
  const base = units + 1;
  const top = base ** (MAX_CHOICES - 1);
  const rankCost = (rank: number) => top - base ** (MAX_CHOICES - rank);

  const network = new FlowNetwork();
  const [source, sink] = [network.addNode(), network.addNode()];
  const workshopNode = new Map(input.workshops.map((w) => [w.index, network.addNode()]));
  for (const w of input.workshops) {
    const seats = w.rounds.reduce((sum, r) => sum + Math.max(0, input.seats(w.index, r)), 0);
    network.addEdge(workshopNode.get(w.index) as number, sink, seats, 0);
  }
  const roundsOf = new Map(input.workshops.map((w) => [w.index, w.rounds]));
  const arcs = types.map((t) => {
    const n = t.members.length;
    const node = network.addNode();
    network.addEdge(source, node, n * t.freeRounds.length, 0);
    const roundNodes = new Map<number, number>();
    const typeArcs: TypeArc[] = [];
    for (const option of t.options) {
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
      const edge = network.addEdge(from, workshopNode.get(option.workshop) as number, n, rankCost(option.rank));
      typeArcs.push({ block, option, edge });
    }
    return typeArcs;
  });
  if (top * network.nodeCount >= Number.MAX_SAFE_INTEGER) throw new RangeError('Too many participants for exact integer costs.');
  network.minCostMaxFlow(source, sink);

  const sets: RankedOption[][] = input.people.map(() => []);
  const byRank = new Array<number>(MAX_CHOICES).fill(0);
  let matched = 0;
  types.forEach((t, ti) => {
    const used = arcs[ti].map((a) => ({ ...a, flow: network.flowOn(a.edge) })).filter((a) => a.flow > 0);
    let j = 0;
    for (const arc of disaggregationOrder(used)) {
      for (let unit = 0; unit < arc.flow; unit++) sets[t.members[j++ % t.members.length]].push(arc.option);
      byRank[arc.option.rank - 1] += arc.flow;
      matched += arc.flow;
    }
  });
  for (const set of sets) set.sort((a, b) => a.rank - b.rank);
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
  freeRounds: readonly number[];
  members: number[];
}

function typesOf(people: readonly FlowPerson[]): PersonType[] {
  const byKey = new Map<string, PersonType>();
  people.forEach((p, i) => {
    if (p.options.length === 0 || p.freeRounds.length === 0) return;
    const key = `${p.options.map((o) => `${o.workshop}:${o.rank}`).join(',')}|${p.freeRounds.join(',')}`;
    const type = byKey.get(key) ?? { options: p.options, freeRounds: p.freeRounds, members: [] };
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
  for (const u of units) bestRank.set(u.block, Math.min(bestRank.get(u.block) ?? Infinity, u.option.rank));
  return [...units].sort(
    (a, b) =>
      (bestRank.get(a.block) as number) - (bestRank.get(b.block) as number) || a.block - b.block || a.option.rank - b.option.rank,
  );
}

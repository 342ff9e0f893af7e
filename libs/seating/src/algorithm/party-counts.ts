import { minCostFlow, FlowArc } from './min-cost-flow';
import { bandExcess, objectiveWeights, scaledDeviation } from './shares.rules';
import { GROUP_COUNT, PARTY_COUNT } from './types';

/**
 * How many people of each organisation class sit at each table, solved
 * exactly as a min-cost flow: classes → (group, table) cells → tables. A
 * class is a set of organisations of one group with the same number of free
 * members; its arc to a table carries at most as many of them as keep each
 * organisation spread as thinly as the tables allow, so colleagues are kept
 * apart by capacity. The cell's convex cost ranks, in this order: the tables
 * chosen for coverage get one person of each party; every count lies within
 * one person of its share; the summed deviation from the shares is least.
 */
export interface OrganisationClass {
  group: number;
  /** Free members in the class. */
  members: number;
  /** Most members of the class at table t. */
  capacity: (t: number) => number;
}

export interface PartyCountInput {
  occupancy: readonly number[];
  fixedByGroup: ReadonlyArray<readonly number[]>;
  groupSize: readonly number[];
  classes: readonly OrganisationClass[];
  coverageTarget: readonly boolean[];
}

export interface PartyCounts {
  /** counts[t][g], fixed people included. */
  counts: number[][];
  /** perClass[c][t]: members of class c at table t; null when the classes cannot all be seated. */
  perClass: number[][];
  cost: number;
  complete: boolean;
}

export function solvePartyCounts(input: PartyCountInput): PartyCounts {
  const { occupancy, fixedByGroup, groupSize, classes, coverageTarget } = input;
  const tableCount = occupancy.length;
  const people = groupSize.reduce((a, b) => a + b, 0);
  const weights = objectiveWeights(people);
  const source = 0;
  const classNode = (c: number) => 1 + c;
  // With one class per group the cells add nothing: the class arc carries the cell's cost itself.
  const direct = new Set(classes.map((k) => k.group)).size === classes.length;
  const cellNode = (g: number, t: number) => 1 + classes.length + t * GROUP_COUNT + g;
  const tableNode = (t: number) => 1 + classes.length + tableCount * GROUP_COUNT + t;
  const sink = 1 + classes.length + tableCount * (GROUP_COUNT + 1);
  const arcs: FlowArc[] = [];
  const classArcs: Array<{ arc: number; c: number; t: number }> = [];
  const room = occupancy.map((o, t) => o - fixedByGroup[t].reduce((a, b) => a + b, 0));
  const marginal = (g: number, t: number) => {
    const fixed = fixedByGroup[t][g];
    const covered = coverageTarget[t] && g < PARTY_COUNT;
    const cellCost = (count: number) =>
      (covered && count === 0 ? weights.coverage : 0) +
      weights.band * bandExcess(count, groupSize[g], occupancy[t], people) +
      Math.abs(scaledDeviation(count, groupSize[g], occupancy[t], people));
    return (y: number) => cellCost(fixed + y + 1) - cellCost(fixed + y);
  };
  classes.forEach((k, c) => {
    arcs.push({ from: source, to: classNode(c), capacity: k.members, unitCost: () => 0 });
    for (let t = 0; t < tableCount; t++) {
      const capacity = Math.min(room[t], k.capacity(t));
      if (capacity <= 0) continue;
      classArcs.push({ arc: arcs.length, c, t });
      const to = direct ? tableNode(t) : cellNode(k.group, t);
      arcs.push({ from: classNode(c), to, capacity, unitCost: direct ? marginal(k.group, t) : () => 0 });
    }
  });
  for (let t = 0; t < tableCount; t++) {
    if (room[t] <= 0) continue;
    if (!direct)
      for (let g = 0; g < GROUP_COUNT; g++) arcs.push({ from: cellNode(g, t), to: tableNode(t), capacity: room[t], unitCost: marginal(g, t) });
    arcs.push({ from: tableNode(t), to: sink, capacity: room[t], unitCost: () => 0 });
  }
  const order: number[] = [];
  for (let v = 0; v <= sink; v++) order.push(v);
  const demand = classes.reduce((a, k) => a + k.members, 0);
  const { flow, value, cost } = minCostFlow(sink + 1, arcs, source, sink, demand, order);
  const counts = fixedByGroup.map((row) => [...row]);
  const perClass = classes.map(() => new Array<number>(tableCount).fill(0));
  for (const { arc, c, t } of classArcs) {
    perClass[c][t] += flow[arc];
    counts[t][classes[c].group] += flow[arc];
  }
  return { counts, perClass, cost, complete: value === demand };
}

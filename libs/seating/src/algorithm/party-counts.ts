import { minCostFlow, FlowArc } from './min-cost-flow';
import { bandExcess, objectiveWeights, scaledDeviation } from './shares.rules';
import { GROUP_COUNT, PARTY_COUNT } from './types';

/**
 * How many people of each group sit at each table, solved exactly as a
 * transportation problem (groups → tables) with convex costs per cell, in
 * this order: the tables chosen for coverage get one person of each party;
 * every count lies within one person of its share; the summed deviation from
 * the shares is least. Organisations are left to the dealing that follows.
 */
export interface PartyCountInput {
  occupancy: readonly number[];
  fixedByGroup: ReadonlyArray<readonly number[]>;
  free: readonly number[];
  groupSize: readonly number[];
  coverageTarget: readonly boolean[];
}

export function solvePartyCounts(input: PartyCountInput): number[][] {
  const { occupancy, fixedByGroup, free, groupSize, coverageTarget } = input;
  const tableCount = occupancy.length;
  const people = groupSize.reduce((a, b) => a + b, 0);
  const weights = objectiveWeights(people);
  const source = 0;
  const groupNode = (g: number) => 1 + g;
  const tableNode = (t: number) => 1 + GROUP_COUNT + t;
  const sink = 1 + GROUP_COUNT + tableCount;
  const arcs: FlowArc[] = [];
  const cellArcs: Array<{ arc: number; g: number; t: number }> = [];
  for (let g = 0; g < GROUP_COUNT; g++) arcs.push({ from: source, to: groupNode(g), capacity: free[g], unitCost: () => 0 });
  for (let t = 0; t < tableCount; t++) {
    const fixedTotal = fixedByGroup[t].reduce((a, b) => a + b, 0);
    const room = occupancy[t] - fixedTotal;
    if (room <= 0) continue;
    for (let g = 0; g < GROUP_COUNT; g++) {
      if (free[g] === 0) continue;
      const fixed = fixedByGroup[t][g];
      const covered = coverageTarget[t] && g < PARTY_COUNT;
      const cellCost = (count: number) =>
        (covered && count === 0 ? weights.coverage : 0) +
        weights.band * bandExcess(count, groupSize[g], occupancy[t], people) +
        Math.abs(scaledDeviation(count, groupSize[g], occupancy[t], people));
      cellArcs.push({ arc: arcs.length, g, t });
      arcs.push({
        from: groupNode(g),
        to: tableNode(t),
        capacity: Math.min(room, free[g]),
        unitCost: (y) => cellCost(fixed + y + 1) - cellCost(fixed + y),
      });
    }
    arcs.push({ from: tableNode(t), to: sink, capacity: room, unitCost: () => 0 });
  }
  const order = [source, ...Array.from({ length: GROUP_COUNT }, (_, g) => groupNode(g))];
  for (let t = 0; t < tableCount; t++) order.push(tableNode(t));
  order.push(sink);
  const demand = free.reduce((a, b) => a + b, 0);
  const { flow, value } = minCostFlow(sink + 1, arcs, source, sink, demand, order);
  if (value !== demand) throw new Error(`seating: ${demand - value} people found no seat; occupancy and input disagree`);
  const counts = fixedByGroup.map((row) => [...row]);
  for (const { arc, g, t } of cellArcs) counts[t][g] += flow[arc];
  return counts;
}

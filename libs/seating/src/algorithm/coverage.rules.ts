import { PARTY_COUNT } from './types';

/**
 * The most tables that can hold all three parties, and which ones to aim for.
 *
 * A table in use needs one person of each party it lacks; it can take them
 * only if it has that many places left after the people fixed to it. Each
 * party has its free (not fixed) people to give. Maximising the number of
 * tables served is a small covering problem over the 7 kinds of "lack": a
 * table lacking one party never costs more than one lacking a superset, so
 * those are served first; the three two-party kinds are enumerated; tables
 * lacking all three take what is left. With nobody fixed this is simply
 * min(tables in use with at least 3 places, smallest party).
 */
export interface CoverageInput {
  /** People at each table (0: not in use). */
  occupancy: readonly number[];
  /** People fixed to each table, per group. */
  fixedByGroup: ReadonlyArray<readonly number[]>;
  /** Free (not fixed) people per group. */
  free: readonly number[];
  tableRank: ArrayLike<number>;
  /** Which tables to cover first among those alike: `largest` (default), `smallest`, or a priority per table (lower first). */
  prefer?: 'largest' | 'smallest' | readonly number[];
}

export interface CoveragePlan {
  max: number;
  /** Tables chosen to hold all three parties. */
  target: boolean[];
  /** Whether fewer tables can be covered than are eligible, so that which ones matters. */
  choice: boolean;
}

export function planCoverage(input: CoverageInput): CoveragePlan {
  const { occupancy, fixedByGroup, free, tableRank, prefer = 'largest' } = input;
  const priority = (t: number) => (prefer === 'largest' ? -occupancy[t] : prefer === 'smallest' ? occupancy[t] : prefer[t]);
  const byMask: number[][] = Array.from({ length: 1 << PARTY_COUNT }, () => []);
  for (let t = 0; t < occupancy.length; t++) {
    if (occupancy[t] === 0) continue;
    let mask = 0;
    let fixedTotal = 0;
    for (let g = 0; g < fixedByGroup[t].length; g++) fixedTotal += fixedByGroup[t][g];
    for (let g = 0; g < PARTY_COUNT; g++) if (fixedByGroup[t][g] === 0) mask |= 1 << g;
    if (popcount(mask) <= occupancy[t] - fixedTotal) byMask[mask].push(t);
  }
  for (const list of byMask)
    list.sort((a, b) => priority(a) - priority(b) || tableRank[a] - tableRank[b] || a - b);
  const budget = [free[0], free[1], free[2]];
  const take: number[] = new Array<number>(1 << PARTY_COUNT).fill(0);
  take[0] = byMask[0].length;
  for (let g = 0; g < PARTY_COUNT; g++) {
    const mask = 1 << g;
    take[mask] = Math.min(byMask[mask].length, budget[g]);
    budget[g] -= take[mask];
  }
  // Two-party lacks: AB = 0b011, AC = 0b101, BC = 0b110; then ABC = 0b111 from what remains.
  const [ab, ac, bc, abc] = [0b011, 0b101, 0b110, 0b111];
  let best = { total: -1, ab: 0, ac: 0, bc: 0, abc: 0 };
  const maxAb = Math.min(byMask[ab].length, budget[0], budget[1]);
  for (let x = 0; x <= maxAb; x++) {
    const maxAc = Math.min(byMask[ac].length, budget[0] - x, budget[2]);
    for (let y = 0; y <= maxAc; y++) {
      const z = Math.min(byMask[bc].length, budget[1] - x, budget[2] - y);
      const w = Math.min(byMask[abc].length, budget[0] - x - y, budget[1] - x - z, budget[2] - y - z);
      const total = x + y + z + w;
      if (total > best.total) best = { total, ab: x, ac: y, bc: z, abc: w };
    }
  }
  take[ab] = best.ab;
  take[ac] = best.ac;
  take[bc] = best.bc;
  take[abc] = best.abc;
  const target = new Array<boolean>(occupancy.length).fill(false);
  let max = 0;
  byMask.forEach((list, mask) => {
    for (let i = 0; i < take[mask]; i++) target[list[i]] = true;
    max += take[mask];
  });
  return { max, target, choice: max < byMask.reduce((sum, list) => sum + list.length, 0) };
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m; m &= m - 1) count++;
  return count;
}

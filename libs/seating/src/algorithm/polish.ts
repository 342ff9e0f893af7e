import { PlacementState, TERM_COUNT } from './placement-state';
import { bandExcess, objectiveWeights, scaledDeviation } from './shares.rules';
import { GROUP_COUNT, PARTY_COUNT } from './types';

/**
 * Looks at the room by cells (group, table) rather than by person: swapping a
 * person of group g at table a with one of group h at table b moves one count
 * in four cells, so the change in band and deviation is known from the counts
 * alone. Only swaps that promise a gain there are tried on real people (who
 * then also answer for organisations, coverage and requests). This mends what
 * repairs cost in shares, and moves coverage to the tables where it costs
 * least, without trying every pair of people.
 */
export function polishShares(state: PlacementState, maxPasses: number, maxCoverage: number): number {
  const m = state.model;
  const tableCount = m.tableIds.length;
  const people = m.personIds.length;
  const before = new Float64Array(TERM_COUNT);
  const bandWeight = objectiveWeights(people).band;
  // Band excess outranks deviation, so one number orders both.
  const cellChange = (g: number, t: number, change: number) => {
    const size = state.size(t);
    const count = state.counts[t * GROUP_COUNT + g];
    const n = m.groupSize[g];
    return (
      bandWeight * (bandExcess(count + change, n, size, people) - bandExcess(count, n, size, people)) +
      Math.abs(scaledDeviation(count + change, n, size, people)) -
      Math.abs(scaledDeviation(count, n, size, people))
    );
  };
  const lacks = (t: number, g: number) => g < PARTY_COUNT && state.counts[t * GROUP_COUNT + g] === 0;
  let swaps = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    const coverageShort = 0 - state.score[1] < maxCoverage;
    for (let a = 0; a < tableCount; a++) {
      if (state.size(a) === 0) continue;
      for (let b = a + 1; b < tableCount; b++) {
        if (state.size(b) === 0) continue;
        for (let g = 0; g < GROUP_COUNT; g++) {
          if (state.counts[a * GROUP_COUNT + g] === 0) continue;
          for (let h = 0; h < GROUP_COUNT; h++) {
            if (h === g || state.counts[b * GROUP_COUNT + h] === 0) continue;
            const gain = cellChange(g, a, -1) + cellChange(g, b, 1) + cellChange(h, b, -1) + cellChange(h, a, 1);
            const coverageMayGain = coverageShort && ((!state.tableCovered(a) && lacks(a, h)) || (!state.tableCovered(b) && lacks(b, g)));
            if (gain >= 0 && !coverageMayGain) continue;
            if (trySwap(state, a, g, b, h, before)) {
              swaps++;
              improved = true;
            }
          }
        }
      }
    }
    if (!improved) break;
  }
  return swaps;
}

function trySwap(state: PlacementState, a: number, g: number, b: number, h: number, before: Float64Array): boolean {
  const m = state.model;
  const fromA = state.members[a].filter((p) => m.group[p] === g && state.movable(p));
  const fromB = state.members[b].filter((q) => m.group[q] === h && state.movable(q));
  for (const p of fromA)
    for (const q of fromB) {
      before.set(state.score);
      state.swap(p, q);
      if (PlacementState.better(state.score, before)) return true;
      state.swap(p, q);
    }
  return false;
}

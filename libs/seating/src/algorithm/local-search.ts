import { PlacementState, TERM_COUNT } from './placement-state';
import { GROUP_COUNT, PARTY_COUNT } from './types';

/**
 * Swap search: people involved in a problem (a same-organisation pair, a
 * table short of a party or outside its shares, a broken request, a person
 * away from their previous table) try swapping with people at other tables;
 * a swap is kept when the score gets lexicographically better. Tables are
 * scanned from a point that rotates with the person, so that the first
 * improving swap is found quickly and not always at the same tables. The
 * budget counts trial swaps, not time, so the result is reproducible.
 */
export interface SearchOptions {
  maxTrials: number;
  /** The best coverage that can be reached; the search stops looking for more once there. */
  maxCoverage: number;
}

export function improvePlacement(state: PlacementState, options: SearchOptions): { trials: number; swaps: number } {
  const m = state.model;
  const tableCount = m.tableIds.length;
  const before = new Float64Array(TERM_COUNT);
  let trials = 0;
  let swaps = 0;
  const hopeless = new Set<number>();
  for (let round = 0; trials < options.maxTrials; round++) {
    const problems = problemPeople(state, options.maxCoverage).filter((p) => !hopeless.has(p));
    if (problems.length === 0) break;
    let improvedThisRound = false;
    for (const p of problems) {
      if (trials >= options.maxTrials) break;
      const a = state.table[p];
      if (!stillAProblem(state, p, options.maxCoverage)) continue;
      let found = false;
      const start = Math.floor(m.personRank[p] * tableCount + round) % tableCount;
      for (let k = 0; k < tableCount && !found; k++) {
        const b = (start + k) % tableCount;
        if (b === a || state.members[b].length === 0) continue;
        const atB = state.members[b];
        for (let i = 0; i < atB.length; i++) {
          const q = atB[i];
          if (!state.movable(q) || equivalent(state, p, q)) continue;
          before.set(state.score);
          state.swap(p, q);
          trials++;
          if (PlacementState.better(state.score, before)) {
            found = true;
            swaps++;
            break;
          }
          state.swap(p, q);
        }
      }
      if (found) improvedThisRound = true;
      else hopeless.add(p);
    }
    if (!improvedThisRound) break;
    // A swap elsewhere can open a way for someone who found none before.
    hopeless.clear();
  }
  return { trials, swaps };
}

/** Swapping two people who differ in nothing the score sees changes nothing. */
function equivalent(state: PlacementState, p: number, q: number): boolean {
  const m = state.model;
  return (
    m.group[p] === m.group[q] &&
    m.org[p] === m.org[q] &&
    m.spread[p].length === 0 &&
    m.spread[q].length === 0 &&
    m.apartOf[p].length + m.togetherOf[p].length + m.apartOf[q].length + m.togetherOf[q].length === 0 &&
    m.previous[p] < 0 &&
    m.previous[q] < 0
  );
}

function problemPeople(state: PlacementState, maxCoverage: number): number[] {
  const out: number[] = [];
  for (let p = 0; p < state.model.personIds.length; p++) if (state.movable(p) && state.table[p] >= 0 && stillAProblem(state, p, maxCoverage)) out.push(p);
  const rank = state.model.personRank;
  return out.sort((a, b) => rank[a] - rank[b] || a - b);
}

function stillAProblem(state: PlacementState, p: number, maxCoverage: number): boolean {
  const m = state.model;
  const t = state.table[p];
  if (state.orgCountAt(t, m.org[p]) > 1) return true;
  if (-state.score[1] < maxCoverage && !state.tableCovered(t)) {
    const g = m.group[p];
    if (g >= PARTY_COUNT || state.counts[t * GROUP_COUNT + g] > 1) return true;
  }
  if (state.tableBand(t) > 0 || state.tableSpread(t) > 0) return true;
  for (const r of m.apartOf[p]) {
    const [a, b] = m.apart[r];
    if (state.table[a] === state.table[b]) return true;
  }
  for (const r of m.togetherOf[p]) {
    const [a, b] = m.together[r];
    if (state.table[a] !== state.table[b]) return true;
  }
  return m.previous[p] >= 0 && m.previous[p] !== t && state.size(m.previous[p]) > 0;
}

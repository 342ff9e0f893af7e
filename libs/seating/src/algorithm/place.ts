import { planCoverage } from './coverage.rules';
import { dealPeople } from './deal';
import { evaluateState } from './evaluate';
import { improvePlacement } from './local-search';
import { buildModel, checkSeatingInput, SeatingModel } from './model';
import { tableOccupancy } from './occupancy';
import { solvePartyCounts } from './party-counts';
import { PlacementState } from './placement-state';
import { GROUP_COUNT, Move, SeatingEvaluation, SeatingInput, SeatingInputProblem, SeatingResult } from './types';

/** Trial swaps allowed per person in the room: enough for repairs, bounded so a run stays well under a second per thousand. */
const TRIALS_PER_PERSON = 400;

/**
 * Places everybody. A first run solves the party counts per table exactly and
 * deals organisations into them; a re-run (people carry a previous table)
 * starts from where everybody sat, seats newcomers where they fit best, and
 * moves others only to mend a higher aim. A swap search then mends what the
 * construction could not see: pair requests, spread groups, organisations
 * that share a name across groups.
 */
export function placeTables(input: SeatingInput): SeatingResult | { problem: SeatingInputProblem } {
  const problem = checkSeatingInput(input);
  if (problem) return { problem };
  const m = buildModel(input);
  const tableCount = m.tableIds.length;
  const fixedByGroup = Array.from({ length: tableCount }, () => new Array<number>(GROUP_COUNT).fill(0));
  const fixedCount = new Array<number>(tableCount).fill(0);
  const previousCount = new Array<number>(tableCount).fill(0);
  const free = new Array<number>(GROUP_COUNT).fill(0);
  for (let p = 0; p < m.personIds.length; p++) {
    if (m.fixed[p] >= 0) {
      fixedByGroup[m.fixed[p]][m.group[p]]++;
      fixedCount[m.fixed[p]]++;
    } else {
      free[m.group[p]]++;
      if (m.previous[p] >= 0) previousCount[m.previous[p]]++;
    }
  }
  const occupancy = tableOccupancy({
    seats: m.seats,
    reserved: m.reserved,
    tableRank: m.tableRank,
    people: m.personIds.length,
    fixed: fixedCount,
    previous: previousCount,
  });
  const coverage = planCoverage({ occupancy, fixedByGroup, free, tableRank: m.tableRank });
  const state = new PlacementState(m);
  for (let p = 0; p < m.personIds.length; p++) if (m.fixed[p] >= 0) state.move(p, m.fixed[p]);
  const rerun = previousCount.some((c, t) => c > 0 && occupancy[t] > 0);
  if (rerun) seatFromPrevious(state, occupancy);
  else dealPeople(state, solvePartyCounts({ occupancy, fixedByGroup, free, groupSize: m.groupSize, coverageTarget: coverage.target }));
  improvePlacement(state, { maxTrials: TRIALS_PER_PERSON * Math.max(1, m.personIds.length), maxCoverage: coverage.max });
  return { ...evaluateState(state), tables: placedTables(state), moved: movedPeople(state) };
}

/** Judges a placement given as person → table (a stored one, or one changed by hand). */
export function evaluatePlacement(input: SeatingInput, tableOf: ReadonlyMap<string, string>): SeatingEvaluation {
  const placed = input.people.filter((p) => tableOf.has(p.id));
  const ids = new Set(placed.map((p) => p.id));
  const m = buildModel({
    ...input,
    people: placed,
    keepApart: (input.keepApart ?? []).filter((r) => ids.has(r.a) && ids.has(r.b)),
    keepTogether: (input.keepTogether ?? []).filter((r) => ids.has(r.a) && ids.has(r.b)),
  });
  const state = new PlacementState(m);
  const tableIndex = new Map(m.tableIds.map((id, t) => [id, t]));
  m.personIds.forEach((id, p) => {
    const t = tableIndex.get(tableOf.get(id)!);
    if (t !== undefined) state.move(p, t);
  });
  return evaluateState(state, input.people.length - placed.length);
}

function seatFromPrevious(state: PlacementState, occupancy: readonly number[]): void {
  const m: SeatingModel = state.model;
  const byRank = [...Array(m.personIds.length).keys()].sort((a, b) => m.personRank[a] - m.personRank[b] || a - b);
  const waiting: number[] = [];
  for (const p of byRank) {
    if (!state.movable(p)) continue;
    const t = m.previous[p];
    if (t >= 0 && state.size(t) < occupancy[t]) state.move(p, t);
    else waiting.push(p);
  }
  for (const p of waiting) {
    let best = -1;
    const bestScore = new Float64Array(state.score.length);
    for (let t = 0; t < occupancy.length; t++) {
      if (state.size(t) >= occupancy[t]) continue;
      state.move(p, t);
      if (best < 0 || PlacementState.better(state.score, bestScore)) {
        best = t;
        bestScore.set(state.score);
      }
      state.move(p, -1);
    }
    state.move(p, best);
  }
}

function placedTables(state: PlacementState): SeatingResult['tables'] {
  const m = state.model;
  return m.tableIds.map((tableId, t) => ({ tableId, personIds: state.members[t].map((p) => m.personIds[p]).sort() }));
}

function movedPeople(state: PlacementState): Move[] {
  const m = state.model;
  const out: Move[] = [];
  for (let p = 0; p < m.personIds.length; p++) {
    const from = m.previous[p];
    if (from >= 0 && from !== state.table[p])
      out.push({ personId: m.personIds[p], fromTableId: m.tableIds[from], toTableId: m.tableIds[state.table[p]] });
  }
  return out;
}

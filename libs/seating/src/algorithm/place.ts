import { CoveragePlan, planCoverage } from './coverage.rules';
import { dealClasses, fitClasses, organisationClasses } from './deal';
import { evaluateState } from './evaluate';
import { improvePlacement } from './local-search';
import { polishShares } from './polish';
import { buildModel, checkSeatingInput, SeatingModel } from './model';
import { tableOccupancy } from './occupancy';
import { PartyCountInput, PartyCounts, solvePartyCounts } from './party-counts';
import { PlacementState } from './placement-state';
import { bandExcess, scaledDeviation } from './shares.rules';
import { GROUP_COUNT, Move, PARTY_COUNT, SeatingEvaluation, SeatingInput, SeatingInputProblem, SeatingResult } from './types';

/** Trial swaps allowed per person in the room: enough for repairs, bounded so a run stays well under a second per thousand. */
const TRIALS_PER_PERSON = 400;
const POLISH_PASSES = 4;
const POLISH_ALWAYS_TABLES = 150;
/** Flows tried when trading covered tables for uncovered ones to mend a count outside its band. */
const MAX_COVERAGE_TRADES = 200;
/** Rooms up to this many tables in use try every choice of covered tables the trades reach, not only to mend a band. */
const SMALL_ROOM_TABLES = 30;
/** Above this many class-to-table arcs the exact flow with organisations takes seconds; the swap search mends instead. */
const EXACT_CLASS_ARCS = 20000;

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
  else construct(state, { occupancy, fixedByGroup, free }, coverage);
  const search = { maxTrials: TRIALS_PER_PERSON * Math.max(1, m.personIds.length), maxCoverage: coverage.max };
  const repairs = improvePlacement(state, search).swaps;
  // The exact construction leaves nothing for the polish on a large room unless repairs moved people.
  const worthPolishing = repairs > 0 || rerun || tableCount <= POLISH_ALWAYS_TABLES || state.score[2] > 0 || 0 - state.score[1] < coverage.max;
  if (worthPolishing && polishShares(state, POLISH_PASSES, coverage.max) > 0) improvePlacement(state, search);
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

/**
 * A first run. The counts per group and table are solved exactly, then each
 * group's organisations are fitted into them by a max-flow that keeps
 * colleagues apart. Only if they do not fit are the counts solved again with
 * the organisations in the flow (exact, but slower on large rooms); should
 * organisations be too large for the tables, each may put one more member
 * per table, until all fit.
 */
function construct(
  state: PlacementState,
  room: { occupancy: number[]; fixedByGroup: number[][]; free: number[] },
  coverage: CoveragePlan,
): void {
  const m = state.model;
  const base = { occupancy: room.occupancy, fixedByGroup: room.fixedByGroup, groupSize: m.groupSize };
  const whole = room.free.map((members, group) => ({ group, members, capacity: () => members }));
  const counts = bestPartyCounts({ ...base, classes: whole }, room.free, coverage, m.tableRank).counts;
  const slots = counts.map((row, t) => row.map((c, g) => c - room.fixedByGroup[t][g]));
  const maxSeats = Math.max(1, ...m.seats);
  for (let slack = 0; slack <= maxSeats; slack++) {
    const classes = organisationClasses(state, room.occupancy, slack);
    const fitted = fitClasses(classes, slots);
    if (fitted) return dealClasses(state, classes, fitted);
    if (classes.length * m.tableIds.length > EXACT_CLASS_ARCS) continue;
    const exact = bestPartyCounts({ ...base, classes }, room.free, coverage, m.tableRank);
    if (exact.complete) return dealClasses(state, classes, exact.perClass);
  }
  throw new Error('seating: the organisation classes found no seats; occupancy and input disagree');
}

/**
 * When not every table can hold all three parties, which ones do matters for
 * the shares: should the first choice leave a count outside its band, the
 * counts are solved for a few more (largest tables first,
 * smallest first, and where the small parties go when coverage is not asked
 * for) and the cheapest is kept; the flow's cost ranks coverage, band and
 * deviation lexicographically, so costs compare directly.
 */
function bestPartyCounts(base: Omit<PartyCountInput, 'coverageTarget'>, free: number[], coverage: CoveragePlan, tableRank: Float64Array): PartyCounts {
  let best = solvePartyCounts({ ...base, coverageTarget: coverage.target });
  // Other choices are tried only when this one leaves a count outside its share band.
  const people = base.groupSize.reduce((a, b) => a + b, 0);
  // Flow costs are relative to the fixed counts, so the band is checked on the counts themselves.
  const offBand = (counts: number[][]) =>
    counts.some((row, t) => base.occupancy[t] > 0 && row.some((c, g) => bandExcess(c, base.groupSize[g], base.occupancy[t], people) > 0));
  // On a small room the other choices cost little and may still lower the total deviation within the band.
  const small = base.occupancy.filter((o) => o > 0).length <= SMALL_ROOM_TABLES;
  const worthTrying = (counts: number[][]) => offBand(counts) || small;
  if (!coverage.choice || !best.complete || !worthTrying(best.counts)) return best;
  // Relative flow costs differ with the fixed people at each choice; compare what the counts achieve.
  const score = (counts: number[][]) => {
    let covered = 0;
    let band = 0;
    let deviation = 0;
    counts.forEach((row, t) => {
      if (base.occupancy[t] === 0) return;
      if (row[0] > 0 && row[1] > 0 && row[2] > 0) covered++;
      row.forEach((c, g) => {
        band += bandExcess(c, base.groupSize[g], base.occupancy[t], people);
        deviation += Math.abs(scaledDeviation(c, base.groupSize[g], base.occupancy[t], people));
      });
    });
    return [-covered, band, deviation];
  };
  const better = (a: PartyCounts, b: PartyCounts) => {
    const [x, y] = [score(a.counts), score(b.counts)];
    const i = x.findIndex((v, k) => v !== y[k]);
    return a.complete && i >= 0 && x[i] < y[i];
  };
  const natural = solvePartyCounts({ ...base, coverageTarget: coverage.target.map(() => false) }).counts;
  const present = natural.map((row) => -row.slice(0, PARTY_COUNT).filter((c) => c > 0).length);
  const plan = { occupancy: base.occupancy, fixedByGroup: base.fixedByGroup, free, tableRank };
  let target = coverage.target;
  for (const prefer of ['smallest', present] as const) {
    const choice = planCoverage({ ...plan, prefer }).target;
    const other = solvePartyCounts({ ...base, coverageTarget: choice });
    if (better(other, best)) [best, target] = [other, choice];
  }
  // Still a count outside its band, or a small room: try trading each covered table for an uncovered one.
  const eligible = planCoverage({ ...plan, free: [Infinity, Infinity, Infinity, Infinity] }).target;
  let trials = 0;
  for (let improved = true; improved && worthTrying(best.counts) && trials < MAX_COVERAGE_TRADES; ) {
    improved = false;
    for (let c = 0; c < target.length && !improved; c++) {
      if (!target[c]) continue;
      for (let u = 0; u < target.length && !improved && trials < MAX_COVERAGE_TRADES; u++) {
        if (target[u] || !eligible[u]) continue;
        const choice = target.map((x, t) => (t === c ? false : t === u ? true : x));
        const other = solvePartyCounts({ ...base, coverageTarget: choice });
        trials++;
        if (better(other, best)) [best, target, improved] = [other, choice, true];
      }
    }
  }
  return best;
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

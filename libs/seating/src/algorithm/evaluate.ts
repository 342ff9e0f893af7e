import { planCoverage } from './coverage.rules';
import { pairKey, SeatingModel } from './model';
import { PlacementState, spreadAllowance } from './placement-state';
import { bandExcess, scaledDeviation } from './shares.rules';
import { BrokenRequest, GROUP_COUNT, PARTY_COUNT, SEATING_GROUPS, SeatingEvaluation, TableProblems } from './types';

/** Metrics and per-table problems of a placement: the one judgement used by the algorithm, the API and the pages. */
export function evaluateState(state: PlacementState, peopleWithoutTable = 0): SeatingEvaluation {
  const m = state.model;
  const people = m.personIds.length;
  const tableCount = m.tableIds.length;
  const problems = new Map<string, TableProblems>();
  const occupancy: number[] = [];
  const fixedByGroup: number[][] = [];
  const free = new Array<number>(GROUP_COUNT).fill(0);
  let tablesInUse = 0;
  let maxScaled = 0;
  for (let t = 0; t < tableCount; t++) {
    occupancy.push(state.size(t));
    fixedByGroup.push(new Array<number>(GROUP_COUNT).fill(0));
  }
  for (let p = 0; p < people; p++) {
    if (m.fixed[p] >= 0) fixedByGroup[m.fixed[p]][m.group[p]]++;
    else if (state.table[p] >= 0) free[m.group[p]]++;
  }
  // Every person of the model has a table here: people without one are left out of the model by the caller.
  const placed = people;
  for (let t = 0; t < tableCount; t++) {
    const size = state.size(t);
    const entry: TableProblems = { missingParties: [], sameOrganisation: [], offShare: [], brokenRequests: [] };
    problems.set(m.tableIds[t], entry);
    if (size === 0) continue;
    tablesInUse++;
    for (let g = 0; g < GROUP_COUNT; g++) {
      const count = state.counts[t * GROUP_COUNT + g];
      if (g < PARTY_COUNT && count === 0) entry.missingParties.push(SEATING_GROUPS[g]);
      maxScaled = Math.max(maxScaled, Math.abs(scaledDeviation(count, m.groupSize[g], size, placed)));
      if (bandExcess(count, m.groupSize[g], size, placed) > 0)
        entry.offShare.push({ group: SEATING_GROUPS[g], count, share: round((m.groupSize[g] * size) / placed) });
    }
    const byOrg = new Map<number, number[]>();
    for (const p of state.members[t]) byOrg.set(m.org[p], [...(byOrg.get(m.org[p]) ?? []), p]);
    for (const list of byOrg.values()) {
      if (list.length < 2 || countedPairs(m, list) === 0) continue;
      entry.sameOrganisation.push(list.map((p) => m.personIds[p]).sort());
    }
  }
  const brokenRequests = collectBrokenRequests(state, placed);
  for (const r of brokenRequests) {
    const ids = r.kind === 'spread' ? [] : [r.a, r.b];
    const tables = new Set(ids.map((id) => m.tableIds[state.table[m.personIds.indexOf(id)]]));
    if (r.kind === 'spread') tables.add(r.tableId);
    for (const id of tables) if (id !== undefined) problems.get(id)!.brokenRequests.push(r);
  }
  const coverage = planCoverage({ occupancy, fixedByGroup, free, tableRank: m.tableRank });
  return {
    metrics: {
      people: people + peopleWithoutTable,
      tablesInUse,
      tablesWithAllParties: 0 - state.score[1],
      maxPossibleTablesWithAllParties: coverage.max,
      maxPartyDeviation: placed === 0 ? 0 : round(maxScaled / placed),
      totalPartyDeviation: placed === 0 ? 0 : round(state.score[6] / placed),
      sameOrganisationPairs: state.score[0],
      requestsBroken: brokenRequests.length,
      peopleMoved: state.score[5],
      peopleWithoutTable,
    },
    problems,
    brokenRequests,
  };
}

function countedPairs(m: SeatingModel, list: number[]): number {
  let pairs = 0;
  const n = m.personIds.length;
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) if (!m.togetherKeys.has(pairKey(list[i], list[j], n))) pairs++;
  return pairs;
}

function collectBrokenRequests(state: PlacementState, placed: number): BrokenRequest[] {
  const m = state.model;
  const out: BrokenRequest[] = [];
  for (const [a, b] of m.apart)
    if (state.table[a] >= 0 && state.table[a] === state.table[b]) out.push({ kind: 'apart', a: m.personIds[a], b: m.personIds[b] });
  for (const [a, b] of m.together)
    if (state.table[a] >= 0 && state.table[b] >= 0 && state.table[a] !== state.table[b])
      out.push({ kind: 'together', a: m.personIds[a], b: m.personIds[b] });
  for (let t = 0; t < m.tableIds.length; t++) {
    const size = state.size(t);
    for (let s = 0; s < m.spreadNames.length; s++) {
      const count = state.spreadCountAt(t, s);
      const allowed = spreadAllowance(m.spreadSize[s], size, placed);
      if (count > allowed) out.push({ kind: 'spread', spreadGroup: m.spreadNames[s], tableId: m.tableIds[t], count, allowed });
    }
  }
  return out;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

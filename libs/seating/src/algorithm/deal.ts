import { FlowArc, minCostFlow } from './min-cost-flow';
import { OrganisationClass } from './party-counts';
import { PlacementState } from './placement-state';

/** An organisation class with the free members of each of its organisations. */
export interface ClassOfOrganisations extends OrganisationClass {
  orgs: number[][];
  /** Members at table t that cost no colleague a shared table beyond what the organisation's size forces. */
  base: (t: number) => number;
}

/**
 * Groups the free people into organisation classes: organisations of one
 * group with the same number of free members are interchangeable for the
 * flow. Each organisation may have ⌈size / tables in use⌉ + `slack` members
 * at a table: with no slack, no two colleagues share a table unless the
 * organisation is larger than the room's tables. An organisation with
 * someone fixed by hand, or with members in two groups, is a class of its
 * own, its fixed members counted at their tables.
 */
export function organisationClasses(state: PlacementState, occupancy: readonly number[], slack: number): ClassOfOrganisations[] {
  const m = state.model;
  const tablesInUse = Math.max(1, occupancy.filter((o) => o > 0).length);
  const spreadCap = (size: number) => Math.ceil(size / tablesInUse) + slack;
  const byOrg = new Map<number, number[]>();
  for (let p = 0; p < m.personIds.length; p++) {
    if (state.table[p] >= 0) continue;
    // Keyed by organisation and group, so that a name shared across groups splits into one part per group.
    const key = m.org[p] * 4 + m.group[p];
    const list = byOrg.get(key);
    if (list) list.push(p);
    else byOrg.set(key, [p]);
  }
  const classes: ClassOfOrganisations[] = [];
  const shared = new Map<string, ClassOfOrganisations>();
  const lists = [...byOrg.values()];
  for (const list of lists) list.sort((a, b) => m.personRank[a] - m.personRank[b] || a - b);
  lists.sort((a, b) => m.personRank[a[0]] - m.personRank[b[0]] || a[0] - b[0]);
  for (const members of lists) {
    const p = members[0];
    const org = m.org[p];
    const group = m.group[p];
    const size = m.orgSize[org];
    if (size !== members.length) {
      const cap = spreadCap(size);
      const floor = Math.floor(size / tablesInUse);
      classes.push({
        group,
        members: members.length,
        orgs: [members],
        capacity: (t) => Math.max(0, cap - state.orgCountAt(t, org)),
        base: (t) => Math.max(0, Math.max(1, floor) - state.orgCountAt(t, org)),
      });
      continue;
    }
    const key = `${group}:${size}`;
    let k = shared.get(key);
    if (!k) {
      const perOrg = size === 1 ? 1 : spreadCap(size);
      const free = Math.max(1, Math.floor(size / tablesInUse));
      const created: ClassOfOrganisations = {
        group,
        members: 0,
        orgs: [],
        capacity: () => created.orgs.length * perOrg,
        base: () => created.orgs.length * free,
      };
      k = created;
      shared.set(key, created);
      classes.push(created);
    }
    k.orgs.push(members);
    k.members += members.length;
  }
  return classes;
}

/**
 * Turns the class counts per table into people: the class's places are
 * listed table by table and dealt to its organisations in turn, so each
 * organisation gets its share of every table's places (never more than the
 * class's cap allowed per organisation) and exactly its own size in all.
 */
export function dealClasses(state: PlacementState, classes: readonly ClassOfOrganisations[], perClass: readonly number[][]): void {
  const m = state.model;
  const tableOrder = [...Array(m.tableIds.length).keys()].sort((a, b) => m.tableRank[a] - m.tableRank[b] || a - b);
  classes.forEach((k, c) => {
    const next = k.orgs.map(() => 0);
    let turn = 0;
    for (const t of tableOrder) {
      for (let i = 0; i < perClass[c][t]; i++) {
        // Skip organisations already complete: with equal sizes this only happens at the very end.
        while (next[turn] >= k.orgs[turn].length) turn = (turn + 1) % k.orgs.length;
        state.move(k.orgs[turn][next[turn]++], t);
        turn = (turn + 1) % k.orgs.length;
      }
    }
  });
}

/**
 * Fits each group's organisation classes into the places the party counts
 * give that group (a min-cost flow per group, classes → tables): within the
 * caps, each member beyond an organisation's even spread costs one, so the
 * fewest colleagues share a table. Null when some group's organisations
 * cannot all fit without breaking their caps.
 */
export function fitClasses(classes: readonly ClassOfOrganisations[], slots: readonly number[][]): number[][] | null {
  const tableCount = slots.length;
  const perClass = classes.map(() => new Array<number>(tableCount).fill(0));
  const groups = new Set(classes.map((k) => k.group));
  for (const g of groups) {
    const mine = classes.map((k, c) => ({ k, c })).filter(({ k }) => k.group === g);
    const sink = 1 + mine.length + tableCount;
    const arcs: FlowArc[] = [];
    const classArcs: Array<{ arc: number; c: number; t: number }> = [];
    mine.forEach(({ k, c }, i) => {
      arcs.push({ from: 0, to: 1 + i, capacity: k.members, unitCost: () => 0 });
      for (let t = 0; t < tableCount; t++) {
        const capacity = Math.min(slots[t][g], k.capacity(t));
        if (capacity <= 0) continue;
        classArcs.push({ arc: arcs.length, c, t });
        const base = k.base(t);
        arcs.push({ from: 1 + i, to: 1 + mine.length + t, capacity, unitCost: (y) => (y < base ? 0 : 1) });
      }
    });
    for (let t = 0; t < tableCount; t++) if (slots[t][g] > 0) arcs.push({ from: 1 + mine.length + t, to: sink, capacity: slots[t][g], unitCost: () => 0 });
    const demand = mine.reduce((a, { k }) => a + k.members, 0);
    const order = [...Array(sink + 1).keys()];
    const { flow, value } = minCostFlow(sink + 1, arcs, 0, sink, demand, order);
    if (value !== demand) return null;
    for (const { arc, c, t } of classArcs) perClass[c][t] += flow[arc];
  }
  return perClass;
}

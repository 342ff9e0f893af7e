import { SeatingModel } from './model';
import { PlacementState } from './placement-state';
import { GROUP_COUNT } from './types';

/**
 * Seats the free people of each group into the places the party counts give
 * that group, one organisation at a time, largest first, each member at the
 * table where the organisation has nobody yet and the group has the most
 * places left (Ryser's construction: it keeps every organisation apart
 * whenever the counts allow that at all). Organisations of one come last and
 * fill what is left.
 */
export function dealPeople(state: PlacementState, counts: readonly number[][]): void {
  const m: SeatingModel = state.model;
  const tableCount = m.tableIds.length;
  const slots = counts.map((row, t) => row.map((c, g) => c - state.counts[t * GROUP_COUNT + g]));
  for (let g = 0; g < GROUP_COUNT; g++) {
    const byOrg = new Map<number, number[]>();
    for (let p = 0; p < m.personIds.length; p++) {
      if (m.group[p] !== g || state.table[p] >= 0) continue;
      const list = byOrg.get(m.org[p]);
      if (list) list.push(p);
      else byOrg.set(m.org[p], [p]);
    }
    const orgs = [...byOrg.values()];
    for (const list of orgs) list.sort((a, b) => m.personRank[a] - m.personRank[b] || a - b);
    orgs.sort((a, b) => b.length - a.length || m.personRank[a[0]] - m.personRank[b[0]] || a[0] - b[0]);
    let singlesFrom = 0;
    for (const members of orgs) {
      if (members.length === 1 && !sharesOrgAcrossGroups(m, members[0])) {
        // Organisations of one cannot collide with anybody: fill places in table order.
        while (slots[singlesFrom][g] === 0) singlesFrom++;
        state.move(members[0], singlesFrom);
        slots[singlesFrom][g]--;
        continue;
      }
      for (const p of members) {
        let best = -1;
        for (let t = 0; t < tableCount; t++) {
          if (slots[t][g] === 0) continue;
          if (best < 0) {
            best = t;
            continue;
          }
          const here = state.orgCountAt(t, m.org[p]);
          const there = state.orgCountAt(best, m.org[p]);
          if (here < there || (here === there && (slots[t][g] > slots[best][g] || (slots[t][g] === slots[best][g] && m.tableRank[t] < m.tableRank[best])))) best = t;
        }
        state.move(p, best);
        slots[best][g]--;
      }
    }
  }
}

/** An organisation of one in its group may still share its name with people of another group. */
function sharesOrgAcrossGroups(m: SeatingModel, p: number): boolean {
  return m.orgSize[m.org[p]] > 1;
}

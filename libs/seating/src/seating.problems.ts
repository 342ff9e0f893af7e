import type { SeatingEvaluation } from './algorithm';
import type { SeatingTexts } from './seating.texts';

export type ProblemKind = 'missing_party' | 'same_organisation' | 'off_share' | 'request' | 'over_seats';

export interface TableProblem {
  tableId: string;
  kind: ProblemKind;
  message: string;
  registrationIds: string[];
}

export interface NamedTable {
  id: string;
  name: string;
  seats: number;
  registrationIds: readonly string[];
}

/**
 * Sentences for what the judgement found at each table, in one language: the
 * API gives them in English, the page in the reader's language.
 */
export function describeProblems(
  evaluation: SeatingEvaluation,
  tables: readonly NamedTable[],
  nameOf: (registrationId: string) => string,
  t: SeatingTexts,
): Map<string, TableProblem[]> {
  const out = new Map<string, TableProblem[]>();
  for (const table of tables) {
    const found = evaluation.problems.get(table.id);
    const list: TableProblem[] = [];
    const push = (p: Omit<TableProblem, 'tableId'>) => list.push({ tableId: table.id, ...p });
    out.set(table.id, list);
    if (table.registrationIds.length > table.seats)
      push({ kind: 'over_seats', message: t.overSeats(table.name, table.registrationIds.length, table.seats), registrationIds: [] });
    if (!found) continue;
    if (found.missingParties.length > 0)
      push({
        kind: 'missing_party',
        message: t.missingParty(table.name, found.missingParties.map((g) => t.groups[g].toLowerCase()).join(', ')),
        registrationIds: [],
      });
    for (const ids of found.sameOrganisation)
      push({ kind: 'same_organisation', message: t.sameOrganisation(table.name, ids.map(nameOf).join(', ')), registrationIds: ids });
    for (const off of found.offShare)
      push({ kind: 'off_share', message: t.offShare(table.name, t.groups[off.group].toLowerCase(), off.count, off.share), registrationIds: [] });
    for (const r of found.brokenRequests) {
      if (r.kind === 'apart') push({ kind: 'request', message: t.apartBroken(nameOf(r.a), nameOf(r.b)), registrationIds: [r.a, r.b] });
      else if (r.kind === 'together') push({ kind: 'request', message: t.togetherBroken(nameOf(r.a), nameOf(r.b)), registrationIds: [r.a, r.b] });
      else {
        const group = r.spreadGroup === 'speaker' ? t.speaker : r.spreadGroup === 'politician' ? t.politician : r.spreadGroup;
        push({ kind: 'request', message: t.spreadBroken(table.name, group, r.count, r.allowed), registrationIds: [] });
      }
    }
  }
  return out;
}

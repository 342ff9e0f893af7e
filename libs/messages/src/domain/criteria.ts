import type { FieldProblem } from '@dialogdag/shared';
import type { RecipientFilter, ResolvedCriterion } from './recipient-filter';

/**
 * The criteria other libs know the answer to (workshop, table, travel claim), decided here from
 * plain data those libs hand out: which entries of a filter are unknown, and who matches.
 */

/** A round as the workshops lib gives it: a round number or the id of a workshop block of the programme. */
export type RoundRef = number | string;

export interface WorkshopRef {
  id: string;
  title: string;
  rounds: RoundRef[];
}

export interface PlaceRef {
  registrationId: string;
  workshopId: string;
  round: RoundRef;
}

export interface TableRef {
  id: string;
  name: string;
}

export interface ClaimRef {
  registrationId: string;
  passengerIds: string[];
}

const sameRound = (a: RoundRef, b: RoundRef) => String(a).toLowerCase() === String(b).toLowerCase();
const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const tableKey = (name: string) => name.trim().toLowerCase();

export function workshopProblems(filter: RecipientFilter, workshops: WorkshopRef[]): FieldProblem[] {
  const wanted = filter.workshops ?? [];
  const unknown = wanted.filter((id) => !workshops.some((w) => sameId(w.id, id)));
  if (unknown.length > 0) {
    return [{ field: 'filter.workshops', message: `filter.workshops: this conference has no workshop with the id ${unknown.join(', ')}.` }];
  }
  const round = filter.workshopRound;
  if (round !== undefined) {
    const chosen = workshops.filter((w) => wanted.some((id) => sameId(w.id, id)));
    if (!chosen.some((w) => w.rounds.some((r) => sameRound(r, round)))) {
      return [{ field: 'filter.workshopRound', message: `filter.workshopRound: none of the chosen workshops runs in round ${round}.` }];
    }
  }
  return [];
}

/** Everyone placed in one of the workshops (in the round, when one is given). */
export function placedInWorkshops(places: PlaceRef[], filter: RecipientFilter): Set<string> {
  const wanted = filter.workshops ?? [];
  const round = filter.workshopRound;
  return new Set(
    places.filter((p) => wanted.some((id) => sameId(p.workshopId, id)) && (round === undefined || sameRound(p.round, round))).map((p) => p.registrationId),
  );
}

/** Each entry names a table by its id or by its name (names are unique per conference, whatever their case). */
export function tablesNamed(entries: string[], tables: TableRef[]): { ids: Set<string>; problems: FieldProblem[] } {
  const ids = new Set<string>();
  const unknown: string[] = [];
  for (const entry of entries) {
    const table = tables.find((t) => sameId(t.id, entry.trim())) ?? tables.find((t) => tableKey(t.name) === tableKey(entry));
    if (table) ids.add(table.id);
    else unknown.push(entry);
  }
  const problems = unknown.length
    ? [{ field: 'filter.tables', message: `filter.tables: this conference has no table named ${unknown.map((u) => `"${u}"`).join(', ')}.` }]
    : [];
  return { ids, problems };
}

/**
 * Who a travel claim covers: the claimant and the passengers named in it (a passenger's journey is
 * claimed, and they cannot claim it themselves). Withdrawn claims are left out by the caller.
 */
export function coveredByClaims(claims: ClaimRef[]): Set<string> {
  return new Set(claims.flatMap((c) => [c.registrationId, ...c.passengerIds]));
}

/** "with" a claim keeps those covered by one, "without" keeps everyone else. */
export function claimCriterion(filter: RecipientFilter, covered: ReadonlySet<string>): ResolvedCriterion | null {
  if (filter.volunteers === 'with_travel_claim') return { in: covered };
  if (filter.volunteers === 'without_travel_claim') return { notIn: covered };
  return null;
}

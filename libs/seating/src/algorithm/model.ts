import { GROUP_COUNT, SEATING_GROUPS, SeatingInput, SeatingInputProblem } from './types';
import { tieBreak } from './tie-break';

/** More people than this would overflow the exact integer weights of the objective. */
export const MAX_PEOPLE = 20000;

/** Two spellings of one organisation are one organisation: case, spacing and punctuation aside. */
export function organisationKey(organisation: string): string {
  return organisation
    .normalize('NFKC')
    .toLocaleLowerCase('sv')
    .replace(/[.,;:()"'’`´-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The input in index form, people sorted by id so that input order does not change the result. */
export interface SeatingModel {
  tableIds: string[];
  seats: number[];
  reserved: boolean[];
  personIds: string[];
  group: Int8Array;
  /** Organisation index; people without an organisation get one each. */
  org: Int32Array;
  orgCount: number;
  orgSize: Int32Array;
  fixed: Int32Array;
  previous: Int32Array;
  spread: number[][];
  spreadNames: string[];
  spreadSize: number[];
  apart: Array<[number, number]>;
  together: Array<[number, number]>;
  /** Pairs asked to sit together do not count as same-organisation pairs: the organiser chose them. */
  togetherKeys: Set<number>;
  /** Per person: indices of its requests in `apart` / `together`. */
  apartOf: number[][];
  togetherOf: number[][];
  seed: number;
  /** A per-person and per-table tie-break, a fixed function of the seed and the id. */
  personRank: Float64Array;
  tableRank: Float64Array;
  groupSize: number[];
}

export function pairKey(a: number, b: number, n: number): number {
  return a < b ? a * n + b : b * n + a;
}

export function checkSeatingInput(input: SeatingInput): SeatingInputProblem | undefined {
  if (input.people.length > MAX_PEOPLE) return { code: 'too_many_people', limit: MAX_PEOPLE };
  const tableIndex = new Map(input.tables.map((t, i) => [t.id, i]));
  const seen = new Set<string>();
  const fixedAt = new Map<string, number>();
  for (const p of input.people) {
    if (seen.has(p.id)) return { code: 'duplicate_person', personId: p.id };
    seen.add(p.id);
    if (p.fixedTableId !== undefined) {
      if (!tableIndex.has(p.fixedTableId)) return { code: 'fixed_table_unknown', personId: p.id, tableId: p.fixedTableId };
      fixedAt.set(p.fixedTableId, (fixedAt.get(p.fixedTableId) ?? 0) + 1);
    }
  }
  for (const t of input.tables) {
    const fixed = fixedAt.get(t.id) ?? 0;
    if (fixed > t.seats) return { code: 'fixed_table_full', tableId: t.id, fixed, seats: t.seats };
  }
  for (const r of [...(input.keepApart ?? []), ...(input.keepTogether ?? [])]) {
    for (const id of [r.a, r.b]) if (!seen.has(id)) return { code: 'request_unknown_person', personId: id };
    if (r.a === r.b) return { code: 'request_same_person', personId: r.a };
  }
  const seatsOpen = input.tables.reduce((sum, t) => sum + (t.reserved ? (fixedAt.get(t.id) ?? 0) : t.seats), 0);
  if (input.people.length > seatsOpen) return { code: 'too_few_seats', missing: input.people.length - seatsOpen };
  return undefined;
}

/** Builds the index form; the input must have passed `checkSeatingInput`. */
export function buildModel(input: SeatingInput): SeatingModel {
  const seed = input.seed ?? 0;
  const people = [...input.people].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = people.length;
  const tableIndex = new Map(input.tables.map((t, i) => [t.id, i]));
  const personIndex = new Map(people.map((p, i) => [p.id, i]));
  const group = new Int8Array(n);
  const org = new Int32Array(n);
  const fixed = new Int32Array(n).fill(-1);
  const previous = new Int32Array(n).fill(-1);
  const orgIndex = new Map<string, number>();
  const orgSizes: number[] = [];
  const spreadIndex = new Map<string, number>();
  const spreadNames: string[] = [];
  const spreadSize: number[] = [];
  const spread: number[][] = [];
  const groupSize = new Array<number>(GROUP_COUNT).fill(0);
  people.forEach((p, i) => {
    group[i] = SEATING_GROUPS.indexOf(p.group);
    groupSize[group[i]]++;
    const key = organisationKey(p.organisation);
    // Without an organisation a person is an organisation of one; the id keeps it apart from real names.
    const orgKey = key === '' ? `\u0000${p.id}` : key;
    let o = orgIndex.get(orgKey);
    if (o === undefined) {
      o = orgSizes.length;
      orgIndex.set(orgKey, o);
      orgSizes.push(0);
    }
    org[i] = o;
    orgSizes[o]++;
    if (p.fixedTableId !== undefined) fixed[i] = tableIndex.get(p.fixedTableId)!;
    if (p.previousTableId !== undefined) previous[i] = tableIndex.get(p.previousTableId) ?? -1;
    const mine: number[] = [];
    for (const name of new Set(p.spreadGroups ?? [])) {
      let s = spreadIndex.get(name);
      if (s === undefined) {
        s = spreadNames.length;
        spreadIndex.set(name, s);
        spreadNames.push(name);
        spreadSize.push(0);
      }
      spreadSize[s]++;
      mine.push(s);
    }
    spread.push(mine);
  });
  const pairs = (list: SeatingInput['keepApart']) => {
    const keys = new Set<number>();
    const out: Array<[number, number]> = [];
    for (const r of list ?? []) {
      const a = personIndex.get(r.a)!;
      const b = personIndex.get(r.b)!;
      const key = pairKey(a, b, n);
      if (keys.has(key)) continue;
      keys.add(key);
      out.push(a < b ? [a, b] : [b, a]);
    }
    return { out, keys };
  };
  const apart = pairs(input.keepApart);
  const together = pairs(input.keepTogether);
  const apartOf: number[][] = people.map(() => []);
  const togetherOf: number[][] = people.map(() => []);
  apart.out.forEach(([a, b], r) => (apartOf[a].push(r), apartOf[b].push(r)));
  together.out.forEach(([a, b], r) => (togetherOf[a].push(r), togetherOf[b].push(r)));
  const togetherKeys = new Set<number>();
  for (const [a, b] of together.out) if (org[a] === org[b]) togetherKeys.add(pairKey(a, b, n));
  return {
    tableIds: input.tables.map((t) => t.id),
    seats: input.tables.map((t) => t.seats),
    reserved: input.tables.map((t) => t.reserved === true),
    personIds: people.map((p) => p.id),
    group,
    org,
    orgCount: orgSizes.length,
    orgSize: Int32Array.from(orgSizes),
    fixed,
    previous,
    spread,
    spreadNames,
    spreadSize,
    apart: apart.out,
    together: together.out,
    togetherKeys,
    apartOf,
    togetherOf,
    seed,
    personRank: Float64Array.from(people.map((p) => tieBreak(seed, p.id))),
    tableRank: Float64Array.from(input.tables.map((t) => tieBreak(seed, t.id))),
    groupSize,
  };
}

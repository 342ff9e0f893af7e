/**
 * The exact reference for tests and the benchmark only, never for production:
 * the network problem of the issue solved as an LP by HiGHS. Organisation →
 * (party, table) arcs of capacity 1 keep organisations apart (extra members
 * at a table go on penalised overflow arcs, pairs outranking deviation);
 * |count − share| per (group, table) is the cost; table sizes are those of
 * the placement being judged. The matrix is a network matrix, so the LP
 * optimum is integral. With `coverage`, tables must also hold all three
 * parties (binary per table): a MIP, for small rooms; with `band`, every
 * count must lie within one person of its share.
 */
import { organisationKey } from '../src/algorithm/model';
import { GROUP_COUNT, PARTY_COUNT, SEATING_GROUPS, SeatingInput } from '../src/algorithm/types';

export interface ReferenceResult {
  status: string;
  /** Summed |count − share| in people. */
  totalDeviation: number;
  sameOrganisationPairs: number;
  seconds: number;
}

type Highs = { solve(lp: string, options?: Record<string, unknown>): { Status: string; Columns: Record<string, { Primal: number }> } };
let highs: Promise<Highs> | undefined;

function loadHighs(): Promise<Highs> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  highs ??= require('highs')();
  return highs!;
}

export async function referenceOptimum(
  input: SeatingInput,
  tableSizes: readonly number[],
  options: ReferenceOptions = {},
): Promise<ReferenceResult> {
  const lp = referenceLp(input, tableSizes, options);
  if (lp.impossible) return { status: 'Infeasible', totalDeviation: NaN, sameOrganisationPairs: NaN, seconds: 0 };
  const solver = await loadHighs();
  const started = process.hrtime.bigint();
  const result = solver.solve(lp.text, { output_flag: false, presolve: 'on' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.Status !== 'Optimal') return { status: result.Status, totalDeviation: NaN, sameOrganisationPairs: NaN, seconds };
  let deviation = lp.constant;
  for (const { name, weight } of lp.deviationVars) deviation += weight * result.Columns[name].Primal;
  let pairs = 0;
  for (const { name, weight } of lp.overflowVars) pairs += weight * result.Columns[name].Primal;
  return { status: 'Optimal', totalDeviation: deviation / lp.people, sameOrganisationPairs: Math.round(pairs), seconds };
}

export interface ReferenceOptions {
  /** At least this many tables hold all three parties (makes it a MIP). */
  coverage?: number;
  /** Every count within one person of its share (a hard constraint; the answer may be Infeasible). */
  band?: boolean;
}

export function referenceLp(input: SeatingInput, tableSizes: readonly number[], options: ReferenceOptions) {
  const n = input.people.length;
  const tables = input.tables.map((t, i) => ({ index: i, id: t.id, size: tableSizes[i] })).filter((t) => t.size > 0);
  const tableIndex = new Map(input.tables.map((t, i) => [t.id, i]));
  const groupSize = new Array<number>(GROUP_COUNT).fill(0);
  const fixed = new Map<string, number>();
  const orgs = new Map<string, { group: number; free: number }>();
  const singles = new Array<number>(GROUP_COUNT).fill(0);
  for (const p of input.people) {
    const g = SEATING_GROUPS.indexOf(p.group);
    groupSize[g]++;
    if (p.fixedTableId !== undefined) {
      const key = `${tableIndex.get(p.fixedTableId)}:${g}`;
      fixed.set(key, (fixed.get(key) ?? 0) + 1);
      continue;
    }
    const key = `${g}:${organisationKey(p.organisation) || p.id}`;
    const org = orgs.get(key) ?? { group: g, free: 0 };
    org.free++;
    orgs.set(key, org);
  }
  const multi: Array<{ group: number; free: number }> = [];
  for (const org of orgs.values()) {
    if (org.free === 1) singles[org.group]++;
    else multi.push(org);
  }
  const weight = 2 * n * n + 1;
  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const binaries: string[] = [];
  const deviationVars: Array<{ name: string; weight: number }> = [];
  let constant = 0;
  let impossible = false;
  const overflowVars: Array<{ name: string; weight: number }> = [];
  const cell: string[][][] = tables.map(() => Array.from({ length: GROUP_COUNT }, () => []));
  multi.forEach((org, o) => {
    const members: string[] = [];
    const extraPieces = Math.ceil(org.free / tables.length);
    tables.forEach((t, ti) => {
      const y = `y${o}_${ti}`;
      bounds.push(`0 <= ${y} <= 1`);
      members.push(y);
      cell[ti][org.group].push(y);
      for (let k = 1; k <= extraPieces && k < t.size; k++) {
        const z = `z${o}_${ti}_${k}`;
        bounds.push(`0 <= ${z} <= 1`);
        objective.push(`+ ${weight * k} ${z}`);
        overflowVars.push({ name: z, weight: k });
        members.push(z);
        cell[ti][org.group].push(z);
      }
    });
    rows.push(`org${o}: ${members.join(' + ')} = ${org.free}`);
  });
  for (let g = 0; g < GROUP_COUNT; g++) {
    if (singles[g] === 0) continue;
    const names = tables.map((_, ti) => `s${g}_${ti}`);
    names.forEach((name, ti) => cell[ti][g].push(name));
    rows.push(`single${g}: ${names.join(' + ')} = ${singles[g]}`);
  }
  tables.forEach((t, ti) => {
    const all: string[] = [];
    let fixedHere = 0;
    const covered = options.coverage !== undefined ? `c${ti}` : undefined;
    if (covered) binaries.push(covered);
    for (let g = 0; g < GROUP_COUNT; g++) {
      const f = fixed.get(`${t.index}:${g}`) ?? 0;
      fixedHere += f;
      const terms = cell[ti][g];
      all.push(...terms);
      // |count·n − share| is convex in the count: unit pieces with rising costs, filled in order by the LP.
      const cost = (count: number) => Math.abs(count * n - groupSize[g] * t.size);
      constant += cost(f);
      const pieces: string[] = [];
      for (let k = 1; k <= t.size - f && terms.length > 0; k++) {
        const u = `u${g}_${ti}_${k}`;
        bounds.push(`0 <= ${u} <= 1`);
        pieces.push(u);
        const c = cost(f + k) - cost(f + k - 1);
        objective.push(`${c >= 0 ? '+' : '-'} ${Math.abs(c)} ${u}`);
        deviationVars.push({ name: u, weight: c });
      }
      if (terms.length > 0) rows.push(`cell${g}_${ti}: ${terms.join(' + ')} - ${pieces.join(' - ')} = 0`);
      if (options.band) {
        const low = Math.floor((groupSize[g] * t.size) / n);
        const high = Math.ceil((groupSize[g] * t.size) / n);
        if (terms.length > 0) rows.push(`band${g}_${ti}: ${pieces.join(' + ') || `0 ${terms[0]}`} >= ${low - f}`, `cap${g}_${ti}: ${pieces.join(' + ') || `0 ${terms[0]}`} <= ${high - f}`);
        else if (f < low || f > high) impossible = true;
      }
      if (covered && g < PARTY_COUNT && f === 0 && terms.length > 0) rows.push(`cov${g}_${ti}: ${terms.join(' + ')} - ${covered} >= 0`);
      if (covered && g < PARTY_COUNT && f === 0 && terms.length === 0) rows.push(`cov${g}_${ti}: ${covered} = 0`);
    }
    if (all.length > 0) rows.push(`size${ti}: ${all.join(' + ')} = ${t.size - fixedHere}`);
  });
  if (options.coverage !== undefined) rows.push(`coverage: ${tables.map((_, ti) => `c${ti}`).join(' + ')} >= ${options.coverage}`);
  const text = [
    'Minimize',
    wrap(` obj: ${objective.join(' ').replace(/^\+ /, '')}`),
    'Subject To',
    ...rows.map((r) => wrap(` ${r}`)),
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    ...(binaries.length ? ['Binary', ` ${binaries.join(' ')}`] : []),
    'End',
  ].join('\n');
  return { text, deviationVars, overflowVars, people: n, constant, impossible };
}

/** The LP reader takes long expressions only across lines: break before a sign every 200 characters or so. */
function wrap(line: string): string {
  const parts: string[] = [];
  let current = '';
  for (const token of line.split(' ')) {
    if (current.length > 200 && (token === '+' || token === '-')) {
      parts.push(current);
      current = ' ';
    }
    current += (current.length > 0 && current !== ' ' ? ' ' : '') + token;
  }
  parts.push(current);
  return parts.join('\n');
}

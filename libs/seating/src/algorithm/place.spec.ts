import fc from 'fast-check';
import { referenceOptimum } from '../../testing/highs-reference';
import { benchmarkRoom } from '../../testing/rooms';
import { evaluatePlacement, placeTables } from './place';
import { SEATING_GROUPS, SeatingInput, SeatingPerson, SeatingResult } from './types';

function placed(input: SeatingInput): SeatingResult {
  const result = placeTables(input);
  if ('problem' in result) throw new Error(`unexpected problem ${JSON.stringify(result.problem)}`);
  return result;
}

interface RoomOptions {
  fixed?: boolean;
  requests?: boolean;
  reserved?: boolean;
  minSeats?: number;
  maxTables?: number;
}

/** Random rooms: 1–12 tables of 2–10 seats, filled 30–100 %, parties and organisations of any mix. */
function room(options: RoomOptions = {}): fc.Arbitrary<SeatingInput> {
  return fc
    .record({
      seats: fc.array(fc.integer({ min: options.minSeats ?? 2, max: 10 }), { minLength: 1, maxLength: options.maxTables ?? 12 }),
      fill: fc.double({ min: 0.3, max: 1, noNaN: true }),
      weights: fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 })),
      orgSpread: fc.integer({ min: 1, max: 12 }),
      seed: fc.integer({ min: 0, max: 1000 }),
      draws: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 400, maxLength: 400 }),
    })
    .map(({ seats, fill, weights, orgSpread, seed, draws }) => {
      let d = 0;
      const draw = (n: number) => draws[d++ % draws.length] % n;
      const tables = seats.map((s, i) => ({ id: `t${i}`, seats: s, reserved: options.reserved === true && i > 0 && draw(6) === 0 }));
      const open = tables.reduce((sum, t) => sum + (t.reserved ? 0 : t.seats), 0);
      const count = Math.max(0, Math.floor(open * fill));
      const total = weights.reduce((a, b) => a + b, 0);
      const people: SeatingPerson[] = [];
      for (let i = 0; i < count; i++) {
        let r = draw(total);
        let g = 0;
        while (r >= weights[g]) r -= weights[g++];
        const person: SeatingPerson = { id: `p${i}`, group: SEATING_GROUPS[g], organisation: draw(3) === 0 ? '' : `org ${g}-${draw(orgSpread)}` };
        if (options.fixed && draw(10) === 0) {
          const t = tables[draw(tables.length)];
          const already = people.filter((p) => p.fixedTableId === t.id).length;
          if (!t.reserved && already < t.seats) person.fixedTableId = t.id;
        }
        if (options.requests && draw(8) === 0) person.spreadGroups = ['speaker'];
        people.push(person);
      }
      const keepApart = options.requests && count > 1 ? [{ a: `p${draw(count)}`, b: `p${draw(count)}` }].filter((r) => r.a !== r.b) : [];
      const keepTogether = options.requests && count > 1 ? [{ a: `p${draw(count)}`, b: `p${draw(count)}` }].filter((r) => r.a !== r.b) : [];
      return { tables, people, keepApart, keepTogether, seed };
    });
}

// A failing room is reported as found: shrinking rooms through the whole placement can take many minutes.
beforeAll(() => fc.configureGlobal({ endOnFailure: true }));
afterAll(() => fc.resetConfigureGlobal());

describe('placeTables: hard rules', () => {
  it('seats everybody exactly once, within seats, reserved tables empty, fixed people where they were put', () => {
    fc.assert(
      fc.property(room({ fixed: true, requests: true, reserved: true }), (input) => {
        const result = placed(input);
        const seen = new Map<string, string>();
        for (const t of result.tables) {
          const table = input.tables.find((x) => x.id === t.tableId)!;
          expect(t.personIds.length).toBeLessThanOrEqual(table.seats);
          for (const id of t.personIds) {
            expect(seen.has(id)).toBe(false);
            seen.set(id, t.tableId);
          }
          if (table.reserved) for (const id of t.personIds) expect(input.people.find((p) => p.id === id)!.fixedTableId).toBe(table.id);
        }
        expect(seen.size).toBe(input.people.length);
        for (const p of input.people) if (p.fixedTableId) expect(seen.get(p.id)).toBe(p.fixedTableId);
      }),
      { numRuns: 300 },
    );
  });

  it('says how many seats are missing, and names bad fixings and requests', () => {
    const tables = [{ id: 'a', seats: 2 }];
    const people: SeatingPerson[] = ['x', 'y', 'z'].map((id) => ({ id, group: 'state', organisation: '' }));
    expect(placeTables({ tables, people })).toEqual({ problem: { code: 'too_few_seats', missing: 1 } });
    expect(placeTables({ tables: [{ id: 'a', seats: 3, reserved: true }], people })).toEqual({ problem: { code: 'too_few_seats', missing: 3 } });
    const fixedTwice = people.map((p) => ({ ...p, fixedTableId: 'a' }));
    expect(placeTables({ tables: [{ id: 'a', seats: 2 }, { id: 'b', seats: 5 }], people: fixedTwice })).toEqual({
      problem: { code: 'fixed_table_full', tableId: 'a', fixed: 3, seats: 2 },
    });
    expect(placeTables({ tables: [{ id: 'a', seats: 5 }], people, keepApart: [{ a: 'x', b: 'nobody' }] })).toEqual({
      problem: { code: 'request_unknown_person', personId: 'nobody' },
    });
  });

  it('gives the same placement for the same input, whatever order the people come in', () => {
    fc.assert(
      fc.property(room({ requests: true }), fc.integer(), (input, shuffleSeed) => {
        const shuffled = [...input.people].sort((a, b) => ((a.id.length * 31 + shuffleSeed) % 7) - ((b.id.length * 17 + shuffleSeed) % 5));
        expect(placed({ ...input, people: shuffled }).tables).toEqual(placed(input).tables);
      }),
      { numRuns: 100 },
    );
  });
});

const QUALITY_SEED = Number(process.env.SEATING_QUALITY_SEED ?? 20261123);

/** Found by the quality property (seed -1700606308): the choice of the covered table decides its shares. */
const GAP_ROOM: SeatingInput = {
  tables: [
    { id: 't0', seats: 8, reserved: false },
    { id: 't1', seats: 5, reserved: false },
    { id: 't2', seats: 7, reserved: false },
  ],
  people: (
    [
      ['state', ''], ['other', 'org 3-1'], ['civil_society', ''], ['other', 'org 3-0'], ['local_regional', 'org 1-1'],
      ['other', 'org 3-1'], ['civil_society', ''], ['state', 'org 2-0'], ['state', ''], ['state', 'org 2-0'],
      ['other', 'org 3-0'], ['state', 'org 2-1'], ['other', 'org 3-0'], ['state', ''], ['state', 'org 2-1'],
    ] as const
  ).map(([group, organisation], i) => ({ id: `p${i}`, group, organisation })),
  keepApart: [],
  keepTogether: [],
  seed: 6,
};

/** Found by the quality property (seed -221587890): see the known gap below. */
const PAIRS_GAP_ROOM: SeatingInput = {
  tables: [
    { id: 't0', seats: 8, reserved: false },
    { id: 't1', seats: 5, reserved: false },
    { id: 't2', seats: 6, reserved: false },
    { id: 't3', seats: 9, reserved: false },
    { id: 't4', seats: 8, reserved: false },
    { id: 't5', seats: 8, reserved: false },
    { id: 't6', seats: 4, reserved: false },
  ],
  people: (
    [
      ['state', 'org 2-0'], ['civil_society', 'org 0-0'], ['state', 'org 2-0'], ['civil_society', 'org 0-0'], ['other', 'org 3-0'],
      ['state', 'org 2-0'], ['state', 'org 2-0'], ['civil_society', 'org 0-0'], ['other', 'org 3-0'], ['state', 'org 2-0'],
      ['state', ''], ['state', ''], ['civil_society', 'org 0-0'], ['civil_society', 'org 0-0'], ['state', 'org 2-0'],
      ['civil_society', 'org 0-0'], ['civil_society', 'org 0-0'], ['state', 'org 2-0'], ['other', 'org 3-0'], ['civil_society', 'org 0-0'],
      ['state', 'org 2-0'], ['civil_society', 'org 0-0'], ['state', 'org 2-0'], ['civil_society', 'org 0-0'], ['state', 'org 2-0'],
      ['civil_society', 'org 0-0'], ['civil_society', 'org 0-0'], ['civil_society', 'org 0-0'], ['state', 'org 2-0'], ['civil_society', ''],
      ['other', 'org 3-0'], ['state', 'org 2-0'], ['state', 'org 2-0'], ['state', ''], ['other', 'org 3-0'],
      ['civil_society', 'org 0-0'], ['civil_society', ''], ['civil_society', 'org 0-0'],
    ] as const
  ).map(([group, organisation], i) => ({ id: `p${i}`, group, organisation })),
  keepApart: [],
  keepTogether: [],
  seed: 991,
};

describe('placeTables: quality without pair requests', () => {
  // With organisations, coverage yields only to the organisation rule, which comes first: checked against HiGHS below.
  it('reaches the maximum number of tables holding all three parties when organisations do not stand in the way', () => {
    fc.assert(
      fc.property(room({ fixed: true }), (input) => {
        const { metrics: alone } = placed({ ...input, people: input.people.map((p) => ({ ...p, organisation: '' })) });
        expect(alone.tablesWithAllParties).toBe(alone.maxPossibleTablesWithAllParties);
      }),
      { numRuns: 300 },
    );
  });

  it('the maximum is min(tables in use, smallest party) when nobody is fixed and tables are not tiny', () => {
    fc.assert(
      fc.property(room({ minSeats: 4 }), (input) => {
        const { metrics } = placed(input);
        const partySizes = [0, 1, 2].map((g) => input.people.filter((p) => p.group === SEATING_GROUPS[g]).length);
        expect(metrics.maxPossibleTablesWithAllParties).toBe(Math.min(metrics.tablesInUse, ...partySizes));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every table within one person of its share whenever that can go with the most mixed tables, and comes within 5 % of the exact optimum when organisations fit the room', async () => {
    await fc.assert(
      fc.asyncProperty(room({ minSeats: 4, maxTables: 8 }), async (input) => {
        const result = placed(input);
        const sizes = result.tables.map((t) => t.personIds.length);
        const coverage = result.metrics.maxPossibleTablesWithAllParties;
        const fewestPairs = await referenceOptimum(input, sizes);
        expect(result.metrics.sameOrganisationPairs).toBeLessThanOrEqual(fewestPairs.sameOrganisationPairs);
        const unbanded = await referenceOptimum(input, sizes, { coverage });
        expect(unbanded.status).toBe('Optimal');
        // Fewer mixed tables than the maximum only where the maximum would cost colleagues a shared table.
        if (result.metrics.tablesWithAllParties < coverage) expect(unbanded.sameOrganisationPairs).toBeGreaterThan(result.metrics.sameOrganisationPairs);
        else expect(result.metrics.sameOrganisationPairs).toBeLessThanOrEqual(unbanded.sameOrganisationPairs);
        // Organisations with more members than the room has tables force colleagues together; there the
        // placement trades shares for pairs heuristically, and only the pair count is held to the optimum.
        const orgSizes = new Map<string, number>();
        for (const p of input.people) if (p.organisation) orgSizes.set(p.organisation, (orgSizes.get(p.organisation) ?? 0) + 1);
        if (Math.max(0, ...orgSizes.values()) > result.metrics.tablesInUse) return;
        const banded = await referenceOptimum(input, sizes, { coverage, band: true });
        if (banded.status !== 'Optimal' || banded.sameOrganisationPairs > unbanded.sameOrganisationPairs) return;
        expect(result.metrics.maxPartyDeviation).toBeLessThan(1);
        expect(result.metrics.totalPartyDeviation).toBeLessThanOrEqual(banded.totalDeviation * 1.05 + 1e-6);
      }),
      // HiGHS solves two MIPs per room: a failure is reported as found, not shrunk for minutes. The rooms are
      // fixed by a seed so CI is reproducible: random ones found the two rooms below (one mended, one a known
      // gap). SEATING_QUALITY_SEED=<n> draws other rooms.
      { numRuns: 40, endOnFailure: true, seed: QUALITY_SEED },
    );
  }, 300_000);

  // Found by a random run: with t0 covered (the largest table) the counts stayed in their band at 4.8, while
  // covering t2 instead gives 4.4; small rooms now try the other choices of covered tables too.
  it('comes within 5 % of the optimum where the choice of the covered table decides the shares', async () => {
    const result = placed(GAP_ROOM);
    const sizes = result.tables.map((t) => t.personIds.length);
    const banded = await referenceOptimum(GAP_ROOM, sizes, { coverage: result.metrics.maxPossibleTablesWithAllParties, band: true });
    expect(banded.totalDeviation).toBeCloseTo(4.4, 6);
    expect(result.metrics.totalPartyDeviation).toBeLessThanOrEqual(banded.totalDeviation * 1.05 + 1e-6);
    expect(result.metrics.sameOrganisationPairs).toBe(0);
  });

  // A known gap, kept as a test that fails until it is mended: organisations of 14 and 16 members at 7 tables
  // must share tables, and the placement leaves 16 same-organisation pairs where HiGHS finds 15.
  it.failing('leaves no more same-organisation pairs than the optimum when big organisations must share tables (known gap)', async () => {
    const result = placed(PAIRS_GAP_ROOM);
    const sizes = result.tables.map((t) => t.personIds.length);
    const fewest = await referenceOptimum(PAIRS_GAP_ROOM, sizes);
    expect(result.metrics.sameOrganisationPairs).toBeLessThanOrEqual(fewest.sameOrganisationPairs);
  });

  it('places the 120-person room of the issue with every table mixed, no colleagues together, all within one person of their share', async () => {
    const input = benchmarkRoom(120);
    const result = placed(input);
    expect(result.metrics).toMatchObject({ people: 120, tablesInUse: 15, sameOrganisationPairs: 0 });
    expect(result.metrics.tablesWithAllParties).toBe(result.metrics.maxPossibleTablesWithAllParties);
    expect(result.metrics.maxPartyDeviation).toBeLessThan(1);
    const reference = await referenceOptimum(input, result.tables.map((t) => t.personIds.length));
    expect(result.metrics.totalPartyDeviation).toBeLessThanOrEqual(reference.totalDeviation * 1.05);
  });
});

describe('placeTables: requests', () => {
  const tables = [1, 2, 3, 4].map((i) => ({ id: `t${i}`, seats: 6 }));
  const people: SeatingPerson[] = Array.from({ length: 24 }, (_, i) => ({
    id: `p${String(i).padStart(2, '0')}`,
    group: SEATING_GROUPS[i % 4],
    organisation: `org ${i}`,
    spreadGroups: i < 8 ? ['speaker'] : [],
  }));

  it('keeps apart, keeps together and spreads speakers when it can', () => {
    const result = placed({ tables, people, keepApart: [{ a: 'p00', b: 'p04' }], keepTogether: [{ a: 'p01', b: 'p22' }] });
    const tableOf = new Map(result.tables.flatMap((t) => t.personIds.map((id) => [id, t.tableId] as const)));
    expect(tableOf.get('p00')).not.toBe(tableOf.get('p04'));
    expect(tableOf.get('p01')).toBe(tableOf.get('p22'));
    for (const t of result.tables) expect(t.personIds.filter((id) => Number(id.slice(1)) < 8).length).toBeLessThanOrEqual(2);
    expect(result.metrics.requestsBroken).toBe(0);
  });

  it('lets colleagues asked to sit together do so without counting them as a same-organisation pair', () => {
    const colleagues = people.map((p) => (p.id === 'p05' ? { ...p, organisation: 'org 1' } : p));
    const result = placed({ tables, people: colleagues, keepTogether: [{ a: 'p01', b: 'p05' }] });
    expect(result.metrics.sameOrganisationPairs).toBe(0);
    expect(result.metrics.requestsBroken).toBe(0);
  });
});

describe('placeTables: re-runs', () => {
  function withPrevious(input: SeatingInput, result: SeatingResult, drop: string): SeatingInput {
    const tableOf = new Map(result.tables.flatMap((t) => t.personIds.map((id) => [id, t.tableId] as const)));
    return { ...input, people: input.people.filter((p) => p.id !== drop).map((p) => ({ ...p, previousTableId: tableOf.get(p.id) })) };
  }

  it('moves at most a handful of people after one cancellation, and says who moved', () => {
    fc.assert(
      fc.property(room({ fixed: true, minSeats: 4 }), fc.nat(), (input, pick) => {
        fc.pre(input.people.length > 1);
        const first = placed(input);
        const again = placed(withPrevious(input, first, input.people[pick % input.people.length].id));
        // A handful: each swap moves two, and a cancellation can shift a table's size and a share band at once.
        expect(again.moved.length).toBeLessThanOrEqual(6);
        expect(again.metrics.peopleMoved).toBe(again.moved.length);
      }),
      { numRuns: 200 },
    );
  });

  it('seats a transferred colleague where the first person sat, moving nobody', () => {
    const input = benchmarkRoom(120);
    const first = placed(input);
    const tableOf = new Map(first.tables.flatMap((t) => t.personIds.map((id) => [id, t.tableId] as const)));
    const leaving = input.people[10];
    const colleague = { ...leaving, id: 'colleague', previousTableId: tableOf.get(leaving.id) };
    const people = [...input.people.filter((p) => p !== leaving).map((p) => ({ ...p, previousTableId: tableOf.get(p.id) })), colleague];
    const again = placed({ ...input, people });
    expect(again.moved).toEqual([]);
    expect(again.tables.find((t) => t.tableId === tableOf.get(leaving.id))!.personIds).toContain('colleague');
  });

  it('seats walk-ins in free seats at 1,000 people without moving more than a few', () => {
    const input = benchmarkRoom(1000);
    const seatsFree = { ...input, tables: input.tables.map((t) => ({ ...t, seats: 9 })) };
    const first = placed(seatsFree);
    const tableOf = new Map(first.tables.flatMap((t) => t.personIds.map((id) => [id, t.tableId] as const)));
    const walkIns: SeatingPerson[] = Array.from({ length: 10 }, (_, i) => ({ id: `walk${i}`, group: SEATING_GROUPS[i % 4], organisation: `walk-in ${i}` }));
    const again = placed({ ...seatsFree, people: [...seatsFree.people.map((p) => ({ ...p, previousTableId: tableOf.get(p.id) })), ...walkIns] });
    expect(again.metrics.peopleWithoutTable).toBe(0);
    expect(again.moved.length).toBeLessThanOrEqual(10);
    expect(again.metrics.maxPartyDeviation).toBeLessThan(1);
  });
});

describe('evaluatePlacement', () => {
  it('names the problems of a placement made by hand', () => {
    const tables = [{ id: 'a', seats: 4 }, { id: 'b', seats: 4 }];
    const people: SeatingPerson[] = [
      { id: 'cs1', group: 'civil_society', organisation: 'Röda Korset' },
      { id: 'cs2', group: 'civil_society', organisation: 'röda  korset' },
      { id: 'lr1', group: 'local_regional', organisation: 'Malmö stad' },
      { id: 'st1', group: 'state', organisation: 'Arbetsförmedlingen' },
    ];
    const evaluation = evaluatePlacement({ tables, people, keepApart: [{ a: 'cs1', b: 'lr1' }] }, new Map([['cs1', 'a'], ['cs2', 'a'], ['lr1', 'a'], ['st1', 'b']]));
    expect(evaluation.metrics.sameOrganisationPairs).toBe(1);
    expect(evaluation.problems.get('a')!.sameOrganisation).toEqual([['cs1', 'cs2']]);
    expect(evaluation.problems.get('a')!.missingParties).toEqual(['state']);
    expect(evaluation.problems.get('b')!.missingParties).toEqual(['civil_society', 'local_regional']);
    expect(evaluation.brokenRequests).toEqual([{ kind: 'apart', a: 'cs1', b: 'lr1' }]);
  });
});

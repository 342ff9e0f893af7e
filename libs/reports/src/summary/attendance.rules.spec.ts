import fc from 'fast-check';
import { PARTIES, partyOf, SECTORS } from '@dialogdag/shared';
import { rowsOf, stockholmPeople, STOCKHOLM_EXPECTED } from '../testing/stockholm.fixture';
import { summariseAttendance, summariseSeries, SummaryRow } from './attendance.rules';

const C = '00000000-0000-4000-8000-000000000001';

const rowArbitrary = (conferenceIds: string[]) =>
  fc.record({
    conferenceId: fc.constantFrom(...conferenceIds),
    sector: fc.constantFrom(...SECTORS),
    status: fc.constantFrom('confirmed', 'waitlisted', 'cancelled', 'transferred') as fc.Arbitrary<SummaryRow['status']>,
    attended: fc.boolean(),
    isPolitician: fc.boolean(),
    politicalParty: fc.option(fc.constantFrom('S', 's', ' S ', 'M', 'Centerpartiet', 'V'), { nil: null }),
    organisationKey: fc.constantFrom('', 'a', 'b', 'c', 'kommun x', 'kommun y', 'region z'),
    count: fc.integer({ min: 1, max: 40 }),
  });

describe('summariseAttendance', () => {
  it('reads the Stockholm conference back exactly', () => {
    const s = summariseAttendance(C, rowsOf(C, stockholmPeople()), true);
    expect(s.registered).toBe(STOCKHOLM_EXPECTED.registered);
    expect(s.attended).toBe(STOCKHOLM_EXPECTED.attended);
    expect(s.noShows).toBe(10);
    expect(Object.fromEntries(s.byParty.map((p) => [p.party, p.attended]))).toEqual(STOCKHOLM_EXPECTED.attendedByParty);
    expect(s.organisations).toBe(STOCKHOLM_EXPECTED.organisations);
    expect(s.municipalities).toBe(STOCKHOLM_EXPECTED.municipalities);
    expect(s.regions).toBe(STOCKHOLM_EXPECTED.regions);
    expect(s.politicians).toBe(STOCKHOLM_EXPECTED.politicians);
    expect(s.amongAttended).toEqual({ organisations: 41, municipalities: 6, regions: 2, politicians: 6 });
    expect(s.politiciansByParty[0]).toEqual({ politicalParty: 'Socialdemokraterna', registered: 2, attended: 2 });
  });

  it('lists every sector and party in a fixed order, with zeros', () => {
    const s = summariseAttendance(C, [], false);
    expect(s.bySector.map((x) => x.sector)).toEqual([...SECTORS]);
    expect(s.byParty.map((x) => x.party)).toEqual([...PARTIES]);
    expect(s.bySector.every((x) => x.registered === 0 && x.attended === 0)).toBe(true);
    expect(s).toMatchObject({ registered: 0, attended: 0, noShows: 0, organisations: 0, politicians: 0 });
  });

  it('has no no-shows before the end; counts transfers once (the colleague); keeps anonymised people', () => {
    const rows: SummaryRow[] = [
      { conferenceId: C, sector: 'municipality', status: 'confirmed', attended: false, isPolitician: false, politicalParty: null, organisationKey: 'botkyrka kommun', count: 3 },
      { conferenceId: C, sector: 'municipality', status: 'transferred', attended: false, isPolitician: false, politicalParty: null, organisationKey: 'botkyrka kommun', count: 1 },
      { conferenceId: C, sector: 'civil_society', status: 'confirmed', attended: true, isPolitician: false, politicalParty: null, organisationKey: '', count: 2 },
    ];
    expect(summariseAttendance(C, rows, false).noShows).toBe(0);
    const ended = summariseAttendance(C, rows, true);
    expect(ended).toMatchObject({ registered: 5, attended: 2, noShows: 3, organisations: 1, municipalities: 1 });
  });

  it('groups political parties regardless of case and spacing, under the most common spelling', () => {
    const row = (politicalParty: string, count: number): SummaryRow =>
      ({ conferenceId: C, sector: 'region', status: 'confirmed', attended: true, isPolitician: true, politicalParty, organisationKey: 'r', count });
    const s = summariseAttendance(C, [row('Socialdemokraterna', 2), row(' socialdemokraterna ', 1), row('M', 1)], false);
    expect(s.politiciansByParty).toEqual([
      { politicalParty: 'Socialdemokraterna', registered: 3, attended: 3 },
      { politicalParty: 'M', registered: 1, attended: 1 },
    ]);
  });

  it('always adds up: sectors to totals, parties to sectors, attended within registered', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary([C]), { maxLength: 60 }), fc.boolean(), (rows, ended) => {
        const s = summariseAttendance(C, rows, ended);
        const seat = rows.filter((r) => r.status === 'confirmed');
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        expect(s.registered).toBe(sum(seat.map((r) => r.count)));
        expect(sum(s.bySector.map((x) => x.registered))).toBe(s.registered);
        expect(sum(s.bySector.map((x) => x.attended))).toBe(s.attended);
        for (const p of s.byParty) {
          const members = s.bySector.filter((x) => partyOf(x.sector) === p.party);
          expect(p.registered).toBe(sum(members.map((m) => m.registered)));
          expect(p.attended).toBe(sum(members.map((m) => m.attended)));
        }
        for (const x of [...s.bySector, ...s.politiciansByParty]) expect(x.attended).toBeLessThanOrEqual(x.registered);
        expect(s.noShows).toBe(ended ? s.registered - s.attended : 0);
        expect(s.amongAttended.organisations).toBeLessThanOrEqual(s.organisations);
        // Each is a count of distinct organisations within one sector; an organisation given under two sectors
        // (a typing slip between "kommun" and "region") counts in both, so only each on its own is bounded.
        expect(s.municipalities).toBeLessThanOrEqual(s.organisations);
        expect(s.regions).toBeLessThanOrEqual(s.organisations);
        expect(sum(s.politiciansByParty.map((x) => x.registered))).toBeLessThanOrEqual(s.politicians);
        expect(s.politicians).toBeLessThanOrEqual(s.registered);
      }),
    );
  });

  it('does not depend on how rows are split or ordered', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary([C]), { maxLength: 30 }), (rows) => {
        const split = rows.flatMap((r) => (r.count > 1 ? [{ ...r, count: 1 }, { ...r, count: r.count - 1 }] : [r])).reverse();
        expect(summariseAttendance(C, split, true)).toEqual(summariseAttendance(C, rows, true));
      }),
    );
  });
});

describe('summariseSeries', () => {
  const ids = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-00000000000c'];
  const members = ids.map((conferenceId, i) => ({ conferenceId, title: `K${i}`, place: `Ort ${i}`, startsAt: new Date(Date.UTC(2012, 3 - i, 1)), ended: i !== 0 }));

  it('sums four Stockholm-like conferences and counts organisations once', () => {
    const four = [...ids, C].map((conferenceId, i) => ({ conferenceId, title: `K${i}`, place: 'Stockholm', startsAt: new Date(Date.UTC(2012, i, 1)), ended: true }));
    const s = summariseSeries(four, four.flatMap((m) => rowsOf(m.conferenceId, stockholmPeople())));
    expect(s.totals).toMatchObject({ registered: 4 * 130, attended: 4 * 120, noShows: 40, organisations: 41, municipalities: 6, regions: 2, politicians: 24 });
  });

  it('orders conferences by date; totals add up, distinct counts lie between the largest part and the sum', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary(ids), { maxLength: 80 }), (rows) => {
        const s = summariseSeries(members, rows);
        expect(s.conferences.map((c) => c.title)).toEqual(['K2', 'K1', 'K0']);
        const parts = s.conferences.map((c) => c.summary);
        for (const key of ['registered', 'attended', 'cancelled', 'noShows', 'waitlisted', 'politicians'] as const) {
          expect(s.totals[key]).toBe(parts.reduce((a, p) => a + p[key], 0));
        }
        for (const key of ['organisations', 'municipalities', 'regions'] as const) {
          expect(s.totals[key]).toBeGreaterThanOrEqual(Math.max(0, ...parts.map((p) => p[key])));
          expect(s.totals[key]).toBeLessThanOrEqual(parts.reduce((a, p) => a + p[key], 0));
        }
        s.totals.bySector.forEach((x, i) => expect(x.registered).toBe(parts.reduce((a, p) => a + p.bySector[i].registered, 0)));
      }),
    );
  });
});

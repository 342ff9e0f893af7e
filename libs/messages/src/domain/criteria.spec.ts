import fc from 'fast-check';
import { claimCriterion, coveredByClaims, placedInWorkshops, tablesNamed, workshopProblems } from './criteria';
import { FilterableParticipant, participantMatches } from './recipient-filter';

const health = { id: 'aaaaaaaa-0000-4000-8000-000000000001', title: 'Hälsa', rounds: [1, 2] };
const housing = { id: 'aaaaaaaa-0000-4000-8000-000000000002', title: 'Boende', rounds: [2] };
const places = [
  { registrationId: 'r1', workshopId: health.id, round: 1 },
  { registrationId: 'r2', workshopId: health.id, round: 2 },
  { registrationId: 'r3', workshopId: housing.id, round: 2 },
];

describe('workshop criterion', () => {
  it('keeps those placed in one of the workshops, in the round when one is given', () => {
    expect([...placedInWorkshops(places, { workshops: [health.id] })].sort()).toEqual(['r1', 'r2']);
    expect([...placedInWorkshops(places, { workshops: [health.id.toUpperCase()], workshopRound: 2 })]).toEqual(['r2']);
    expect([...placedInWorkshops(places, { workshops: [health.id, housing.id], workshopRound: '2' })].sort()).toEqual(['r2', 'r3']);
  });

  it('names an unknown workshop and a round none of the chosen runs in', () => {
    expect(workshopProblems({ workshops: [health.id] }, [health, housing])).toEqual([]);
    const unknown = workshopProblems({ workshops: ['bbbbbbbb-0000-4000-8000-000000000009'] }, [health]);
    expect(unknown[0]).toMatchObject({ field: 'filter.workshops' });
    expect(unknown[0].message).toContain('bbbbbbbb-0000-4000-8000-000000000009');
    expect(workshopProblems({ workshops: [housing.id], workshopRound: 1 }, [health, housing])[0].field).toBe('filter.workshopRound');
  });
});

describe('table criterion', () => {
  const tables = [
    { id: 'cccccccc-0000-4000-8000-000000000001', name: 'Bord 1' },
    { id: 'cccccccc-0000-4000-8000-000000000002', name: 'Fönsterbordet' },
  ];

  it('takes a table by id or by name, whatever its case and surrounding space', () => {
    const { ids, problems } = tablesNamed([' bord 1 ', tables[1].id.toUpperCase()], tables);
    expect(problems).toEqual([]);
    expect([...ids]).toEqual(tables.map((t) => t.id));
  });

  it('names the tables it does not know', () => {
    const { problems } = tablesNamed(['Bord 1', 'Bord 9'], tables);
    expect(problems).toEqual([{ field: 'filter.tables', message: 'filter.tables: this conference has no table named "Bord 9".' }]);
  });
});

describe('travel claim criterion', () => {
  const person = (id: string): FilterableParticipant => ({ id, status: 'confirmed', checkedInAt: null, sector: 'civil_society', party: 'civil_society', isVolunteer: true });

  it('counts the claimant and the passengers named in a claim', () => {
    expect([...coveredByClaims([{ registrationId: 'r1', passengerIds: ['r2'] }, { registrationId: 'r3', passengerIds: [] }])].sort()).toEqual(['r1', 'r2', 'r3']);
    expect(claimCriterion({ volunteers: 'all' }, new Set())).toBeNull();
  });

  it('splits the volunteers in two: each is either with a claim or without one, never both', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 30 })), fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }))), (ids, claims) => {
        const covered = coveredByClaims(claims.map(([c, ps]) => ({ registrationId: `r${c}`, passengerIds: ps.map((p) => `r${p}`) })));
        const withClaim = claimCriterion({ volunteers: 'with_travel_claim' }, covered)!;
        const without = claimCriterion({ volunteers: 'without_travel_claim' }, covered)!;
        for (const id of ids) {
          const p = person(`r${id}`);
          const a = participantMatches(p, { groups: ['seat_holders'], volunteers: 'with_travel_claim' }, [withClaim]);
          const b = participantMatches(p, { groups: ['seat_holders'], volunteers: 'without_travel_claim' }, [without]);
          expect(a !== b).toBe(true);
        }
      }),
    );
  });
});

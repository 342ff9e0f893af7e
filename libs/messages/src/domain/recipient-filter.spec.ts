import { FilterableParticipant, filterProblems, participantMatches, uniqueRecipients } from './recipient-filter';

const person = (over: Partial<FilterableParticipant> = {}): FilterableParticipant => ({
  id: 'p1', status: 'confirmed', checkedInAt: null, sector: 'civil_society', party: 'civil_society', isVolunteer: false, ...over,
});

describe('recipient filter', () => {
  it('matches by group and every criterion', () => {
    const f = { groups: ['seat_holders' as const], checkedIn: false, parties: ['civil_society' as const] };
    expect(participantMatches(person(), f, [])).toBe(true);
    expect(participantMatches(person({ status: 'waitlisted' }), f, [])).toBe(false);
    expect(participantMatches(person({ checkedInAt: new Date(0) }), f, [])).toBe(false);
    expect(participantMatches(person({ sector: 'state_agency', party: 'state' }), f, [])).toBe(false);
    expect(participantMatches(person({ status: 'transferred' }), { groups: ['seat_holders', 'waitlisted', 'cancelled'] }, [])).toBe(false);
  });

  it('narrows to volunteers and to sets resolved by other libs', () => {
    expect(participantMatches(person(), { groups: ['seat_holders'], volunteers: 'all' }, [])).toBe(false);
    expect(participantMatches(person({ isVolunteer: true }), { groups: ['seat_holders'], volunteers: 'all' }, [])).toBe(true);
    expect(participantMatches(person(), { groups: ['seat_holders'] }, [{ in: new Set(['p2']) }])).toBe(false);
    expect(participantMatches(person(), { groups: ['seat_holders'] }, [{ in: new Set(['p1']) }, { in: new Set(['p1', 'p3']) }])).toBe(true);
    expect(participantMatches(person(), { groups: ['seat_holders'] }, [{ notIn: new Set(['p1']) }])).toBe(false);
    expect(participantMatches(person(), { groups: ['seat_holders'] }, [{ notIn: new Set(['p2']) }])).toBe(true);
  });

  it('asks for a choice, and refuses groups mixed with a hand-picked list', () => {
    expect(filterProblems({})[0].field).toBe('filter.groups');
    expect(filterProblems({ groups: ['speakers'], registrationIds: ['x'] })[0].field).toBe('filter');
    expect(filterProblems({ groups: ['speakers'], checkedIn: true })[0].field).toBe('filter.groups');
    expect(filterProblems({ registrationIds: ['x'] })).toEqual([]);
    expect(filterProblems({ groups: ['seat_holders'], workshopRound: 2 })[0].field).toBe('filter.workshopRound');
    expect(filterProblems({ registrationIds: ['x'], tables: ['Bord 1'] })[0].field).toBe('filter');
    expect(filterProblems({ groups: ['seat_holders', 'speakers'], sectors: ['region'] })).toEqual([]);
  });

  it('sends once per address, keeping the participant', () => {
    const result = uniqueRecipients([
      { kind: 'participant', id: 'r1', name: 'A', email: 'A@Example.org', language: 'sv' },
      { kind: 'speaker', id: 's1', name: 'A', email: 'a@example.org ', language: 'en' },
      { kind: 'speaker', id: 's2', name: 'B', email: 'b@example.org', language: 'en' },
    ]);
    expect(result.map((r) => r.id)).toEqual(['r1', 's2']);
  });
});

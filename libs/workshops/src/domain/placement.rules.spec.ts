import { choiceRank, placementProblem, placementRound } from './placement.rules';

const workshop = { title: 'Hälsa', rounds: ['1', '2'], capacity: 2 };

describe('manual placement', () => {
  it('allows a seat in a round the workshop runs in, below capacity, once per person', () => {
    expect(placementProblem({ workshop, round: '1', taken: 1, attendsInAnotherRound: false })).toBeNull();
  });

  it('refuses the wrong round (400), a second visit and a full workshop (409)', () => {
    expect(placementProblem({ workshop, round: '3', taken: 0, attendsInAnotherRound: false })).toMatchObject({ code: 'workshop_not_in_round', category: 'invalid', field: 'round' });
    expect(placementProblem({ workshop, round: '2', taken: 0, attendsInAnotherRound: true })).toMatchObject({ code: 'workshop_twice', category: 'conflict' });
    expect(placementProblem({ workshop, round: '1', taken: 2, attendsInAnotherRound: false })).toMatchObject({ code: 'workshop_full', category: 'conflict' });
  });

  it('needs the round only for a workshop that runs in several', () => {
    expect(placementRound(undefined, ['1'])).toBe('1');
    expect(placementRound(undefined, ['1', '2'])).toBeNull();
    expect(placementRound('2', ['1', '2'])).toBe('2');
  });
});

describe('choiceRank', () => {
  it('reads the list per choice round, like the assignment', () => {
    const workshops = [{ id: 'a', rounds: ['1'] }, { id: 'b', rounds: ['1'] }, { id: 'x', rounds: ['2'] }];
    expect(choiceRank(workshops, ['1', '2'], ['x', 'b', 'a'], 'a')).toBe(2);
    expect(choiceRank(workshops, ['1', '2'], ['x', 'b', 'a'], 'x')).toBe(1);
    expect(choiceRank(workshops, ['1', '2'], ['b'], 'a')).toBeNull();
  });
});

import { preferenceProblems } from './preferences.rules';

const workshops = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, rounds: ['1'] }));
const afternoon = ['x', 'y', 'z', 'w'].map((id) => ({ id, rounds: ['2'] }));
const rounds = ['1', '2'];

describe('preferenceProblems', () => {
  it('accepts up to three ranked workshops per round', () => {
    expect(preferenceProblems(['a', 'b', 'c', 'x', 'y', 'z'], [...workshops, ...afternoon], rounds)).toEqual([]);
    expect(preferenceProblems([], workshops, rounds)).toEqual([]);
  });

  it('refuses unknown ids, repeats and a fourth choice in a round, naming the field', () => {
    const problems = preferenceProblems(['a', 'nope', 'a', 'b', 'c', 'd'], [...workshops, ...afternoon], rounds);
    expect(problems.map((p) => p.field)).toEqual(['workshopPreferences', 'workshopPreferences', 'workshopPreferences']);
    expect(problems.map((p) => p.message).join(' ')).toMatch(/nope is not a workshop.*more than once.*at most 3/);
  });

  it('counts rounds tied by a repeated workshop as one choice round', () => {
    const repeated = [{ id: 'r', rounds: ['1', '2'] }, ...workshops.slice(0, 2), ...afternoon.slice(0, 2)];
    expect(preferenceProblems(['r', 'a', 'b', 'x'], repeated, rounds)).toHaveLength(1);
    expect(preferenceProblems(['r', 'a', 'x'], repeated, rounds)).toEqual([]);
  });
});

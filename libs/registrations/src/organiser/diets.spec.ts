import fc from 'fast-check';
import { countDiets, normaliseDiet } from './diets';

describe('diets', () => {
  it('normalises spaces and treats empty as no diet', () => {
    expect(normaliseDiet('  Glutenfri \t kost ')).toBe('Glutenfri kost');
    expect(normaliseDiet('   ')).toBeNull();
    expect(normaliseDiet(null)).toBeNull();
  });

  it('groups case-insensitively under the most common spelling, most frequent first, names only on request', () => {
    const people = [
      { name: 'Cecilia', diet: 'Vegetarisk' },
      { name: 'Adam', diet: ' vegetarisk' },
      { name: 'Bertil', diet: 'vegetarisk ' },
      { name: 'David', diet: 'Laktosfri' },
      { name: 'Erik', diet: null },
    ];
    expect(countDiets(people)).toEqual({ total: 5, withDiet: 4, counts: [{ diet: 'vegetarisk', count: 3 }, { diet: 'Laktosfri', count: 1 }] });
    expect(countDiets(people, true).counts[0].names).toEqual(['Adam', 'Bertil', 'Cecilia']);
  });

  it('counts every person with a diet exactly once', () => {
    const diet = fc.option(fc.constantFrom('Vegan', 'vegan', ' VEGAN ', 'Halal', 'halal', 'Nötter', '', '  '), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.string(), diet }), { maxLength: 30 }), (people) => {
        const summary = countDiets(people, true);
        const withDiet = people.filter((p) => normaliseDiet(p.diet) !== null).length;
        expect(summary.withDiet).toBe(withDiet);
        expect(summary.counts.reduce((n, c) => n + (c.names?.length ?? 0), 0)).toBe(withDiet);
        expect(new Set(summary.counts.map((c) => c.diet.toLowerCase())).size).toBe(summary.counts.length);
      }),
    );
  });
});

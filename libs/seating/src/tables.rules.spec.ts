import fc from 'fast-check';
import { bulkTableNames } from './tables.rules';

describe('bulkTableNames', () => {
  it('numbers from 1, then continues after the highest number in use', () => {
    expect(bulkTableNames([], 'Bord', 3)).toEqual(['Bord 1', 'Bord 2', 'Bord 3']);
    expect(bulkTableNames(['Bord 1', 'bord 7', 'Scenen'], 'Bord', 2)).toEqual(['Bord 8', 'Bord 9']);
    expect(bulkTableNames(['Table (A) 2'], 'Table (A)', 1)).toEqual(['Table (A) 3']);
  });

  it('never repeats a name already in use', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 20 }), fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== ''), fc.integer({ min: 1, max: 30 }), (existing, prefix, count) => {
        const names = bulkTableNames(existing, prefix, count);
        const taken = new Set(existing.map((n) => n.trim().toLowerCase()));
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(count);
        for (const n of names) expect(taken.has(n.toLowerCase())).toBe(false);
      }),
    );
  });
});

import fc from 'fast-check';
import { planCoverage } from './coverage.rules';

/** Tries every subset of tables: the most that can each get one person of every party they lack. */
function bruteForce(occupancy: number[], fixedByGroup: number[][], free: number[]): number {
  let best = 0;
  for (let subset = 0; subset < 1 << occupancy.length; subset++) {
    const need = [0, 0, 0];
    let count = 0;
    let possible = true;
    for (let t = 0; t < occupancy.length && possible; t++) {
      if (!(subset & (1 << t))) continue;
      const fixedTotal = fixedByGroup[t].reduce((a, b) => a + b, 0);
      const missing = [0, 1, 2].filter((g) => fixedByGroup[t][g] === 0);
      if (occupancy[t] === 0 || missing.length > occupancy[t] - fixedTotal) possible = false;
      for (const g of missing) need[g]++;
      count++;
    }
    if (possible && need.every((n, g) => n <= free[g])) best = Math.max(best, count);
  }
  return best;
}

describe('planCoverage', () => {
  it('finds the most tables that can hold all three parties, as trying every subset does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ occupancy: fc.integer({ min: 0, max: 6 }), fixed: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }) }), {
          minLength: 1,
          maxLength: 9,
        }),
        fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 4, maxLength: 4 }),
        (tables, free) => {
          const occupancy = tables.map((t) => Math.max(t.occupancy, t.fixed.reduce((a, b) => a + b, 0)));
          const fixedByGroup = tables.map((t) => t.fixed);
          const plan = planCoverage({ occupancy, fixedByGroup, free, tableRank: occupancy.map((_, i) => i) });
          expect(plan.max).toBe(bruteForce(occupancy, fixedByGroup, free));
          expect(plan.target.filter(Boolean).length).toBe(plan.max);
        },
      ),
      { numRuns: 500 },
    );
  });
});

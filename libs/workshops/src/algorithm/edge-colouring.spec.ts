import fc from 'fast-check';
import { colourEdges } from './edge-colouring';

/** A bipartite multigraph where no vertex has more than `colours` edges. */
const graphs = fc
  .record({ colours: fc.integer({ min: 1, max: 4 }), left: fc.integer({ min: 1, max: 8 }), right: fc.integer({ min: 1, max: 8 }), gen: fc.gen() })
  .map(({ colours, left, right, gen }) => {
    const degree = [new Array<number>(left).fill(0), new Array<number>(right).fill(0)];
    const edges: [number, number][] = [];
    for (let i = gen(fc.integer, { min: 0, max: left * colours }); i > 0; i--) {
      const u = gen(fc.integer, { min: 0, max: left - 1 });
      const v = gen(fc.integer, { min: 0, max: right - 1 });
      if (degree[0][u] === colours || degree[1][v] === colours) continue;
      degree[0][u]++;
      degree[1][v]++;
      edges.push([u, v]);
    }
    return { colours, left, right, edges };
  });

function assertProper(edges: [number, number][], colours: (number | null)[]): void {
  const seen = new Set<string>();
  edges.forEach(([u, v], e) => {
    if (colours[e] === null) return;
    for (const key of [`L${u}:${colours[e]}`, `R${v}:${colours[e]}`]) {
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });
}

describe('colourEdges', () => {
  it('colours every edge with at most max-degree colours when all colours are allowed (König)', () => {
    fc.assert(
      fc.property(graphs, ({ colours, left, right, edges }) => {
        const all = (1 << colours) - 1;
        const result = colourEdges({ colours, leftAllowed: new Array(left).fill(all), rightAllowed: new Array(right).fill(all), edges });
        expect(result.every((c) => c !== null && c >= 0 && c < colours)).toBe(true);
        assertProper(edges, result);
      }),
      { numRuns: 500 },
    );
  });

  it('uses only allowed colours and never two at one vertex, leaving edges uncoloured when it must', () => {
    fc.assert(
      fc.property(graphs, fc.gen(), ({ colours, left, right, edges }, gen) => {
        const mask = () => gen(fc.integer, { min: 0, max: (1 << colours) - 1 });
        const leftAllowed = Array.from({ length: left }, mask);
        const rightAllowed = Array.from({ length: right }, mask);
        const result = colourEdges({ colours, leftAllowed, rightAllowed, edges });
        edges.forEach(([u, v], e) => {
          const c = result[e];
          if (c === null) return;
          expect(leftAllowed[u] & (1 << c)).not.toBe(0);
          expect(rightAllowed[v] & (1 << c)).not.toBe(0);
        });
        assertProper(edges, result);
      }),
      { numRuns: 500 },
    );
  });
});

import fc from 'fast-check';
import { FlowNetwork } from './min-cost-flow';

/** Brute force over a transportation problem small enough to enumerate. */
function bruteForce(supply: number[], demand: number[], cost: number[][]): { flow: number; cost: number } {
  let best = { flow: 0, cost: 0 };
  const left = demand.slice();
  const visit = (i: number, flow: number, total: number): void => {
    if (flow > best.flow || (flow === best.flow && total < best.cost)) best = { flow, cost: total };
    if (i === supply.length * demand.length) return;
    const [s, d] = [Math.floor(i / demand.length), i % demand.length];
    for (let x = 0; x <= Math.min(left[d], remaining[s]); x++) {
      left[d] -= x;
      remaining[s] -= x;
      visit(i + 1, flow + x, total + x * cost[s][d]);
      left[d] += x;
      remaining[s] += x;
    }
  };
  const remaining = supply.slice();
  visit(0, 0, 0);
  return best;
}

describe('FlowNetwork', () => {
  it('adds flow only while it lowers the cost, the second cost breaking ties of the first', () => {
    const network = new FlowNetwork();
    const [s, a, b, t] = [network.addNode(), network.addNode(), network.addNode(), network.addNode()];
    const cheap = network.addEdge(s, a, 1, -5, 0);
    const neutral = network.addEdge(s, b, 1, 0, -1);
    const dear = network.addEdge(s, t, 1, 2, -9);
    network.addEdge(a, t, 1, 0);
    network.addEdge(b, t, 1, 0);
    expect(network.minCostFlow(s, t)).toEqual({ flow: 2, cost: -5, cost2: -1 });
    expect([network.flowOn(cheap), network.flowOn(neutral), network.flowOn(dear)]).toEqual([1, 1, 0]);
  });

  it('finds the maximum flow of least cost, negative costs included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
        fc.gen(),
        (supply, demand, gen) => {
          const cost = supply.map(() => demand.map(() => gen(fc.integer, { min: -5, max: 5 })));
          const network = new FlowNetwork();
          const [source, sink] = [network.addNode(), network.addNode()];
          const s = supply.map((amount) => {
            const node = network.addNode();
            network.addEdge(source, node, amount, 0);
            return node;
          });
          const d = demand.map((amount) => {
            const node = network.addNode();
            network.addEdge(node, sink, amount, 0);
            return node;
          });
          s.forEach((from, i) => d.forEach((to, j) => network.addEdge(from, to, 3, cost[i][j])));
          const { flow, cost: total } = network.minCostFlow(source, sink, { untilMax: true });
          expect({ flow, cost: total }).toEqual(bruteForce(supply, demand, cost));
        },
      ),
      { numRuns: 300 },
    );
  });
});

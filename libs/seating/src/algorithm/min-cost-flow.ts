/**
 * Minimum-cost flow by successive shortest paths (Dijkstra on reduced costs)
 * for arcs with convex costs: an arc's cost is a function of its flow whose
 * marginal cost `unitCost(f)` (from f to f+1 units) never decreases. Each
 * augmentation carries as many units as keep every marginal cost on the path
 * constant, so long straight stretches of a cost function go in one step.
 *
 * The graph given must be acyclic with the source first in `topologicalOrder`,
 * which gives exact starting potentials even with negative costs.
 */
export interface FlowArc {
  from: number;
  to: number;
  capacity: number;
  unitCost: (flow: number) => number;
}

export interface FlowResult {
  flow: Int32Array;
  value: number;
  cost: number;
}

export function minCostFlow(
  nodeCount: number,
  arcs: readonly FlowArc[],
  source: number,
  sink: number,
  demand: number,
  topologicalOrder: readonly number[],
): FlowResult {
  const out: number[][] = Array.from({ length: nodeCount }, () => []);
  const into: number[][] = Array.from({ length: nodeCount }, () => []);
  arcs.forEach((a, i) => {
    out[a.from].push(i);
    into[a.to].push(i);
  });
  const flow = new Int32Array(arcs.length);
  const potential = initialPotentials(nodeCount, arcs, out, source, topologicalOrder);
  const dist = new Float64Array(nodeCount);
  const viaArc = new Int32Array(nodeCount);
  const viaForward = new Uint8Array(nodeCount);
  const done = new Uint8Array(nodeCount);
  const heap = new NodeHeap(nodeCount);
  let value = 0;
  let cost = 0;
  while (value < demand) {
    dist.fill(Infinity);
    done.fill(0);
    viaArc.fill(-1);
    dist[source] = 0;
    heap.push(source, 0);
    while (heap.size > 0) {
      const u = heap.pop();
      if (done[u]) continue;
      done[u] = 1;
      if (u === sink) break;
      const base = dist[u] + potential[u];
      for (const i of out[u]) {
        const a = arcs[i];
        if (flow[i] >= a.capacity || done[a.to]) continue;
        const d = base + a.unitCost(flow[i]) - potential[a.to];
        if (d < dist[a.to]) {
          dist[a.to] = d;
          viaArc[a.to] = i;
          viaForward[a.to] = 1;
          heap.push(a.to, d);
        }
      }
      for (const i of into[u]) {
        const a = arcs[i];
        if (flow[i] <= 0 || done[a.from]) continue;
        const d = base - a.unitCost(flow[i] - 1) - potential[a.from];
        if (d < dist[a.from]) {
          dist[a.from] = d;
          viaArc[a.from] = i;
          viaForward[a.from] = 0;
          heap.push(a.from, d);
        }
      }
    }
    if (!Number.isFinite(dist[sink])) break;
    let amount = demand - value;
    for (let v = sink; v !== source; ) {
      const i = viaArc[v];
      const a = arcs[i];
      amount = Math.min(amount, viaForward[v] ? steadyForward(a, flow[i], amount) : steadyBackward(a, flow[i], amount));
      v = viaForward[v] ? a.from : a.to;
    }
    for (let v = sink; v !== source; ) {
      const i = viaArc[v];
      const a = arcs[i];
      if (viaForward[v]) {
        for (let k = 0; k < amount; k++) cost += a.unitCost(flow[i] + k);
        flow[i] += amount;
        v = a.from;
      } else {
        for (let k = 1; k <= amount; k++) cost -= a.unitCost(flow[i] - k);
        flow[i] -= amount;
        v = a.to;
      }
    }
    value += amount;
    // Nodes not settled before the sink take the sink's distance: reduced costs stay non-negative.
    const reach = dist[sink];
    for (let v = 0; v < nodeCount; v++) potential[v] += done[v] ? dist[v] : Math.min(dist[v], reach);
    heap.clear();
  }
  return { flow, value, cost };
}

/** Units that can go forward at the current marginal cost. */
function steadyForward(a: FlowArc, f: number, limit: number): number {
  const c = a.unitCost(f);
  let k = 1;
  while (k < limit && f + k < a.capacity && a.unitCost(f + k) === c) k++;
  return k;
}

/** Units that can be sent back at the current marginal cost. */
function steadyBackward(a: FlowArc, f: number, limit: number): number {
  const c = a.unitCost(f - 1);
  let k = 1;
  while (k < limit && f - k > 0 && a.unitCost(f - 1 - k) === c) k++;
  return k;
}

function initialPotentials(
  nodeCount: number,
  arcs: readonly FlowArc[],
  out: number[][],
  source: number,
  order: readonly number[],
): Float64Array {
  const potential = new Float64Array(nodeCount).fill(Infinity);
  potential[source] = 0;
  for (const u of order) {
    if (!Number.isFinite(potential[u])) continue;
    for (const i of out[u]) {
      const a = arcs[i];
      if (a.capacity <= 0) continue;
      const d = potential[u] + a.unitCost(0);
      if (d < potential[a.to]) potential[a.to] = d;
    }
  }
  for (let v = 0; v < nodeCount; v++) if (!Number.isFinite(potential[v])) potential[v] = 0;
  return potential;
}

/** A binary heap of (node, key) with lazy deletion. */
class NodeHeap {
  private nodes: number[] = [];
  private keys: number[] = [];

  constructor(_capacity: number) {}

  clear(): void {
    this.nodes.length = 0;
    this.keys.length = 0;
  }

  get size(): number {
    return this.nodes.length;
  }

  push(node: number, key: number): void {
    const nodes = this.nodes;
    const keys = this.keys;
    let i = nodes.length;
    nodes.push(node);
    keys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      nodes[i] = nodes[parent];
      keys[i] = keys[parent];
      i = parent;
    }
    nodes[i] = node;
    keys[i] = key;
  }

  pop(): number {
    const nodes = this.nodes;
    const keys = this.keys;
    const top = nodes[0];
    const lastNode = nodes.pop()!;
    const lastKey = keys.pop()!;
    const n = nodes.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && keys[child + 1] < keys[child]) child++;
        if (keys[child] >= lastKey) break;
        nodes[i] = nodes[child];
        keys[i] = keys[child];
        i = child;
      }
      nodes[i] = lastNode;
      keys[i] = lastKey;
    }
    return top;
  }
}

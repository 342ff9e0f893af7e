/**
 * Minimum-cost flow on a small directed network with integer capacities and
 * two-level costs: a primary cost, and a secondary one that only breaks
 * ties of the first (compared lexicographically, added componentwise).
 * Primal-dual: Dijkstra with potentials finds the cheapest augmenting
 * distance, then a blocking flow is pushed along every path of that
 * distance at once. Flow is added while it lowers the cost, so the result
 * is the cheapest flow of any value; with `untilMax`, the cheapest maximum
 * flow. Exact as long as path costs stay below 2^53, which the callers
 * guarantee by choosing their cost scale.
 */
export class FlowNetwork {
  private readonly head: number[] = [];
  private readonly next: number[] = [];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly cost: number[] = [];
  private readonly cost2: number[] = [];
  private readonly initialCap: number[] = [];

  get nodeCount(): number {
    return this.head.length;
  }

  addNode(): number {
    this.head.push(-1);
    return this.head.length - 1;
  }

  /** Adds an arc and returns its id, to read its flow after solving. */
  addEdge(from: number, to: number, capacity: number, cost: number, cost2 = 0): number {
    const id = this.to.length;
    this.push(from, to, capacity, cost, cost2);
    this.push(to, from, 0, -cost, -cost2);
    this.initialCap[id] = capacity;
    return id;
  }

  flowOn(edge: number): number {
    return this.initialCap[edge] - this.cap[edge];
  }

  minCostFlow(source: number, sink: number, options: { untilMax?: boolean } = {}): { flow: number; cost: number; cost2: number } {
    const n = this.nodeCount;
    const [p1, p2] = this.initialPotentials(source);
    let flow = 0;
    let cost = 0;
    let cost2 = 0;
    for (;;) {
      const [d1, d2] = this.dijkstra(source, p1, p2);
      if (d1[sink] === Infinity) break;
      // Capping at the sink's distance keeps every residual arc's reduced cost non-negative.
      const [s1, s2] = [d1[sink], d2[sink]];
      for (let v = 0; v < n; v++) {
        const below = d1[v] < s1 || (d1[v] === s1 && d2[v] < s2);
        p1[v] += below ? d1[v] : s1;
        p2[v] += below ? d2[v] : s2;
      }
      const [c1, c2] = [p1[sink] - p1[source], p2[sink] - p2[source]];
      if (!options.untilMax && (c1 > 0 || (c1 === 0 && c2 >= 0))) break;
      const pushed = this.blockingFlow(source, sink, p1, p2);
      flow += pushed;
      cost += pushed * c1;
      cost2 += pushed * c2;
    }
    return { flow, cost, cost2 };
  }

  private push(from: number, to: number, capacity: number, cost: number, cost2: number): void {
    this.to.push(to);
    this.cap.push(capacity);
    this.cost.push(cost);
    this.cost2.push(cost2);
    this.next.push(this.head[from]);
    this.head[from] = this.to.length - 1;
  }

  /** Bellman–Ford from the source, so that negative arc costs are allowed; nodes it cannot reach start at zero. */
  private initialPotentials(source: number): [number[], number[]] {
    const p1 = new Array<number>(this.nodeCount).fill(Infinity);
    const p2 = new Array<number>(this.nodeCount).fill(0);
    p1[source] = 0;
    for (let round = 0; round < this.nodeCount; round++) {
      let changed = false;
      for (let e = 0; e < this.to.length; e++) {
        const u = this.to[e ^ 1];
        const v = this.to[e];
        if (this.cap[e] === 0 || p1[u] === Infinity) continue;
        const [c1, c2] = [p1[u] + this.cost[e], p2[u] + this.cost2[e]];
        if (c1 < p1[v] || (c1 === p1[v] && c2 < p2[v])) {
          [p1[v], p2[v]] = [c1, c2];
          changed = true;
        }
      }
      if (!changed) break;
    }
    return [p1.map((p) => (p === Infinity ? 0 : p)), p2];
  }

  private dijkstra(source: number, p1: number[], p2: number[]): [number[], number[]] {
    const d1 = new Array<number>(this.nodeCount).fill(Infinity);
    const d2 = new Array<number>(this.nodeCount).fill(Infinity);
    const heap = new PairHeap();
    d1[source] = 0;
    d2[source] = 0;
    heap.push(0, 0, source);
    while (heap.size > 0) {
      const [k1, k2, u] = heap.pop();
      if (k1 > d1[u] || (k1 === d1[u] && k2 > d2[u])) continue;
      for (let e = this.head[u]; e !== -1; e = this.next[e]) {
        if (this.cap[e] === 0) continue;
        const v = this.to[e];
        const c1 = k1 + this.cost[e] + p1[u] - p1[v];
        const c2 = k2 + this.cost2[e] + p2[u] - p2[v];
        if (c1 < d1[v] || (c1 === d1[v] && c2 < d2[v])) {
          d1[v] = c1;
          d2[v] = c2;
          heap.push(c1, c2, v);
        }
      }
    }
    return [d1, d2];
  }

  /** Dinic's blocking flow restricted to arcs of zero reduced cost. */
  private blockingFlow(source: number, sink: number, p1: number[], p2: number[]): number {
    const admissible = (e: number, u: number): boolean => {
      const v = this.to[e];
      return this.cap[e] > 0 && this.cost[e] + p1[u] - p1[v] === 0 && this.cost2[e] + p2[u] - p2[v] === 0;
    };
    let total = 0;
    for (;;) {
      const level = new Array<number>(this.nodeCount).fill(-1);
      const queue = [source];
      level[source] = 0;
      for (let i = 0; i < queue.length; i++) {
        const u = queue[i];
        for (let e = this.head[u]; e !== -1; e = this.next[e]) {
          const v = this.to[e];
          if (level[v] === -1 && admissible(e, u)) {
            level[v] = level[u] + 1;
            queue.push(v);
          }
        }
      }
      if (level[sink] === -1) return total;
      const current = this.head.slice();
      const dfs = (u: number, limit: number): number => {
        if (u === sink) return limit;
        for (; current[u] !== -1; current[u] = this.next[current[u]]) {
          const e = current[u];
          const v = this.to[e];
          if (level[v] !== level[u] + 1 || !admissible(e, u)) continue;
          const pushed = dfs(v, Math.min(limit, this.cap[e]));
          if (pushed > 0) {
            this.cap[e] -= pushed;
            this.cap[e ^ 1] += pushed;
            return pushed;
          }
        }
        return 0;
      };
      for (let pushed = dfs(source, Infinity); pushed > 0; pushed = dfs(source, Infinity)) total += pushed;
    }
  }
}

/** A binary heap of ((key, key2), value), smallest pair first. */
class PairHeap {
  private readonly k1: number[] = [];
  private readonly k2: number[] = [];
  private readonly values: number[] = [];

  get size(): number {
    return this.k1.length;
  }

  push(a: number, b: number, value: number): void {
    const { k1, k2, values } = this;
    let i = k1.length;
    k1.push(a);
    k2.push(b);
    values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (k1[parent] < a || (k1[parent] === a && k2[parent] <= b)) break;
      k1[i] = k1[parent];
      k2[i] = k2[parent];
      values[i] = values[parent];
      i = parent;
    }
    k1[i] = a;
    k2[i] = b;
    values[i] = value;
  }

  pop(): [number, number, number] {
    const { k1, k2, values } = this;
    const top: [number, number, number] = [k1[0], k2[0], values[0]];
    const [a, b, value] = [k1.pop() as number, k2.pop() as number, values.pop() as number];
    const n = k1.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && (k1[child + 1] < k1[child] || (k1[child + 1] === k1[child] && k2[child + 1] < k2[child]))) child++;
        if (k1[child] > a || (k1[child] === a && k2[child] >= b)) break;
        k1[i] = k1[child];
        k2[i] = k2[child];
        values[i] = values[child];
        i = child;
      }
      k1[i] = a;
      k2[i] = b;
      values[i] = value;
    }
    return top;
  }
}

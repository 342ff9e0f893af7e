/**
 * Minimum-cost maximum flow on a small directed network with integer
 * capacities and costs (primal-dual: Dijkstra with potentials finds the
 * cheapest augmenting distance, then a blocking flow is pushed along every
 * path of that distance at once). Exact as long as path costs stay below
 * 2^53, which the callers guarantee by choosing their cost scale.
 */
export class FlowNetwork {
  private readonly head: number[] = [];
  private readonly next: number[] = [];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly cost: number[] = [];
  private readonly initialCap: number[] = [];

  get nodeCount(): number {
    return this.head.length;
  }

  addNode(): number {
    this.head.push(-1);
    return this.head.length - 1;
  }

  /** Adds an arc and returns its id, to read its flow after solving. */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    const id = this.to.length;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    this.initialCap[id] = capacity;
    return id;
  }

  flowOn(edge: number): number {
    return this.initialCap[edge] - this.cap[edge];
  }

  /** Pushes as much flow as possible from `source` to `sink`, at the least total cost. */
  minCostMaxFlow(source: number, sink: number): { flow: number; cost: number } {
    const n = this.nodeCount;
    const potential = this.initialPotentials(source);
    let flow = 0;
    let cost = 0;
    for (;;) {
      const dist = this.dijkstra(source, potential);
      if (dist[sink] === Infinity) break;
      // Capping at the sink's distance keeps every residual arc's reduced cost non-negative.
      const reach = dist[sink];
      for (let v = 0; v < n; v++) potential[v] += Math.min(dist[v], reach);
      const pushed = this.blockingFlow(source, sink, potential);
      flow += pushed;
      cost += pushed * (potential[sink] - potential[source]);
    }
    return { flow, cost };
  }

  private push(from: number, to: number, capacity: number, cost: number): void {
    this.to.push(to);
    this.cap.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[from]);
    this.head[from] = this.to.length - 1;
  }

  /** Bellman–Ford from the source, so that negative arc costs are allowed. */
  private initialPotentials(source: number): number[] {
    const potential = new Array<number>(this.nodeCount).fill(Infinity);
    potential[source] = 0;
    if (this.cost.every((c, e) => c >= 0 || this.cap[e] === 0)) return potential.map(() => 0);
    for (let round = 0; round < this.nodeCount; round++) {
      let changed = false;
      for (let e = 0; e < this.to.length; e++) {
        if (this.cap[e] === 0) continue;
        const u = this.to[e ^ 1];
        if (potential[u] === Infinity) continue;
        const candidate = potential[u] + this.cost[e];
        if (candidate < potential[this.to[e]]) {
          potential[this.to[e]] = candidate;
          changed = true;
        }
      }
      if (!changed) break;
    }
    return potential.map((p) => (p === Infinity ? 0 : p));
  }

  private dijkstra(source: number, potential: number[]): number[] {
    const dist = new Array<number>(this.nodeCount).fill(Infinity);
    const heap = new MinHeap();
    dist[source] = 0;
    heap.push(0, source);
    while (heap.size > 0) {
      const [d, u] = heap.pop();
      if (d > dist[u]) continue;
      for (let e = this.head[u]; e !== -1; e = this.next[e]) {
        if (this.cap[e] === 0) continue;
        const v = this.to[e];
        const candidate = d + this.cost[e] + potential[u] - potential[v];
        if (candidate < dist[v]) {
          dist[v] = candidate;
          heap.push(candidate, v);
        }
      }
    }
    return dist;
  }

  /** Dinic's blocking flow restricted to arcs of zero reduced cost. */
  private blockingFlow(source: number, sink: number, potential: number[]): number {
    const admissible = (e: number, u: number): boolean =>
      this.cap[e] > 0 && this.cost[e] + potential[u] - potential[this.to[e]] === 0;
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

/** A binary heap of (key, value) pairs, smallest key first. */
class MinHeap {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, value: number): void {
    const { keys, values } = this;
    let i = keys.length;
    keys.push(key);
    values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      values[i] = values[parent];
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  pop(): [number, number] {
    const { keys, values } = this;
    const top: [number, number] = [keys[0], values[0]];
    const lastKey = keys.pop() as number;
    const lastValue = values.pop() as number;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && keys[child + 1] < keys[child]) child++;
        if (keys[child] >= lastKey) break;
        keys[i] = keys[child];
        values[i] = values[child];
        i = child;
      }
      keys[i] = lastKey;
      values[i] = lastValue;
    }
    return top;
  }
}

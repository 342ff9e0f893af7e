/**
 * Colours the edges of a bipartite multigraph so that no vertex has two edges
 * of one colour, each vertex using only the colours it allows (a bitmask).
 * Colours are rounds: left vertices are people, right vertices are seats.
 *
 * Each edge takes a colour free at both ends, or else an alternating a/b path
 * is flipped to free one (König's argument). When every vertex allows every
 * colour and no vertex has more edges than colours, this always succeeds;
 * with restricted colours it may not, and the edge is left uncoloured (null).
 */
export interface ColouringProblem {
  colours: number;
  leftAllowed: readonly number[];
  rightAllowed: readonly number[];
  edges: readonly (readonly [number, number])[];
}

export function colourEdges(problem: ColouringProblem): (number | null)[] {
  return new Colouring(problem).run();
}

const NONE = -1;

class Colouring {
  private readonly k: number;
  /** [side][vertex * k + colour] → edge id or NONE; side 0 is left, 1 is right. */
  private readonly at: [Int32Array, Int32Array];
  private readonly colour: Int32Array;

  constructor(private readonly p: ColouringProblem) {
    this.k = p.colours;
    this.at = [new Int32Array(p.leftAllowed.length * this.k).fill(NONE), new Int32Array(p.rightAllowed.length * this.k).fill(NONE)];
    this.colour = new Int32Array(p.edges.length).fill(NONE);
  }

  run(): (number | null)[] {
    this.p.edges.forEach((_, e) => this.colourEdge(e));
    return Array.from(this.colour, (c) => (c === NONE ? null : c));
  }

  private colourEdge(e: number): void {
    const [u, v] = this.p.edges[e];
    const freeU = this.free(0, u);
    const freeV = this.free(1, v);
    const common = freeU & freeV;
    if (common !== 0) return this.set(e, lowestBit(common));
    // Free colour a at u by flipping an a/b path from v, or b at v by a path from u.
    for (const a of bits(freeU & this.p.rightAllowed[v])) {
      for (const b of bits(freeV)) if (this.flipPath(1, v, a, b)) return this.set(e, a);
    }
    for (const b of bits(freeV & this.p.leftAllowed[u])) {
      for (const a of bits(freeU)) if (this.flipPath(0, u, b, a)) return this.set(e, b);
    }
  }

  private free(side: 0 | 1, vertex: number): number {
    const allowed = side === 0 ? this.p.leftAllowed[vertex] : this.p.rightAllowed[vertex];
    let used = 0;
    for (let c = 0; c < this.k; c++) if (this.at[side][vertex * this.k + c] !== NONE) used |= 1 << c;
    return allowed & ~used;
  }

  /**
   * Swaps colours a and b along the path that leaves `start` by its a-edge.
   * Inner vertices keep both colours; only the far end takes a new one, so
   * only it must allow it. Returns false (and changes nothing) if it does not.
   */
  private flipPath(side: 0 | 1, start: number, a: number, b: number): boolean {
    const path: number[] = [];
    let vertex = start;
    let s: 0 | 1 = side;
    let want = a;
    for (;;) {
      const e = this.at[s][vertex * this.k + want];
      if (e === NONE) break;
      path.push(e);
      s = s === 0 ? 1 : 0;
      vertex = this.p.edges[e][s];
      want = want === a ? b : a;
    }
    if (path.length === 0) return false;
    const end = this.p.edges[path[path.length - 1]][s];
    const endAllowed = s === 0 ? this.p.leftAllowed[end] : this.p.rightAllowed[end];
    if ((endAllowed & (1 << want)) === 0) return false;
    for (const e of path) this.unset(e);
    for (const e of path) this.set(e, this.colour[e] === a ? b : a);
    return true;
  }

  private set(e: number, c: number): void {
    const [u, v] = this.p.edges[e];
    this.colour[e] = c;
    this.at[0][u * this.k + c] = e;
    this.at[1][v * this.k + c] = e;
  }

  private unset(e: number): void {
    const [u, v] = this.p.edges[e];
    const c = this.colour[e];
    if (this.at[0][u * this.k + c] === e) this.at[0][u * this.k + c] = NONE;
    if (this.at[1][v * this.k + c] === e) this.at[1][v * this.k + c] = NONE;
  }
}

function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}

function bits(mask: number): number[] {
  const out: number[] = [];
  for (let m = mask; m !== 0; m &= m - 1) out.push(lowestBit(m));
  return out;
}

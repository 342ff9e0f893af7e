import { pairKey, SeatingModel } from './model';
import { bandExcess, scaledDeviation } from './shares.rules';
import { GROUP_COUNT } from './types';

/**
 * A placement being built or improved, with every objective term kept up to
 * date as people move, so that a swap is judged in constant time.
 *
 * The terms, most important first: same-organisation pairs; tables holding all
 * three parties (more is better); people outside their table's share band;
 * broken pair requests (keep apart, keep together); spread-group members over
 * their allowance; people moved from their previous table; the summed scaled
 * deviation from the shares.
 */
export const TERM_COUNT = 7;
export type Score = Float64Array;

export class PlacementState {
  readonly table: Int32Array;
  readonly members: number[][];
  readonly counts: Int32Array;
  private readonly orgAt = new Map<number, number>();
  private readonly spreadAt = new Map<number, number>();
  private readonly tableTerms: Float64Array;
  private readonly people: number;
  /** pairs, -covered, band, pair requests, spread, moves, deviation */
  readonly score: Score = new Float64Array(TERM_COUNT);
  private rawPairs = 0;
  private exemptPairs = 0;

  constructor(readonly model: SeatingModel) {
    const tableCount = model.tableIds.length;
    this.people = model.personIds.length;
    this.table = new Int32Array(this.people).fill(-1);
    this.members = Array.from({ length: tableCount }, () => []);
    this.counts = new Int32Array(tableCount * GROUP_COUNT);
    this.tableTerms = new Float64Array(tableCount * 4);
  }

  movable(p: number): boolean {
    return this.model.fixed[p] < 0;
  }

  size(t: number): number {
    return this.members[t].length;
  }

  orgCountAt(t: number, org: number): number {
    return this.orgAt.get(t * this.model.orgCount + org) ?? 0;
  }

  spreadCountAt(t: number, s: number): number {
    return this.spreadAt.get(t * this.model.spreadNames.length + s) ?? 0;
  }

  /** Moves p to table `to` (-1: off every table), updating all terms. */
  move(p: number, to: number): void {
    const from = this.table[p];
    if (from === to) return;
    const m = this.model;
    if (from >= 0) this.dropTableTerms(from);
    if (to >= 0) this.dropTableTerms(to);
    this.requestTerms(p, -1);
    if (from >= 0) {
      const key = from * m.orgCount + m.org[p];
      const c = this.orgAt.get(key)!;
      this.rawPairs -= c - 1;
      if (c === 1) this.orgAt.delete(key);
      else this.orgAt.set(key, c - 1);
      this.counts[from * GROUP_COUNT + m.group[p]]--;
      this.adjustSpread(p, from, -1);
      const list = this.members[from];
      const i = list.indexOf(p);
      list[i] = list[list.length - 1];
      list.pop();
    }
    this.table[p] = to;
    if (to >= 0) {
      const key = to * m.orgCount + m.org[p];
      const c = this.orgAt.get(key) ?? 0;
      this.rawPairs += c;
      this.orgAt.set(key, c + 1);
      this.counts[to * GROUP_COUNT + m.group[p]]++;
      this.adjustSpread(p, to, 1);
      this.members[to].push(p);
    }
    this.requestTerms(p, 1);
    if (from >= 0) this.addTableTerms(from);
    if (to >= 0) this.addTableTerms(to);
    this.score[0] = this.rawPairs - this.exemptPairs;
  }

  swap(p: number, q: number): void {
    const a = this.table[p];
    const b = this.table[q];
    this.move(p, b);
    this.move(q, a);
  }

  /** Whether every term would be no worse and one better: compares the score after a trial change. */
  static better(after: Score, before: Score): boolean {
    for (let i = 0; i < TERM_COUNT; i++) {
      if (after[i] < before[i]) return true;
      if (after[i] > before[i]) return false;
    }
    return false;
  }

  private adjustSpread(p: number, t: number, by: number): void {
    const s = this.model.spreadNames.length;
    for (const g of this.model.spread[p]) {
      const key = t * s + g;
      const c = (this.spreadAt.get(key) ?? 0) + by;
      if (c === 0) this.spreadAt.delete(key);
      else this.spreadAt.set(key, c);
    }
  }

  /** Adds (sign 1) or removes (sign -1) p's share of request terms and moves. */
  private requestTerms(p: number, sign: number): void {
    const m = this.model;
    const t = this.table[p];
    if (t < 0) return;
    for (const r of m.apartOf[p]) {
      const [a, b] = m.apart[r];
      const other = a === p ? b : a;
      if (this.table[other] === t) this.score[3] += sign;
    }
    for (const r of m.togetherOf[p]) {
      const [a, b] = m.together[r];
      const other = a === p ? b : a;
      const ot = this.table[other];
      if (ot < 0) continue;
      // Counted from the side that moves: a pair apart counts once.
      if (ot !== t) this.score[3] += sign;
      else if (m.togetherKeys.has(pairKey(p, other, this.people))) this.exemptPairs += sign;
    }
    if (m.previous[p] >= 0 && m.previous[p] !== t) this.score[5] += sign;
  }

  private dropTableTerms(t: number): void {
    const base = t * 4;
    this.score[1] += this.tableTerms[base];
    this.score[2] -= this.tableTerms[base + 1];
    this.score[4] -= this.tableTerms[base + 2];
    this.score[6] -= this.tableTerms[base + 3];
  }

  private addTableTerms(t: number): void {
    const m = this.model;
    const size = this.members[t].length;
    let band = 0;
    let deviation = 0;
    const c = t * GROUP_COUNT;
    for (let g = 0; g < GROUP_COUNT; g++) {
      band += bandExcess(this.counts[c + g], m.groupSize[g], size, this.people);
      deviation += Math.abs(scaledDeviation(this.counts[c + g], m.groupSize[g], size, this.people));
    }
    const covered = size > 0 && this.counts[c] > 0 && this.counts[c + 1] > 0 && this.counts[c + 2] > 0 ? 1 : 0;
    let spread = 0;
    for (let s = 0; s < m.spreadNames.length; s++) spread += Math.max(0, this.spreadCountAt(t, s) - spreadAllowance(m.spreadSize[s], size, this.people));
    const base = t * 4;
    this.tableTerms[base] = covered;
    this.tableTerms[base + 1] = band;
    this.tableTerms[base + 2] = spread;
    this.tableTerms[base + 3] = deviation;
    this.score[1] -= covered;
    this.score[2] += band;
    this.score[4] += spread;
    this.score[6] += deviation;
  }

  tableCovered(t: number): boolean {
    return this.tableTerms[t * 4] === 1;
  }

  tableBand(t: number): number {
    return this.tableTerms[t * 4 + 1];
  }

  tableSpread(t: number): number {
    return this.tableTerms[t * 4 + 2];
  }
}

/** A spread group's most members at one table: its proportional share, rounded up. */
export function spreadAllowance(groupSize: number, tableSize: number, people: number): number {
  return people === 0 ? 0 : Math.ceil((groupSize * tableSize) / people);
}

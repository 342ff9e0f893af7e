/**
 * Realistic rooms for tests and the benchmark: party shares as in the
 * published reports (about 60 % civil society, 22 % municipalities and
 * regions, 12 % state, 6 % business and others), many civil-society
 * organisations of one, a few large municipalities and agencies.
 */
import { SeatingGroup, SeatingInput, SeatingPerson, SeatingTable } from '../src/algorithm/types';

/** A small deterministic generator (mulberry32). */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface GroupShape {
  group: SeatingGroup;
  share: number;
  /** Share of the group's people who come alone from their organisation. */
  alone: number;
  /** The largest organisation's share of the group. */
  largest: number;
  prefix: string;
}

const SHAPES: GroupShape[] = [
  { group: 'civil_society', share: 0.6, alone: 0.6, largest: 0.03, prefix: 'Förening' },
  { group: 'local_regional', share: 0.22, alone: 0.1, largest: 0.18, prefix: 'Kommun' },
  { group: 'state', share: 0.12, alone: 0.1, largest: 0.25, prefix: 'Myndighet' },
  { group: 'other', share: 0.06, alone: 0.7, largest: 0.1, prefix: 'Företag' },
];

export function organisationSizes(count: number, alone: number, largest: number, random: () => number): number[] {
  const sizes: number[] = [];
  let left = count;
  const singles = Math.round(count * alone);
  let next = Math.max(2, Math.round(count * largest));
  while (left > singles) {
    const size = Math.min(left - singles, Math.max(2, next));
    sizes.push(size);
    left -= size;
    next = Math.max(2, Math.round(next * (0.55 + 0.3 * random())));
  }
  while (left-- > 0) sizes.push(1);
  return sizes;
}

export function realisticPeople(count: number, seed: number): SeatingPerson[] {
  const random = randomSource(seed);
  const people: SeatingPerson[] = [];
  let assigned = 0;
  SHAPES.forEach((shape, i) => {
    const n = i === SHAPES.length - 1 ? count - assigned : Math.round(count * shape.share);
    assigned += n;
    organisationSizes(n, shape.alone, shape.largest, random).forEach((size, o) => {
      for (let k = 0; k < size; k++)
        people.push({ id: `p${String(people.length).padStart(5, '0')}`, group: shape.group, organisation: `${shape.prefix} ${o}` });
    });
  });
  return people;
}

export function tablesOf(seats: readonly number[]): SeatingTable[] {
  return seats.map((s, i) => ({ id: `t${String(i + 1).padStart(4, '0')}`, seats: s }));
}

/** The sizes: 120 people at 15 tables of 10, 8 and 6; 1,000 at 125; 5,000 at 625 (tables of 8). */
export function benchmarkRoom(people: number, seed = 1): SeatingInput {
  const seats = people === 120 ? [...Array(15).keys()].map((i) => [10, 8, 6][i % 3]) : new Array<number>(people / 8).fill(8);
  return { tables: tablesOf(seats), people: realisticPeople(people, seed), seed };
}

/**
 * A number in [0, 1) drawn from the seed and an id (FNV-1a, then a 32-bit
 * mix). Ties are broken by it so that the same input always gives the same
 * placement, while ids that sort close together are not favoured.
 */
export function tieBreak(seed: number, id: string): number {
  let h = (0x811c9dc5 ^ (seed | 0)) >>> 0;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

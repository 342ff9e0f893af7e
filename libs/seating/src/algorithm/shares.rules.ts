/**
 * A table's proportional share of a group is groupSize × tableSize / people.
 * All comparisons stay in integers by scaling with `people`: the scaled
 * deviation is count × people − groupSize × tableSize, and a count is within
 * one person of its share exactly when |scaled| < people.
 */
export function scaledDeviation(count: number, groupSize: number, tableSize: number, people: number): number {
  return count * people - groupSize * tableSize;
}

/** The counts within one person of the share: its floor and its ceiling (one value when it is whole). */
export function shareBand(groupSize: number, tableSize: number, people: number): { low: number; high: number } {
  const numerator = groupSize * tableSize;
  return { low: Math.floor(numerator / people), high: Math.ceil(numerator / people) };
}

/** How many people a count lies outside its band (0 inside). */
export function bandExcess(count: number, groupSize: number, tableSize: number, people: number): number {
  if (people === 0) return 0;
  const { low, high } = shareBand(groupSize, tableSize, people);
  return count < low ? low - count : count > high ? count - high : 0;
}

/**
 * Weights that make one objective term outrank every change the lower terms
 * can make: the summed scaled deviation is at most 2·people², and the summed
 * band excess at most 2·people.
 */
export function objectiveWeights(people: number): { band: number; coverage: number } {
  const band = 2 * people * people + 1;
  return { band, coverage: band * (2 * people + 1) + 1 };
}

/**
 * How many people sit at each table. Every open table is used while that
 * leaves at least `MIN_AVERAGE_AT_TABLE` people per table on average; with
 * fewer people, the largest tables are used first, so that the group work has
 * groups rather than pairs. People are spread over the tables in use in
 * proportion to their seats, each table at its share rounded down or up
 * (but never below `MIN_AT_TABLE` while a fuller table can spare someone); a
 * re-run keeps a table's previous count when it is one of those two.
 */
export const MIN_AVERAGE_AT_TABLE = 4;
/** A table in use gets at least this many people (or its seats) when others can spare them: three parties need three chairs. */
export const MIN_AT_TABLE = 3;

export interface OccupancyInput {
  seats: readonly number[];
  reserved: readonly boolean[];
  tableRank: ArrayLike<number>;
  people: number;
  /** People fixed to each table by hand. */
  fixed: readonly number[];
  /** People who sat at each table in the stored placement and are still here (0 on a first run). */
  previous: readonly number[];
}

export function tableOccupancy(input: OccupancyInput): number[] {
  const { seats, reserved, fixed, previous, tableRank, people } = input;
  const tableCount = seats.length;
  const occupancy = new Array<number>(tableCount).fill(0);
  for (let t = 0; t < tableCount; t++) if (reserved[t]) occupancy[t] = fixed[t];
  const open = [...Array(tableCount).keys()].filter((t) => !reserved[t] && seats[t] > 0);
  const reservedPeople = occupancy.reduce((a, b) => a + b, 0);
  const toPlace = people - reservedPeople;
  if (toPlace <= 0) return occupancy;
  const inUse = tablesInUse(open, toPlace, input);
  const seatTotal = inUse.reduce((sum, t) => sum + seats[t], 0);
  // share_t = toPlace * seats_t / seatTotal, kept as the integer numerator over seatTotal.
  const numerator = (t: number) => toPlace * seats[t];
  const floorShare = (t: number) => Math.floor(numerator(t) / seatTotal);
  const ceilShare = (t: number) => Math.ceil(numerator(t) / seatTotal);
  let left = toPlace;
  for (const t of inUse) {
    occupancy[t] = Math.min(seats[t], Math.max(fixed[t], floorShare(t)));
    left -= occupancy[t];
  }
  if (left < 0) {
    // People fixed by hand pushed some tables past their share: start from the fixed and fill by need.
    left = toPlace;
    for (const t of inUse) {
      occupancy[t] = fixed[t];
      left -= fixed[t];
    }
  }
  const need = (t: number) => numerator(t) - occupancy[t] * seatTotal;
  const byPreference = [...inUse].sort(
    (a, b) =>
      Number(previous[b] > occupancy[b]) - Number(previous[a] > occupancy[a]) ||
      need(b) - need(a) ||
      tableRank[a] - tableRank[b] ||
      a - b,
  );
  for (const t of byPreference) {
    if (left === 0) break;
    if (occupancy[t] < Math.min(seats[t], ceilShare(t))) {
      occupancy[t]++;
      left--;
    }
  }
  while (left > 0) {
    let best = -1;
    for (const t of inUse) {
      if (occupancy[t] >= seats[t]) continue;
      if (best < 0 || need(t) > need(best) || (need(t) === need(best) && tableRank[t] < tableRank[best])) best = t;
    }
    occupancy[best]++;
    left--;
  }
  for (const t of inUse) {
    while (occupancy[t] < Math.min(seats[t], MIN_AT_TABLE)) {
      let donor = -1;
      for (const d of inUse)
        if (occupancy[d] > Math.max(fixed[d], MIN_AT_TABLE) && (donor < 0 || need(d) < need(donor))) donor = d;
      if (donor < 0) break;
      occupancy[donor]--;
      occupancy[t]++;
    }
  }
  return occupancy;
}

function tablesInUse(open: number[], toPlace: number, input: OccupancyInput): number[] {
  const { seats, fixed, previous, tableRank } = input;
  const wanted = Math.max(1, Math.floor(toPlace / MIN_AVERAGE_AT_TABLE));
  if (open.length <= wanted) return open;
  const order = [...open].sort(
    (a, b) =>
      Number(fixed[b] > 0) - Number(fixed[a] > 0) ||
      previous[b] - previous[a] ||
      seats[b] - seats[a] ||
      tableRank[a] - tableRank[b] ||
      a - b,
  );
  const chosen: number[] = [];
  let seatSum = 0;
  for (const t of order) {
    // Tables holding fixed people, or people who sat there before, stay in use: nobody has to move for compactness.
    if (chosen.length >= wanted && seatSum >= toPlace && fixed[t] === 0 && previous[t] === 0) break;
    chosen.push(t);
    seatSum += seats[t];
  }
  return chosen.sort((a, b) => a - b);
}

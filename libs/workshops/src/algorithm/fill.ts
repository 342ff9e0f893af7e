import { SeatBoard } from './seat-board';

export interface FillPerson {
  index: number;
  party: number;
  /** Ranked choices in this choice group (workshop positions); empty for people without preferences. */
  choices: readonly number[];
}

/**
 * Places everyone still free in `round` where room is left: in their best
 * choice that still has a seat, otherwise where their party is least
 * represented relative to the workshop's size, so that people placed by the
 * organiser's rules rather than by choice spread the parties.
 */
export function fillRound(board: SeatBoard, round: number, workshops: readonly number[], people: readonly FillPerson[]): void {
  for (const person of people) {
    if (board.isBusy(person.index, round)) continue;
    const isOpen = (w: number) => board.runs(w, round) && board.seatsLeft(w, round) > 0 && !board.hasAttended(person.index, w);
    const rankIndex = person.choices.findIndex(isOpen);
    if (rankIndex >= 0) {
      board.place(person.index, person.party, person.choices[rankIndex], round, rankIndex + 1, false);
      continue;
    }
    const open = workshops.filter(isOpen);
    if (open.length > 0) board.place(person.index, person.party, leastRepresented(board, round, open, person.party), round, null, false);
  }
}

/** The workshop where the party's share, counting the newcomer, is smallest; then the most room; then the first. */
function leastRepresented(board: SeatBoard, round: number, open: readonly number[], party: number): number {
  let best = open[0];
  for (const w of open.slice(1)) {
    const share = (board.partyCount(w, round, party) + 1) * board.capacityOf(best, round);
    const bestShare = (board.partyCount(best, round, party) + 1) * board.capacityOf(w, round);
    if (share < bestShare || (share === bestShare && board.seatsLeft(w, round) > board.seatsLeft(best, round))) best = w;
  }
  return best;
}

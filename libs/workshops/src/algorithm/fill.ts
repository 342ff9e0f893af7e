import { InstanceWorkshop } from './assignment.types';
import { SeatBoard } from './seat-board';

export interface FillPerson {
  id: string;
  party: string;
  /** Ranked choices in this choice group; empty for people without preferences. */
  choices: readonly string[];
}

/**
 * Places everyone still free in `round` where room is left: in their best
 * choice that still has a seat, otherwise where their party is least
 * represented relative to the workshop's size, so that people placed by the
 * organiser's rules rather than by choice spread the parties.
 */
export function fillRound(board: SeatBoard, round: string, workshops: readonly InstanceWorkshop[], people: readonly FillPerson[]): void {
  for (const person of people) {
    if (board.isBusy(person.id, round)) continue;
    const open = workshops.filter(
      (w) => board.runs(w.id, round) && board.seatsLeft(w.id, round) > 0 && !board.hasAttended(person.id, w.id),
    );
    if (open.length === 0) continue;
    const rankIndex = person.choices.findIndex((id) => open.some((w) => w.id === id));
    if (rankIndex >= 0) {
      board.place(person.id, person.party, person.choices[rankIndex], round, rankIndex + 1, false);
      continue;
    }
    board.place(person.id, person.party, leastRepresented(board, round, open, person.party).id, round, null, false);
  }
}

/** The workshop where the party's share, counting the newcomer, is smallest; then the most room; then the first. */
function leastRepresented(board: SeatBoard, round: string, open: readonly InstanceWorkshop[], party: string): InstanceWorkshop {
  let best = open[0];
  for (const w of open.slice(1)) {
    const share = (board.partyCount(w.id, round, party) + 1) * board.capacityOf(best.id, round);
    const bestShare = (board.partyCount(best.id, round, party) + 1) * board.capacityOf(w.id, round);
    if (share < bestShare || (share === bestShare && board.seatsLeft(w.id, round) > board.seatsLeft(best.id, round))) best = w;
  }
  return best;
}

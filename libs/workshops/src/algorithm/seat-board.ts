import { ChoiceRank } from './assignment.types';

/** A placement by index: person, workshop and round positions in the solver's canonical order. */
export interface BoardPlacement {
  person: number;
  workshop: number;
  round: number;
  rank: ChoiceRank;
  locked: boolean;
}

export interface BoardSize {
  people: number;
  workshops: number;
  rounds: number;
  parties: number;
}

/**
 * Seats taken per workshop and round, with the parties in each, while an
 * assignment is built. Flat typed arrays indexed by position: an assignment
 * of thousands of people touches them tens of thousands of times.
 */
export class SeatBoard {
  private readonly capacity: Int32Array;
  private readonly taken: Int32Array;
  private readonly parties: Int32Array;
  private readonly attended: Uint8Array;
  private readonly busy: Uint8Array;
  readonly placements: BoardPlacement[] = [];

  /** `capacity(w, r)` is null where the workshop does not run. */
  constructor(
    private readonly size: BoardSize,
    capacity: (workshop: number, round: number) => number | null,
  ) {
    this.capacity = new Int32Array(size.workshops * size.rounds);
    for (let w = 0; w < size.workshops; w++)
      for (let r = 0; r < size.rounds; r++) this.capacity[w * size.rounds + r] = capacity(w, r) ?? -1;
    this.taken = new Int32Array(size.workshops * size.rounds);
    this.parties = new Int32Array(size.workshops * size.rounds * size.parties);
    this.attended = new Uint8Array(size.people * size.workshops);
    this.busy = new Uint8Array(size.people * size.rounds);
  }

  runs(workshop: number, round: number): boolean {
    return this.capacity[workshop * this.size.rounds + round] >= 0;
  }

  capacityOf(workshop: number, round: number): number {
    return Math.max(0, this.capacity[workshop * this.size.rounds + round]);
  }

  seatsLeft(workshop: number, round: number): number {
    const slot = workshop * this.size.rounds + round;
    return Math.max(0, this.capacity[slot] - this.taken[slot]);
  }

  partyCount(workshop: number, round: number, party: number): number {
    return this.parties[(workshop * this.size.rounds + round) * this.size.parties + party];
  }

  hasAttended(person: number, workshop: number): boolean {
    return this.attended[person * this.size.workshops + workshop] === 1;
  }

  isBusy(person: number, round: number): boolean {
    return this.busy[person * this.size.rounds + round] === 1;
  }

  place(person: number, party: number, workshop: number, round: number, rank: ChoiceRank, locked: boolean): void {
    const slot = workshop * this.size.rounds + round;
    this.taken[slot]++;
    this.parties[slot * this.size.parties + party]++;
    this.attended[person * this.size.workshops + workshop] = 1;
    this.busy[person * this.size.rounds + round] = 1;
    this.placements.push({ person, workshop, round, rank, locked });
  }
}

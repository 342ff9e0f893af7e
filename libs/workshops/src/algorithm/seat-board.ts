import { ChoiceRank, InstanceWorkshop, Placement } from './assignment.types';

/** Seats taken per workshop and round, with the parties in each, while an assignment is built. */
export class SeatBoard {
  private readonly taken = new Map<string, number>();
  private readonly parties = new Map<string, number>();
  private readonly capacity = new Map<string, number>();
  private readonly attended = new Map<string, Set<string>>();
  private readonly roundsTaken = new Map<string, Set<string>>();
  readonly placements: Placement[] = [];

  constructor(workshops: readonly InstanceWorkshop[]) {
    for (const w of workshops) for (const r of w.rounds) this.capacity.set(key(w.id, r), w.capacity);
  }

  runs(workshopId: string, round: string): boolean {
    return this.capacity.has(key(workshopId, round));
  }

  seatsLeft(workshopId: string, round: string): number {
    const k = key(workshopId, round);
    return Math.max(0, (this.capacity.get(k) ?? 0) - (this.taken.get(k) ?? 0));
  }

  capacityOf(workshopId: string, round: string): number {
    return this.capacity.get(key(workshopId, round)) ?? 0;
  }

  partyCount(workshopId: string, round: string, party: string): number {
    return this.parties.get(key(workshopId, round, party)) ?? 0;
  }

  hasAttended(participantId: string, workshopId: string): boolean {
    return this.attended.get(participantId)?.has(workshopId) ?? false;
  }

  isBusy(participantId: string, round: string): boolean {
    return this.roundsTaken.get(participantId)?.has(round) ?? false;
  }

  place(participantId: string, party: string, workshopId: string, round: string, rank: ChoiceRank, locked: boolean): void {
    const k = key(workshopId, round);
    this.taken.set(k, (this.taken.get(k) ?? 0) + 1);
    const pk = key(workshopId, round, party);
    this.parties.set(pk, (this.parties.get(pk) ?? 0) + 1);
    setOf(this.attended, participantId).add(workshopId);
    setOf(this.roundsTaken, participantId).add(round);
    this.placements.push({ participantId, workshopId, round, rank, locked });
  }
}

function key(...parts: string[]): string {
  return parts.join('\u0000');
}

function setOf(map: Map<string, Set<string>>, id: string): Set<string> {
  let set = map.get(id);
  if (!set) map.set(id, (set = new Set()));
  return set;
}

import type { Status } from './registration.rules';

/**
 * Seats. The free seats themselves are the conferences lib's `seatsLeft` (its `seats_held`
 * counter is the one count of seat-holders); these rules decide what a free seat means here.
 */

/** How many from the head of the waiting list get a seat now. Never after the conference has started. */
export function seatsToPromote(seatsFree: number, waiting: number, beforeStart: boolean): number {
  if (!beforeStart) return 0;
  return Math.max(0, Math.min(seatsFree, waiting));
}

export type CheckInRefusal = 'cancelled' | 'transferred' | 'no_free_seat';

/** What checking someone in at the door does. */
export type CheckInStep =
  | { kind: 'check_in' }
  /** Already checked in: a repeat keeps the first time. */
  | { kind: 'already_in'; at: Date }
  /** Waitlisted, and a seat is free: they take it. */
  | { kind: 'take_seat' }
  /** Waitlisted, every seat taken, and the organiser decided to let them in anyway. */
  | { kind: 'admit_over_capacity' }
  | { kind: 'refuse'; reason: CheckInRefusal };

export function checkInStep(r: { status: Status; checkedInAt: Date | null }, seatsFree: number, overCapacity: boolean): CheckInStep {
  if (r.status === 'cancelled' || r.status === 'transferred') return { kind: 'refuse', reason: r.status };
  if (r.checkedInAt) return { kind: 'already_in', at: r.checkedInAt };
  if (r.status === 'confirmed') return { kind: 'check_in' };
  if (seatsFree > 0) return { kind: 'take_seat' };
  return overCapacity ? { kind: 'admit_over_capacity' } : { kind: 'refuse', reason: 'no_free_seat' };
}

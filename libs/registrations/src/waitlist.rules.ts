/**
 * The seat and waiting-list rules as a pure state machine. The service applies
 * the same decisions inside database transactions (row locks on the
 * conference); this model is what the property tests check.
 */

/** How many from the head of the waiting list get a seat now. Never after the conference has started. */
export function seatsToPromote(capacity: number, seatsHeld: number, waiting: number, beforeStart: boolean): number {
  if (!beforeStart) return 0;
  return Math.max(0, Math.min(capacity - seatsHeld, waiting));
}

export interface SeatState {
  capacity: number;
  /** Seat holders, in the order they got their seat. */
  confirmed: string[];
  /** Queue, head first. */
  waitlist: string[];
  started: boolean;
}

export type SeatEvent =
  | { type: 'register'; id: string }
  | { type: 'cancel'; id: string }
  | { type: 'transfer'; id: string; to: string }
  | { type: 'capacity'; capacity: number }
  | { type: 'start' };

export interface SeatOutcome {
  state: SeatState;
  /** Ids promoted from the waiting list by this event, in queue order. */
  promoted: string[];
}

export const emptySeatState = (capacity: number): SeatState => ({ capacity, confirmed: [], waitlist: [], started: false });

/** Applies one event; events that the service would refuse (unknown id, capacity below seats held) change nothing. */
export function applySeatEvent(state: SeatState, event: SeatEvent): SeatOutcome {
  const s: SeatState = { ...state, confirmed: [...state.confirmed], waitlist: [...state.waitlist] };
  switch (event.type) {
    case 'register':
      if (s.confirmed.includes(event.id) || s.waitlist.includes(event.id)) return { state, promoted: [] };
      if (s.confirmed.length < s.capacity) s.confirmed.push(event.id);
      else s.waitlist.push(event.id);
      return { state: s, promoted: [] };
    case 'cancel': {
      if (s.started) return { state, promoted: [] };
      const seat = s.confirmed.indexOf(event.id);
      if (seat >= 0) {
        s.confirmed.splice(seat, 1);
        return promote(s);
      }
      const queued = s.waitlist.indexOf(event.id);
      if (queued >= 0) s.waitlist.splice(queued, 1);
      return { state: queued >= 0 ? s : state, promoted: [] };
    }
    case 'transfer': {
      if (s.started || s.confirmed.includes(event.to) || s.waitlist.includes(event.to)) return { state, promoted: [] };
      const seat = s.confirmed.indexOf(event.id);
      if (seat >= 0) s.confirmed[seat] = event.to;
      const queued = s.waitlist.indexOf(event.id);
      if (queued >= 0) s.waitlist[queued] = event.to;
      return { state: s, promoted: [] };
    }
    case 'capacity':
      if (event.capacity < s.confirmed.length || event.capacity < 1) return { state, promoted: [] };
      s.capacity = event.capacity;
      return promote(s);
    case 'start':
      s.started = true;
      return { state: s, promoted: [] };
  }
}

function promote(s: SeatState): SeatOutcome {
  const n = seatsToPromote(s.capacity, s.confirmed.length, s.waitlist.length, !s.started);
  const promoted = s.waitlist.splice(0, n);
  s.confirmed.push(...promoted);
  return { state: s, promoted };
}

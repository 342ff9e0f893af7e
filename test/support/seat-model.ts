import { seatsToPromote } from '@dialogdag/registrations';

/**
 * What the seats and the waiting list of one conference should be after any sequence of
 * events: a reference model that the real application is compared with, event by event.
 */
export interface SeatState {
  capacity: number;
  /** Seat holders. */
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

export const emptySeatState = (capacity: number): SeatState => ({ capacity, confirmed: [], waitlist: [], started: false });

/** Applies one event; events the service refuses (a repeat, unknown id, capacity below seats held, too late) change nothing. */
export function applySeatEvent(state: SeatState, event: SeatEvent): SeatState {
  const s: SeatState = { ...state, confirmed: [...state.confirmed], waitlist: [...state.waitlist] };
  const known = (id: string) => s.confirmed.includes(id) || s.waitlist.includes(id);
  switch (event.type) {
    case 'register':
      // Registration closes before the conference starts.
      if (s.started || known(event.id)) return state;
      if (s.confirmed.length < s.capacity) s.confirmed.push(event.id);
      else s.waitlist.push(event.id);
      return s;
    case 'cancel': {
      if (s.started || !known(event.id)) return state;
      const seat = s.confirmed.indexOf(event.id);
      if (seat >= 0) {
        s.confirmed.splice(seat, 1);
        return promote(s);
      }
      s.waitlist.splice(s.waitlist.indexOf(event.id), 1);
      return s;
    }
    case 'transfer': {
      if (s.started || !known(event.id) || known(event.to)) return state;
      const seat = s.confirmed.indexOf(event.id);
      if (seat >= 0) s.confirmed[seat] = event.to;
      else s.waitlist[s.waitlist.indexOf(event.id)] = event.to;
      return s;
    }
    case 'capacity':
      if (event.capacity < s.confirmed.length || event.capacity < 1) return state;
      s.capacity = event.capacity;
      return promote(s);
    case 'start':
      s.started = true;
      return s;
  }
}

function promote(s: SeatState): SeatState {
  const n = seatsToPromote(s.capacity - s.confirmed.length, s.waitlist.length, !s.started);
  s.confirmed.push(...s.waitlist.splice(0, n));
  return s;
}

import fc from 'fast-check';
import { applySeatEvent, emptySeatState, SeatEvent, SeatState, seatsToPromote } from './waitlist.rules';

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];
const id = fc.constantFrom(...ids);
const event: fc.Arbitrary<SeatEvent> = fc.oneof(
  { weight: 5, arbitrary: id.map((i) => ({ type: 'register' as const, id: i })) },
  { weight: 3, arbitrary: id.map((i) => ({ type: 'cancel' as const, id: i })) },
  { weight: 1, arbitrary: fc.tuple(id, id).map(([i, to]) => ({ type: 'transfer' as const, id: i, to: to + '2' })) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 8 }).map((capacity) => ({ type: 'capacity' as const, capacity })) },
  { weight: 1, arbitrary: fc.constant({ type: 'start' as const }) },
);

function run(capacity: number, events: SeatEvent[], check: (before: SeatState, e: SeatEvent, after: SeatState, promoted: string[]) => void) {
  let state = emptySeatState(capacity);
  for (const e of events) {
    const { state: next, promoted } = applySeatEvent(state, e);
    check(state, e, next, promoted);
    state = next;
  }
  return state;
}

describe('seatsToPromote', () => {
  it('fills free seats from the queue before the start, never after', () => {
    expect(seatsToPromote(10, 9, 5, true)).toBe(1);
    expect(seatsToPromote(10, 5, 2, true)).toBe(2);
    expect(seatsToPromote(10, 10, 5, true)).toBe(0);
    expect(seatsToPromote(10, 5, 5, false)).toBe(0);
  });
});

describe('waiting-list state machine', () => {
  it('never holds more seats than capacity, under any sequence of events', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(event, { maxLength: 60 }), (capacity, events) => {
        run(capacity, events, (_b, _e, after) => expect(after.confirmed.length).toBeLessThanOrEqual(after.capacity));
      }),
      { numRuns: 500 },
    );
  });

  it('never leaves a seat free while someone waits, before the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(event, { maxLength: 60 }), (capacity, events) => {
        run(capacity, events, (_b, _e, after) => {
          if (!after.started && after.waitlist.length > 0) expect(after.confirmed.length).toBe(after.capacity);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('promotes strictly from the head of the queue, and only when a seat frees or capacity grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(event, { maxLength: 60 }), (capacity, events) => {
        run(capacity, events, (before, e, after, promoted) => {
          expect(promoted).toEqual(before.waitlist.slice(0, promoted.length));
          if (promoted.length > 0) expect(['cancel', 'capacity']).toContain(e.type);
          // A waitlisted cancellation frees no seat.
          if (e.type === 'cancel' && before.waitlist.includes(e.id)) expect(promoted).toEqual([]);
          // Everyone is in at most one place.
          const everyone = [...after.confirmed, ...after.waitlist];
          expect(new Set(everyone).size).toBe(everyone.length);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the queue place on a transfer', () => {
    let s = emptySeatState(1);
    for (const i of ['a', 'b', 'c']) s = applySeatEvent(s, { type: 'register', id: i }).state;
    s = applySeatEvent(s, { type: 'transfer', id: 'b', to: 'x' }).state;
    expect(s.waitlist).toEqual(['x', 'c']);
    const { promoted } = applySeatEvent(s, { type: 'cancel', id: 'a' });
    expect(promoted).toEqual(['x']);
  });
});

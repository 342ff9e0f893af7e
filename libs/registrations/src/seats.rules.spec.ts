import fc from 'fast-check';
import { checkInStep, seatsToPromote } from './seats.rules';

describe('seatsToPromote', () => {
  it('fills free seats from the queue before the start, never after', () => {
    expect(seatsToPromote(1, 5, true)).toBe(1);
    expect(seatsToPromote(5, 2, true)).toBe(2);
    expect(seatsToPromote(0, 5, true)).toBe(0);
    expect(seatsToPromote(5, 5, false)).toBe(0);
  });

  it('never promotes more than the free seats or the people waiting, and leaves no seat free while someone waits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), (free, waiting) => {
        const n = seatsToPromote(free, waiting, true);
        expect(n).toBeLessThanOrEqual(Math.min(free, waiting));
        expect(free - n === 0 || waiting - n === 0).toBe(true);
      }),
    );
  });
});

describe('checkInStep', () => {
  const at = new Date('2030-10-20T09:12:00+02:00');

  it('checks a seat-holder in and keeps the first time on a repeat', () => {
    expect(checkInStep({ status: 'confirmed', checkedInAt: null }, 0, false)).toEqual({ kind: 'check_in' });
    expect(checkInStep({ status: 'confirmed', checkedInAt: at }, 0, false)).toEqual({ kind: 'already_in', at });
  });

  it('lets a waitlisted person take a free seat; when full, only on an explicit over-capacity decision', () => {
    expect(checkInStep({ status: 'waitlisted', checkedInAt: null }, 1, false)).toEqual({ kind: 'take_seat' });
    expect(checkInStep({ status: 'waitlisted', checkedInAt: null }, 0, false)).toEqual({ kind: 'refuse', reason: 'no_free_seat' });
    expect(checkInStep({ status: 'waitlisted', checkedInAt: null }, 0, true)).toEqual({ kind: 'admit_over_capacity' });
  });

  it('never lets a cancelled or transferred registration in, whatever the seats or the decision', () => {
    fc.assert(
      fc.property(fc.constantFrom('cancelled' as const, 'transferred' as const), fc.option(fc.constant(at), { nil: null }), fc.nat(10), fc.boolean(), (status, checkedInAt, free, over) => {
        expect(checkInStep({ status, checkedInAt }, free, over)).toEqual({ kind: 'refuse', reason: status });
      }),
    );
  });
});

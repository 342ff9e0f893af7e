import fc from 'fast-check';
import { capacityRefused, scheduleProblems, seatsLeft } from './conference.rules';

const at = (iso: string) => new Date(iso);
const valid = {
  startsAt: at('2026-10-20T09:00:00+02:00'),
  endsAt: at('2026-10-20T16:00:00+02:00'),
  registrationOpensAt: null,
  registrationDeadline: at('2026-10-06T23:59:59+02:00'),
  modificationDeadline: null,
  cancellationDeadline: at('2026-10-06T23:59:59+02:00'),
};

describe('scheduleProblems', () => {
  it('accepts a real invitation schedule', () => {
    expect(scheduleProblems(valid)).toEqual([]);
  });

  it('names each field at fault', () => {
    const problems = scheduleProblems({
      ...valid,
      endsAt: valid.startsAt,
      registrationDeadline: at('2026-10-21T00:00:00+02:00'),
      cancellationDeadline: at('2026-10-21T00:00:00+02:00'),
      registrationOpensAt: at('2026-10-21T00:00:00+02:00'),
    });
    expect(problems.map((p) => p.field).sort()).toEqual(
      ['cancellationDeadline', 'endsAt', 'registrationDeadline', 'registrationOpensAt'].sort(),
    );
  });

  it('never accepts a deadline after the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (lateBy) => {
        const late = new Date(valid.startsAt.getTime() + lateBy);
        expect(scheduleProblems({ ...valid, registrationDeadline: late }).map((p) => p.field)).toContain('registrationDeadline');
        expect(scheduleProblems({ ...valid, cancellationDeadline: late }).map((p) => p.field)).toContain('cancellationDeadline');
      }),
    );
  });
});

describe('seatsLeft', () => {
  it('is what capacity leaves, and never negative when walk-ins went beyond it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 20_000 }), (capacity, seatsHeld) => {
        const left = seatsLeft({ capacity, seatsHeld });
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left).toBe(seatsHeld <= capacity ? capacity - seatsHeld : 0);
      }),
    );
  });
});

describe('capacityRefused', () => {
  it('lets any change through that does not lower the capacity, also with more seats held than capacity (walk-ins)', () => {
    expect(capacityRefused({ before: 2, after: 2, seatsHeld: 3 })).toBe(false);
    expect(capacityRefused({ before: 2, after: 3, seatsHeld: 5 })).toBe(false);
    expect(capacityRefused({ before: 2, after: 1, seatsHeld: 3 })).toBe(true);
    expect(capacityRefused({ before: 10, after: 5, seatsHeld: 5 })).toBe(false);
  });

  it('refuses exactly a lowered capacity below the seats held', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 2000 }), (before, after, seatsHeld) => {
        const refused = capacityRefused({ before, after, seatsHeld });
        if (after >= before) expect(refused).toBe(false);
        if (after >= seatsHeld) expect(refused).toBe(false);
        if (after < before && after < seatsHeld) expect(refused).toBe(true);
      }),
    );
  });
});

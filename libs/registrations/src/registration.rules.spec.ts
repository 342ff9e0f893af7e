import fc from 'fast-check';
import { cancellationFeeAt, cancellationFeeFor, canModifyDetails, feeOwed, modificationDeadlineOf, registrationWindow } from './registration.rules';

const deadline = new Date('2026-10-06T23:59:59.999+02:00');

describe('registrationWindow', () => {
  it('is open up to and including the deadline, closed after it', () => {
    expect(registrationWindow({ registrationOpensAt: null, registrationDeadline: deadline }, deadline)).toBe('open');
    expect(registrationWindow({ registrationOpensAt: null, registrationDeadline: deadline }, new Date(deadline.getTime() + 1))).toBe('closed');
  });

  it('is not open before the opening time', () => {
    const opens = new Date('2026-09-01T09:00:00+02:00');
    expect(registrationWindow({ registrationOpensAt: opens, registrationDeadline: deadline }, new Date(opens.getTime() - 1))).toBe('not_open_yet');
    expect(registrationWindow({ registrationOpensAt: opens, registrationDeadline: deadline }, opens)).toBe('open');
  });

  it('is never open after the deadline, whatever the time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 11 }), (after) => {
        expect(registrationWindow({ registrationOpensAt: null, registrationDeadline: deadline }, new Date(deadline.getTime() + after))).toBe('closed');
      }),
    );
  });
});

describe('fees', () => {
  const terms = {
    cancellationDeadline: new Date('2026-10-06T23:59:59.999+02:00'),
    cancellationFee: 40000,
    endsAt: new Date('2026-10-20T16:00:00+02:00'),
  };
  const instant = fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2027-12-31') }).map((t) => new Date(t));

  it('never charges a cancellation on or before the deadline, always after it', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 10_000_000 }), (now, fee) => {
        const charged = cancellationFeeAt({ ...terms, cancellationFee: fee }, now);
        expect(charged).toBe(now <= terms.cancellationDeadline ? 0 : fee);
      }),
    );
  });

  it('charges no-shows once the conference has ended, never those who came', () => {
    const seat = { status: 'confirmed' as const, fee: 0, feeWaivedAt: null, checkedInAt: null };
    expect(feeOwed(seat, terms, new Date('2026-10-20T15:59:59+02:00'))).toBe(0);
    expect(feeOwed(seat, terms, terms.endsAt)).toBe(40000);
    expect(feeOwed({ ...seat, checkedInAt: new Date('2026-10-20T09:01:00+02:00') }, terms, terms.endsAt)).toBe(0);
  });

  it('owes nothing once waived, whatever happened', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom('confirmed', 'waitlisted', 'cancelled', 'transferred' as const), fc.integer({ min: 0, max: 100000 }), (now, status, fee) => {
        expect(feeOwed({ status, fee, feeWaivedAt: new Date(0), checkedInAt: null }, terms, now)).toBe(0);
      }),
    );
  });
});

describe('cancellationFeeFor and modification', () => {
  const terms = { cancellationDeadline: new Date('2026-10-06T23:59:59.999+02:00'), cancellationFee: 40000, endsAt: new Date('2026-10-20T16:00:00+02:00') };
  const instant = fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2027-12-31') }).map((t) => new Date(t));

  it('never charges for giving up a place on the waiting list', () => {
    fc.assert(fc.property(instant, (now) => expect(cancellationFeeFor('waitlisted', terms, now)).toBe(0)));
  });

  it('charges a seat-holder exactly when past the deadline', () => {
    fc.assert(
      fc.property(instant, (now) => expect(cancellationFeeFor('confirmed', terms, now) > 0).toBe(now > terms.cancellationDeadline)),
    );
  });

  it('defaults the modification deadline to the registration deadline', () => {
    const registrationDeadline = new Date('2026-10-06T23:59:59+02:00');
    expect(modificationDeadlineOf({ registrationDeadline, modificationDeadline: null })).toEqual(registrationDeadline);
    expect(canModifyDetails({ registrationDeadline, modificationDeadline: null }, new Date(registrationDeadline.getTime() + 1))).toBe(false);
    const later = new Date('2026-10-15T12:00:00+02:00');
    expect(canModifyDetails({ registrationDeadline, modificationDeadline: later }, new Date('2026-10-10T12:00:00+02:00'))).toBe(true);
  });
});

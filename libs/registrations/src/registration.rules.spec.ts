import fc from 'fast-check';
import {
  Actor,
  dietConsentMissing,
  cancellationFeeFor,
  cancellationQuote,
  canModifyDetails,
  canWaiveFee,
  confirmsFee,
  detailsChangeRefusal,
  feeOwed,
  isReminderDue,
  modificationDeadlineOf,
  registrationWindow,
  Status,
  transferRefusal,
} from './registration.rules';

const deadline = new Date('2026-10-06T23:59:59.999+02:00');
const terms = {
  cancellationDeadline: deadline,
  cancellationFee: 40000,
  startsAt: new Date('2026-10-20T09:00:00+02:00'),
  endsAt: new Date('2026-10-20T16:00:00+02:00'),
};
const instant = fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2027-12-31') }).map((t) => new Date(t));
const status = fc.constantFrom<Status>('confirmed', 'waitlisted', 'cancelled', 'transferred');
const actor = fc.constantFrom<Actor>('participant', 'organiser');
const fee = fc.integer({ min: 0, max: 10_000_000 });

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

describe('the cancellation fee', () => {
  it('is free on the deadline itself and the whole fee one millisecond later', () => {
    expect(cancellationFeeFor('confirmed', terms, deadline)).toBe(0);
    expect(cancellationFeeFor('confirmed', terms, new Date(deadline.getTime() + 1))).toBe(40000);
  });

  it('never falls as time passes: once charged, waiting longer never makes it cheaper', () => {
    fc.assert(
      fc.property(instant, instant, fee, (a, b, amount) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        const t = { ...terms, cancellationFee: amount };
        expect(cancellationFeeFor('confirmed', t, earlier)).toBeLessThanOrEqual(cancellationFeeFor('confirmed', t, later));
      }),
    );
  });

  it('is either nothing or the whole fee, never a part of it or more', () => {
    fc.assert(fc.property(instant, fee, status, (now, amount, s) => expect([0, amount]).toContain(cancellationFeeFor(s, { ...terms, cancellationFee: amount }, now))));
  });

  it('is zero for the waiting list, whenever and whoever cancels', () => {
    fc.assert(
      fc.property(instant, fee, actor, (now, amount, by) => {
        const quote = cancellationQuote('waitlisted', { ...terms, cancellationFee: amount }, now, by);
        if (quote.refusal === null) expect(quote.fee).toBe(0);
      }),
    );
  });

  it('does not depend on who cancels: when both may, participant and organiser are quoted the same fee', () => {
    fc.assert(
      fc.property(instant, fee, status, (now, amount, s) => {
        const t = { ...terms, cancellationFee: amount };
        const [participant, organiser] = [cancellationQuote(s, t, now, 'participant'), cancellationQuote(s, t, now, 'organiser')];
        if (participant.refusal === null && organiser.refusal === null) expect(participant.fee).toBe(organiser.fee);
        // Whatever a participant may do, an organiser may do too.
        if (participant.refusal === null) expect(organiser.refusal).toBeNull();
      }),
    );
  });

  it('lets participants cancel until the start and organisers also after it; never twice, never a transferred one', () => {
    const started = terms.startsAt;
    expect(cancellationQuote('confirmed', terms, new Date(started.getTime() - 1), 'participant').refusal).toBeNull();
    expect(cancellationQuote('confirmed', terms, started, 'participant').refusal).toBe('conference_started');
    expect(cancellationQuote('confirmed', terms, started, 'organiser')).toEqual({ refusal: null, fee: 40000 });
    fc.assert(
      fc.property(instant, actor, (now, by) => {
        expect(cancellationQuote('cancelled', terms, now, by).refusal).toBe('already_cancelled');
        expect(cancellationQuote('transferred', terms, now, by).refusal).toBe('not_found');
      }),
    );
  });

  it('needs a fresh confirmation when the fee differs from the one shown, none without an expectation', () => {
    fc.assert(
      fc.property(fee, fee, (shown, now) => {
        expect(confirmsFee(shown, now)).toBe(shown === now);
        expect(confirmsFee(undefined, now)).toBe(true);
      }),
    );
  });
});

describe('fees owed and waivers', () => {
  const seat = { status: 'confirmed' as const, fee: 0, feeWaivedAt: null, checkedInAt: null };

  it('charges no-shows once the conference has ended, never those who came', () => {
    expect(feeOwed(seat, terms, new Date('2026-10-20T15:59:59+02:00'))).toBe(0);
    expect(feeOwed(seat, terms, terms.endsAt)).toBe(40000);
    expect(feeOwed({ ...seat, checkedInAt: new Date('2026-10-20T09:01:00+02:00') }, terms, terms.endsAt)).toBe(0);
  });

  it('owes nothing once waived, whatever happened', () => {
    fc.assert(
      fc.property(instant, status, fee, (now, s, amount) => {
        expect(feeOwed({ status: s, fee: amount, feeWaivedAt: new Date(0), checkedInAt: null }, terms, now)).toBe(0);
      }),
    );
  });

  it('can waive exactly what is or may become owed: a late cancellation, or a seat-holder who has not come', () => {
    expect(canWaiveFee({ ...seat, status: 'cancelled', fee: 40000 })).toBe(true);
    expect(canWaiveFee({ ...seat, status: 'cancelled', fee: 0 })).toBe(false);
    expect(canWaiveFee(seat)).toBe(true);
    expect(canWaiveFee({ ...seat, checkedInAt: new Date() })).toBe(false);
    expect(canWaiveFee({ ...seat, status: 'waitlisted' })).toBe(false);
    expect(canWaiveFee({ ...seat, status: 'transferred' })).toBe(false);
    // Whatever is owed at any time can be waived.
    fc.assert(
      fc.property(instant, status, fee, fc.option(instant, { nil: null }), (now, s, amount, checkedInAt) => {
        const r = { status: s, fee: s === 'cancelled' ? amount : 0, feeWaivedAt: null, checkedInAt };
        if (feeOwed(r, terms, now) > 0) expect(canWaiveFee(r)).toBe(true);
      }),
    );
  });
});

describe('changes: details, transfers', () => {
  const registrationDeadline = new Date('2026-10-06T23:59:59+02:00');

  it('defaults the modification deadline to the registration deadline', () => {
    expect(modificationDeadlineOf({ registrationDeadline, modificationDeadline: null })).toEqual(registrationDeadline);
    expect(canModifyDetails({ registrationDeadline, modificationDeadline: null }, new Date(registrationDeadline.getTime() + 1))).toBe(false);
    const later = new Date('2026-10-15T12:00:00+02:00');
    expect(canModifyDetails({ registrationDeadline, modificationDeadline: later }, new Date('2026-10-10T12:00:00+02:00'))).toBe(true);
  });

  it('lets only active registrations change details, and only until the deadline', () => {
    const c = { registrationDeadline, modificationDeadline: null };
    const before = new Date('2026-10-01T12:00:00+02:00');
    expect(detailsChangeRefusal('confirmed', c, before)).toBeNull();
    expect(detailsChangeRefusal('waitlisted', c, before)).toBeNull();
    expect(detailsChangeRefusal('cancelled', c, before)).toBe('not_active');
    expect(detailsChangeRefusal('confirmed', c, new Date(registrationDeadline.getTime() + 1))).toBe('modification_closed');
  });

  it('allows a transfer exactly when a participant could cancel instead', () => {
    fc.assert(
      fc.property(instant, status, (now, s) => {
        const cancel = cancellationQuote(s, terms, now, 'participant');
        expect(transferRefusal(s, terms, now)).toBe(cancel.refusal);
      }),
    );
  });
});

describe('isReminderDue', () => {
  it('is due within the days before the start, never before them and never once started', () => {
    const c = { startsAt: terms.startsAt };
    expect(isReminderDue(c, new Date('2026-10-16T08:59:59+02:00'), 3)).toBe(false);
    expect(isReminderDue(c, new Date('2026-10-17T09:00:00+02:00'), 3)).toBe(true);
    expect(isReminderDue(c, terms.startsAt, 3)).toBe(false);
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 14 }), (now, days) => {
        if (isReminderDue(c, now, days)) {
          expect(now.getTime()).toBeLessThan(c.startsAt.getTime());
          // Due now, due later too (until the start): a missed round is caught up by the next.
          const later = new Date(Math.min(now.getTime() + 3_600_000, c.startsAt.getTime() - 1));
          expect(isReminderDue(c, later, days)).toBe(true);
        }
      }),
    );
  });
});

describe('dietConsentMissing', () => {
  const withText = fc.string().filter((d) => d.trim() !== '');
  it('never asks for consent when there is no diet, whatever was ticked', () => {
    fc.assert(fc.property(fc.constantFrom(undefined, null, '', '  ', '\t'), fc.constantFrom(undefined, true, false, 'true'), (diet, consent) => !dietConsentMissing(diet, consent)));
  });
  it('refuses any diet without an explicit yes, and accepts it with one (JSON true or the checkbox value)', () => {
    fc.assert(fc.property(withText, fc.constantFrom(undefined, null, false, 'false', 'on', 1), (diet, consent) => dietConsentMissing(diet, consent)));
    fc.assert(fc.property(withText, fc.constantFrom(true, 'true'), (diet, consent) => !dietConsentMissing(diet, consent)));
  });
});

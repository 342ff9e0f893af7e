import fc from 'fast-check';
import { getMetadataArgsStorage } from 'typeorm';
import { normaliseCheckInCode } from '../check-in/check-in-code';
import { Registration } from '../registration.entity';
import { cancellationQuote } from '../registration.rules';
import {
  anonymise,
  anonymisationDueAt,
  CLEARED_ON_ANONYMISATION,
  erasedEmail,
  erasedName,
  erasurePlan,
  isAnonymisationDue,
  KEPT_ON_ANONYMISATION,
} from './anonymisation.rules';

const date = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true });
/** Personal values carry a marker no anonymised column can contain (ids are hex, placeholders are words). */
const personal = fc.string({ maxLength: 30 }).map((s) => `ZQX${s}`);

const registration = fc.record({
  id: fc.uuid(),
  conferenceId: fc.uuid(),
  status: fc.constantFrom('confirmed', 'waitlisted', 'cancelled', 'transferred' as const),
  source: fc.constantFrom('public', 'organiser', 'walk_in', 'transfer' as const),
  name: personal,
  email: personal,
  phone: fc.option(personal, { nil: null }),
  organisation: fc.string(),
  sector: fc.constantFrom('civil_society', 'municipality', 'region', 'business' as const),
  isPolitician: fc.boolean(),
  politicalParty: fc.option(fc.string(), { nil: null }),
  isVolunteer: fc.boolean(),
  diet: fc.option(personal, { nil: null }),
  dietConsentAt: fc.option(date, { nil: null }),
  workshopPreferences: fc.array(fc.uuid(), { maxLength: 3 }),
  language: fc.constantFrom('sv', 'en' as const),
  manageTokenHash: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
  createdAt: date,
  confirmedAt: fc.option(date, { nil: null }),
  waitlistedAt: fc.option(date, { nil: null }),
  waitlistOrder: fc.option(fc.bigInt({ min: 1n, max: 10n ** 12n }).map(String), { nil: null }),
  cancelledAt: fc.option(date, { nil: null }),
  reminderSentAt: fc.option(date, { nil: null }),
  fee: fc.nat(100_000),
  feeWaivedAt: fc.option(date, { nil: null }),
  feeWaiverReason: fc.option(personal, { nil: null }),
  checkedInAt: fc.option(date, { nil: null }),
  transferredFromId: fc.option(fc.uuid(), { nil: null }),
  checkInCode: fc.constant('K7QM3XPD9RTA'),
  anonymisedAt: fc.option(date, { nil: null }),
});

describe('anonymise', () => {
  it('classifies every column of a registration as kept or cleared, so a new column needs a decision', () => {
    const columns = getMetadataArgsStorage()
      .columns.filter((c) => c.target === Registration)
      .map((c) => c.propertyName);
    const decided = new Set<string>([...KEPT_ON_ANONYMISATION, ...CLEARED_ON_ANONYMISATION, 'anonymisedAt', 'updatedAt']);
    expect(columns.filter((c) => !decided.has(c))).toEqual([]);
  });

  it('keeps what summaries and fees need, exactly', () => {
    fc.assert(
      fc.property(registration, date, (r, now) => {
        const after = { ...r, ...anonymise(r, now) };
        for (const column of KEPT_ON_ANONYMISATION) expect(after[column]).toEqual(r[column]);
      }),
    );
  });

  it('leaves nothing of the name, e-mail, phone, diet or waiver reason: the result depends only on the id, the language and when', () => {
    fc.assert(
      fc.property(registration, registration, date, (r, other, now) => {
        const cleared = anonymise(r, now);
        expect(JSON.stringify(cleared)).not.toContain('ZQX');
        expect(anonymise({ ...other, id: r.id, language: r.language, anonymisedAt: r.anonymisedAt }, now)).toEqual(cleared);
        expect(cleared).toMatchObject({ name: erasedName(r.language), phone: null, diet: null, dietConsentAt: null, feeWaiverReason: null });
      }),
    );
  });

  it('is idempotent and remembers when it first happened', () => {
    fc.assert(
      fc.property(registration, date, date, (r, first, later) => {
        const once = { ...r, ...anonymise(r, first) };
        expect({ ...once, ...anonymise(once, later) }).toEqual(once);
        expect(once.anonymisedAt).toEqual(r.anonymisedAt ?? first);
      }),
    );
  });

  it('gives each registration its own undeliverable address, and secrets that no link or typed code can match', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), date, (a, b, now) => {
        fc.pre(a !== b);
        const x = anonymise({ id: a, language: 'sv', anonymisedAt: null }, now);
        const y = anonymise({ id: b, language: 'en', anonymisedAt: null }, now);
        expect(x.email).not.toBe(y.email);
        expect(x.email).toMatch(/@invalid$/);
        expect(x.manageTokenHash).not.toMatch(/^[0-9a-f]{64}$/);
        expect(normaliseCheckInCode(x.checkInCode)).not.toBe(x.checkInCode);
        expect(x.checkInCode).not.toBe(y.checkInCode);
      }),
    );
    expect(erasedEmail('4b0c2a1e-0000-4000-8000-000000000000')).toBe('erased-4b0c2a1e-0000-4000-8000-000000000000@invalid');
  });
});

describe('erasurePlan', () => {
  const terms = {
    startsAt: new Date('2030-10-20T07:00:00Z'),
    endsAt: new Date('2030-10-20T14:00:00Z'),
    cancellationDeadline: new Date('2030-10-06T21:59:59Z'),
    cancellationFee: 40000,
  };
  const status = fc.constantFrom('confirmed', 'waitlisted', 'cancelled', 'transferred' as const);
  const actor = fc.constantFrom('participant', 'organiser' as const);
  const around = fc.date({ min: new Date('2030-09-01T00:00:00Z'), max: new Date('2030-11-30T00:00:00Z'), noInvalidDate: true });

  it('cancels first exactly an active registration before the start, at the fee a cancellation would cost', () => {
    fc.assert(
      fc.property(status, around, actor, (s, now, by) => {
        const plan = erasurePlan(s, terms, now, by);
        const active = s === 'confirmed' || s === 'waitlisted';
        expect(plan.cancelFirst).toBe(active && now < terms.startsAt);
        const quote = cancellationQuote(s, terms, now, by);
        expect(plan.fee).toBe(plan.cancelFirst ? quote.fee : 0);
      }),
    );
  });

  it('charges the late-cancellation fee to a seat-holder after the deadline, nothing on the waiting list or before it', () => {
    const late = new Date('2030-10-10T10:00:00Z');
    expect(erasurePlan('confirmed', terms, late, 'participant')).toEqual({ cancelFirst: true, fee: 40000 });
    expect(erasurePlan('waitlisted', terms, late, 'participant')).toEqual({ cancelFirst: true, fee: 0 });
    expect(erasurePlan('confirmed', terms, new Date('2030-10-01T10:00:00Z'), 'participant')).toEqual({ cancelFirst: true, fee: 0 });
    expect(erasurePlan('confirmed', terms, new Date('2030-10-20T12:00:00Z'), 'participant')).toEqual({ cancelFirst: false, fee: 0 });
  });
});

describe('anonymisation after the retention period', () => {
  it('falls due exactly retentionDays after the end, and stays due', () => {
    fc.assert(
      fc.property(date, fc.nat(3650), fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), (endsAt, days, offset) => {
        const dueAt = anonymisationDueAt({ endsAt }, days);
        expect(dueAt.getTime() - endsAt.getTime()).toBe(days * 86_400_000);
        expect(isAnonymisationDue({ endsAt }, new Date(dueAt.getTime() + offset), days)).toBe(offset >= 0);
      }),
    );
  });
});

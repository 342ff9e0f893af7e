import fc from 'fast-check';
import { Sector, SECTORS } from '@dialogdag/shared';
import { eligibility, EligibilityFacts } from './eligibility.rules';
import { TravelPolicy } from './travel-policy';

const policy: TravelPolicy = {
  minRoundTripKm: 100,
  requestDeadline: new Date('2030-12-10T22:59:59.999Z'),
  ratePerKm: 250,
  budget: 2_000_000,
  publicTransportAtCost: true,
  lostEarningsAllowed: false,
  lostEarningsCap: 0,
  fixedFee: 0,
};

const volunteer: EligibilityFacts = {
  policy,
  claimant: { status: 'confirmed', isVolunteer: true, sector: 'civil_society' },
  roundTripKm: 240,
  now: new Date('2030-10-21T10:00:00Z'),
  ownClaim: null,
  passengerOf: null,
};

const codes = (facts: EligibilityFacts) => {
  const result = eligibility(facts);
  return result.eligible ? [] : result.reasons.map((r) => r.code);
};

describe('eligibility', () => {
  it('lets a seat-holding volunteer of a civil-society organisation claim a long enough journey in time', () => {
    expect(eligibility(volunteer)).toEqual({ eligible: true });
    expect(eligibility({ ...volunteer, roundTripKm: 100 })).toEqual({ eligible: true });
  });

  it('refuses a 60 km journey, saying the minimum and the distance in both languages', () => {
    const result = eligibility({ ...volunteer, roundTripKm: 60 });
    expect(result.eligible).toBe(false);
    if (result.eligible) return;
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0].code).toBe('below_minimum');
    expect(result.reasons[0].text.sv).toBe('Resan måste vara minst 100 km tur och retur; du har angett 60 km.');
    expect(result.reasons[0].text.en).toBe('The journey must be at least 100 km there and back; you gave 60 km.');
  });

  it('refuses a municipal official who is no volunteer, giving both reasons', () => {
    const result = eligibility({ ...volunteer, claimant: { status: 'confirmed', isVolunteer: false, sector: 'municipality' } });
    expect(result.eligible).toBe(false);
    if (result.eligible) return;
    expect(result.reasons.map((r) => r.code)).toEqual(['not_volunteer', 'not_civil_society']);
    expect(result.reasons[1].text.sv).toContain('”Kommun eller stadsdel”');
  });

  it('names the deadline, an existing claim, the driver and a missing seat', () => {
    const late = eligibility({ ...volunteer, now: new Date('2030-12-11T00:00:00+01:00') });
    expect(late.eligible === false && late.reasons[0].text.sv).toBe('Sista dag för att söka reseersättning var 10 december 2030 kl. 23:59.');
    expect(codes({ ...volunteer, ownClaim: { reference: 'RE-00012' } })).toEqual(['already_claimed']);
    const passenger = eligibility({ ...volunteer, passengerOf: { driverName: 'Anna Berg' } });
    expect(passenger.eligible === false && passenger.reasons[0].text.en).toContain('You travel with Anna Berg');
    expect(codes({ ...volunteer, claimant: { ...volunteer.claimant, status: 'waitlisted' } })).toEqual(['no_seat']);
    expect(codes({ ...volunteer, policy: null })).toEqual(['no_policy']);
  });

  it('leaves the distance out until one is given', () => {
    expect(eligibility({ ...volunteer, roundTripKm: null })).toEqual({ eligible: true });
  });

  describe('properties', () => {
    const facts = fc.record({
      status: fc.constantFrom('confirmed', 'waitlisted', 'cancelled', 'transferred'),
      isVolunteer: fc.boolean(),
      sector: fc.constantFrom<Sector>(...SECTORS),
      km: fc.double({ min: 0, max: 5000, noNaN: true }),
      min: fc.integer({ min: 0, max: 1000 }),
      deadline: fc.date({ min: new Date('2030-01-01'), max: new Date('2031-01-01'), noInvalidDate: true }),
      now: fc.date({ min: new Date('2030-01-01'), max: new Date('2031-01-01'), noInvalidDate: true }),
      hasClaim: fc.boolean(),
      isPassenger: fc.boolean(),
    });
    type Drawn = typeof facts extends fc.Arbitrary<infer T> ? T : never;
    const toFacts = (f: Drawn): EligibilityFacts => ({
      policy: { ...policy, minRoundTripKm: f.min, requestDeadline: f.deadline },
      claimant: { status: f.status, isVolunteer: f.isVolunteer, sector: f.sector },
      roundTripKm: f.km,
      now: f.now,
      ownClaim: f.hasClaim ? { reference: 'RE-00001' } : null,
      passengerOf: f.isPassenger ? { driverName: 'Driver' } : null,
    });

    it('never lets a journey below the threshold, a late claim, a non-volunteer or another sector through', () => {
      fc.assert(
        fc.property(facts, (f) => {
          const result = eligibility(toFacts(f));
          if (f.km < f.min || f.now > f.deadline || !f.isVolunteer || f.sector !== 'civil_society') expect(result.eligible).toBe(false);
        }),
      );
    });

    it('is eligible exactly when every condition holds, and then gives no reason', () => {
      fc.assert(
        fc.property(facts, (f) => {
          const all = f.status === 'confirmed' && f.isVolunteer && f.sector === 'civil_society' && f.km >= f.min && f.now <= f.deadline && !f.hasClaim && !f.isPassenger;
          const result = eligibility(toFacts(f));
          expect(result.eligible).toBe(all);
          if (!result.eligible) for (const r of result.reasons) expect(r.text.sv.length * r.text.en.length).toBeGreaterThan(0);
        }),
      );
    });
  });
});

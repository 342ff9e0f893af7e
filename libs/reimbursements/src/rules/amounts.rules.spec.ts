import fc from 'fast-check';
import { claimAmounts, distanceAmount, Journey } from './amounts.rules';
import { TravelPolicy } from './travel-policy';

const policy: TravelPolicy = {
  minRoundTripKm: 100,
  requestDeadline: new Date('2030-12-10T22:59:59Z'),
  ratePerKm: 250,
  budget: 2_000_000,
  publicTransportAtCost: true,
  lostEarningsAllowed: true,
  lostEarningsCap: 150_000,
  fixedFee: 0,
};
const car: Journey = { mode: 'car', roundTripKm: 240, ticketCost: null, lostEarnings: 0, passengers: ['a', 'b'] };

describe('claim amounts', () => {
  it('pays a 240 km car journey at 250 öre/km as SEK 600, once for the car', () => {
    expect(claimAmounts(policy, car)).toEqual({ travel: 60_000, lostEarnings: 0, fixedFee: 0, total: 60_000, lostEarningsCapped: false });
  });

  it('rounds km × rate to the nearest öre, halves up', () => {
    expect(distanceAmount(240.5, 333)).toBe(80_087); // 80 086.5
    expect(distanceAmount(100.1, 5)).toBe(501); // 500.5
    expect(distanceAmount(100.3, 3)).toBe(301); // 300.9
    expect(distanceAmount(100.1, 1)).toBe(100); // 100.1
    expect(distanceAmount(0.1, 0)).toBe(0);
  });

  it('pays public transport at the ticket cost, or per km when the policy says so', () => {
    const train: Journey = { mode: 'public_transport', roundTripKm: 300, ticketCost: 45_950, lostEarnings: 0, passengers: [] };
    expect(claimAmounts(policy, train).total).toBe(45_950);
    expect(claimAmounts({ ...policy, publicTransportAtCost: false }, train).total).toBe(75_000);
  });

  it('caps lost earnings, pays none where the policy does not, and adds the fixed fee', () => {
    const withEarnings = { ...car, lostEarnings: 200_000 };
    expect(claimAmounts({ ...policy, fixedFee: 50_000 }, withEarnings)).toEqual({
      travel: 60_000, lostEarnings: 150_000, fixedFee: 50_000, total: 260_000, lostEarningsCapped: true,
    });
    expect(claimAmounts({ ...policy, lostEarningsAllowed: false }, withEarnings).lostEarnings).toBe(0);
    expect(claimAmounts(policy, { ...car, lostEarnings: 80_000 }).lostEarnings).toBe(80_000);
  });

  describe('properties', () => {
    const policies = fc.record({
      minRoundTripKm: fc.integer({ min: 0, max: 1000 }),
      requestDeadline: fc.constant(new Date('2030-12-10T22:59:59Z')),
      ratePerKm: fc.integer({ min: 0, max: 100_000 }),
      budget: fc.integer({ min: 0, max: 2_000_000_000 }),
      publicTransportAtCost: fc.boolean(),
      lostEarningsAllowed: fc.boolean(),
      lostEarningsCap: fc.integer({ min: -1000, max: 2_000_000_000 }),
      fixedFee: fc.integer({ min: -1000, max: 2_000_000_000 }),
    });
    const journeys = fc.record({
      mode: fc.constantFrom<Journey['mode']>('car', 'public_transport'),
      roundTripKm: fc.integer({ min: 0, max: 100_000 }).map((tenths) => tenths / 10),
      ticketCost: fc.option(fc.integer({ min: -1000, max: 10_000_000 }), { nil: null }),
      lostEarnings: fc.integer({ min: -1000, max: 10_000_000 }),
      passengers: fc.array(fc.uuid(), { maxLength: 8 }),
    });

    it('gives a car the same amount however many passengers it carries', () => {
      fc.assert(
        fc.property(policies, journeys, fc.array(fc.uuid(), { maxLength: 8 }), (p, j, others) => {
          const asCar = { ...j, mode: 'car' as const };
          expect(claimAmounts(p, { ...asCar, passengers: others })).toEqual(claimAmounts(p, { ...asCar, passengers: [] }));
        }),
      );
    });

    it('is never negative, always whole öre, and the total is the sum of its parts', () => {
      fc.assert(
        fc.property(policies, journeys, (p, j) => {
          const a = claimAmounts(p, j);
          for (const part of [a.travel, a.lostEarnings, a.fixedFee, a.total]) {
            expect(Number.isSafeInteger(part)).toBe(true);
            expect(part).toBeGreaterThanOrEqual(0);
          }
          expect(a.total).toBe(a.travel + a.lostEarnings + a.fixedFee);
          expect(a.lostEarnings).toBeLessThanOrEqual(Math.max(0, p.lostEarningsCap));
        }),
      );
    });

    it('never pays a car less for a longer journey, and is within half an öre of km × rate', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (a, b, rate) => {
          const [short, long] = a <= b ? [a / 10, b / 10] : [b / 10, a / 10];
          expect(distanceAmount(short, rate)).toBeLessThanOrEqual(distanceAmount(long, rate));
          expect(Math.abs(distanceAmount(long, rate) - long * rate)).toBeLessThanOrEqual(0.5 + 1e-6);
        }),
      );
    });
  });
});

import { claimInputProblems, ClaimInput, parseKm } from './claim-input.rules';
import { TravelPolicy } from './travel-policy';

const policy = { publicTransportAtCost: true, lostEarningsAllowed: false } as TravelPolicy;
const car: ClaimInput = { fromPlace: 'Kalmar', roundTripKm: 240, mode: 'car', passengers: ['p1'], ticketCost: null, lostEarnings: 0, lostEarningsDescription: null };
const fields = (input: ClaimInput, p: TravelPolicy = policy) => claimInputProblems(p, input, 'me', 'en').map((x) => x.field);

describe('claim input taken together', () => {
  it('accepts a car with passengers', () => expect(fields(car)).toEqual([]));

  it('keeps tickets to public transport and passengers to cars', () => {
    expect(fields({ ...car, ticketCost: 100 })).toEqual(['ticketCost']);
    expect(fields({ ...car, mode: 'public_transport' })).toEqual(['passengers', 'ticketCost']);
    expect(fields({ ...car, mode: 'public_transport', passengers: [], ticketCost: 45_000 })).toEqual([]);
    expect(fields({ ...car, mode: 'public_transport', passengers: [] }, { ...policy, publicTransportAtCost: false })).toEqual([]);
  });

  it('refuses repeated passengers, the driver as a passenger and too many', () => {
    expect(fields({ ...car, passengers: ['p1', 'p1'] })).toEqual(['passengers']);
    expect(fields({ ...car, passengers: ['me'] })).toEqual(['passengers']);
    expect(fields({ ...car, passengers: Array.from({ length: 9 }, (_, i) => `p${i}`) })).toEqual(['passengers']);
  });

  it('wants lost earnings allowed by the policy and described', () => {
    expect(fields({ ...car, lostEarnings: 100 })).toEqual(['lostEarnings']);
    expect(fields({ ...car, lostEarnings: 100 }, { ...policy, lostEarningsAllowed: true })).toEqual(['lostEarningsDescription']);
    expect(fields({ ...car, lostEarnings: 100, lostEarningsDescription: 'Half a day' }, { ...policy, lostEarningsAllowed: true })).toEqual([]);
  });

  it('wants a place and a distance with one decimal at most', () => {
    expect(fields({ ...car, fromPlace: ' ', roundTripKm: 240.25 })).toEqual(['fromPlace', 'roundTripKm']);
  });
});

describe('km as typed', () => {
  it('reads whole km and one decimal with a comma or a point', () => {
    expect(parseKm('240')).toBe(240);
    expect(parseKm('240,5 km')).toBe(240.5);
    expect(parseKm('1 240.5')).toBe(1240.5);
    for (const text of ['', '-5', '240,55', 'långt']) expect(parseKm(text)).toBeNull();
  });
});

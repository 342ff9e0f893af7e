import { summarise, SummaryClaim } from './summary.rules';

const claim = (o: Partial<SummaryClaim>): SummaryClaim => ({
  id: Math.random().toString(36), status: 'submitted', paidOn: null, approvedAmount: null, mode: 'car', roundTripKm: 240,
  computedAmount: 60_000, passengerCount: 0, organisation: 'Studieförbundet', ...o,
});

describe('summary for the report', () => {
  it('counts claims, money, km and car-sharing, per organisation', () => {
    const s = summarise([
      claim({ status: 'approved', approvedAmount: 60_000, paidOn: '2030-12-20', passengerCount: 2, roundTripKm: 240.1 }),
      claim({ status: 'adjusted', approvedAmount: 40_000, passengerCount: 0, roundTripKm: 160.2, organisation: ' studieförbundet ' }),
      claim({ status: 'rejected', roundTripKm: 500, organisation: 'Hyresgästföreningen' }),
      claim({ mode: 'public_transport', roundTripKm: 300, computedAmount: 45_000, organisation: 'Hyresgästföreningen' }),
      claim({ status: 'withdrawn', organisation: 'Gone' }),
    ]);
    expect(s).toMatchObject({
      claims: 4,
      byStage: { new: 1, approved: 0, adjusted: 1, rejected: 1, paid: 1, withdrawn: 1 },
      requestedTotal: 225_000,
      approvedTotal: 100_000,
      paidTotal: 60_000,
      kmDriven: 400.3,
      cars: 2,
      passengers: 2,
      peoplePerCar: 2,
      carsWithPassengers: 1,
      carSharingShare: 0.5,
    });
    expect(s.byOrganisation).toEqual([
      { organisation: 'Studieförbundet', claims: 2, approvedTotal: 100_000, paidTotal: 60_000, kmDriven: 400.3 },
      { organisation: 'Hyresgästföreningen', claims: 2, approvedTotal: 0, paidTotal: 0, kmDriven: 0 },
    ]);
  });

  it('gives zeros, not NaN, without claims', () => {
    expect(summarise([])).toMatchObject({ claims: 0, peoplePerCar: 0, carSharingShare: 0, byOrganisation: [] });
  });
});

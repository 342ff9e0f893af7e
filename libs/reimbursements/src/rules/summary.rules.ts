import type { Ore } from '@dialogdag/shared';
import { budgetState, BudgetClaim, ClaimStage, stageOf } from './claim-state.rules';
import type { TravelMode } from './travel-policy';

export interface SummaryClaim extends BudgetClaim {
  mode: TravelMode;
  roundTripKm: number;
  computedAmount: Ore;
  passengerCount: number;
  organisation: string;
}

export interface OrganisationTotals {
  organisation: string;
  claims: number;
  approvedTotal: Ore;
  paidTotal: Ore;
  kmDriven: number;
}

export interface TravelClaimSummary {
  /** Claims not withdrawn. */
  claims: number;
  byStage: Record<ClaimStage, number>;
  /** Computed amounts of the claims not withdrawn. */
  requestedTotal: Ore;
  approvedTotal: Ore;
  paidTotal: Ore;
  /** Round-trip km of the car claims neither withdrawn nor rejected. */
  kmDriven: number;
  cars: number;
  passengers: number;
  /** Drivers and passengers per car, two decimals; 0 without cars. */
  peoplePerCar: number;
  carsWithPassengers: number;
  /** Share of cars that carried passengers, 0–1, three decimals. */
  carSharingShare: number;
  byOrganisation: OrganisationTotals[];
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
/** Sums km in tenths so that 0.1 + 0.2 stays 0.3. */
const tenths = (km: number) => Math.round(km * 10);

/** The figures for the report to the steering group. Organisations differing only in case or surrounding space count as one. */
export function summarise(claims: readonly SummaryClaim[]): TravelClaimSummary {
  const byStage: Record<ClaimStage, number> = { new: 0, approved: 0, adjusted: 0, rejected: 0, paid: 0, withdrawn: 0 };
  const live = claims.filter((c) => c.status !== 'withdrawn');
  for (const c of claims) byStage[stageOf(c)]++;
  const budget = budgetState(0, live);
  const cars = live.filter((c) => c.mode === 'car' && c.status !== 'rejected');
  const passengers = cars.reduce((sum, c) => sum + c.passengerCount, 0);
  const carsWithPassengers = cars.filter((c) => c.passengerCount > 0).length;
  const organisations = new Map<string, { totals: OrganisationTotals; kmTenths: number; claims: SummaryClaim[] }>();
  for (const c of live) {
    const key = c.organisation.trim().toLowerCase();
    const entry = organisations.get(key) ?? {
      totals: { organisation: c.organisation.trim(), claims: 0, approvedTotal: 0, paidTotal: 0, kmDriven: 0 },
      kmTenths: 0,
      claims: [],
    };
    entry.claims.push(c);
    if (c.mode === 'car' && c.status !== 'rejected') entry.kmTenths += tenths(c.roundTripKm);
    organisations.set(key, entry);
  }
  const byOrganisation = [...organisations.values()]
    .map(({ totals, kmTenths, claims: own }) => {
      const money = budgetState(0, own);
      return { ...totals, claims: own.length, approvedTotal: money.approved, paidTotal: money.paid, kmDriven: kmTenths / 10 };
    })
    .sort((a, b) => b.approvedTotal - a.approvedTotal || a.organisation.localeCompare(b.organisation, 'sv'));
  return {
    claims: live.length,
    byStage,
    requestedTotal: live.reduce((sum, c) => sum + c.computedAmount, 0),
    approvedTotal: budget.approved,
    paidTotal: budget.paid,
    kmDriven: cars.reduce((sum, c) => sum + tenths(c.roundTripKm), 0) / 10,
    cars: cars.length,
    passengers,
    peoplePerCar: cars.length ? round((cars.length + passengers) / cars.length, 2) : 0,
    carsWithPassengers,
    carSharingShare: cars.length ? round(carsWithPassengers / cars.length, 3) : 0,
    byOrganisation,
  };
}

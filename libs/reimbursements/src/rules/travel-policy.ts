import type { Ore } from '@dialogdag/shared';

/** A conference's reimbursement rules; null when the conference offers none. */
export interface TravelPolicy {
  minRoundTripKm: number;
  requestDeadline: Date;
  /** Öre per km. */
  ratePerKm: Ore;
  budget: Ore;
  publicTransportAtCost: boolean;
  lostEarningsAllowed: boolean;
  /** Öre per person; 0 with lost earnings allowed means nothing is paid for them. */
  lostEarningsCap: Ore;
  /** Arvode per claimant, öre; 0 for none. */
  fixedFee: Ore;
}

/** The conference's travel columns, as the conferences lib keeps them. */
export interface ConferenceTravelColumns {
  travelMinRoundTripKm: number | null;
  travelRequestDeadline: Date | null;
  travelRatePerKm: number | null;
  travelBudget: number | null;
  travelPublicTransportAtCost: boolean;
  travelLostEarningsAllowed: boolean;
  travelLostEarningsCap: number;
  travelFixedFee: number;
}

export function travelPolicyOf(c: ConferenceTravelColumns): TravelPolicy | null {
  if (c.travelMinRoundTripKm === null || !c.travelRequestDeadline || c.travelRatePerKm === null || c.travelBudget === null) return null;
  return {
    minRoundTripKm: c.travelMinRoundTripKm,
    requestDeadline: c.travelRequestDeadline,
    ratePerKm: c.travelRatePerKm,
    budget: c.travelBudget,
    publicTransportAtCost: c.travelPublicTransportAtCost,
    lostEarningsAllowed: c.travelLostEarningsAllowed,
    lostEarningsCap: c.travelLostEarningsCap,
    fixedFee: c.travelFixedFee,
  };
}

export const TRAVEL_MODES = ['car', 'public_transport'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

/** A car holds at most this many passengers besides its driver. */
export const MAX_PASSENGERS = 8;

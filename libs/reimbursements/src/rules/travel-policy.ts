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

/** A policy as the conferences lib shows it (its deadline as text). */
export type PolicyShown = Omit<TravelPolicy, 'requestDeadline'> & { requestDeadline: string };

/**
 * The conferences lib decides whether a conference has a policy and what it says; this takes its
 * word, with the deadline as the exact instant stored (the shown text drops the milliseconds).
 */
export function travelPolicyOf(shown: PolicyShown | null, exactDeadline: Date | null): TravelPolicy | null {
  return shown && exactDeadline ? { ...shown, requestDeadline: exactDeadline } : null;
}

export const TRAVEL_MODES = ['car', 'public_transport'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

/** A car holds at most this many passengers besides its driver. */
export const MAX_PASSENGERS = 8;

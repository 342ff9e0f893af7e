import type { Ore } from '@dialogdag/shared';
import type { TravelMode, TravelPolicy } from './travel-policy';

export interface Journey {
  mode: TravelMode;
  /** Km there and back, at most one decimal. */
  roundTripKm: number;
  /** Öre; public transport only. */
  ticketCost: Ore | null;
  /** Öre claimed; paid up to the policy's cap. */
  lostEarnings: Ore;
  /** Who rode along: listed for the car group, never paid for. */
  passengers: readonly string[];
}

export interface AmountBreakdown {
  travel: Ore;
  lostEarnings: Ore;
  fixedFee: Ore;
  total: Ore;
  /** Lost earnings were cut to the cap. */
  lostEarningsCapped: boolean;
}

/**
 * Km × rate in whole öre. Km has at most one decimal, so the product is counted in tenths of
 * an öre and rounded to the nearest öre, halves up (240.5 km × 333 öre = 80 086.5 → 80 087 öre).
 */
export function distanceAmount(roundTripKm: number, ratePerKm: Ore): Ore {
  const tenthsOfKm = Math.round(roundTripKm * 10);
  return Math.max(0, Math.floor((tenthsOfKm * ratePerKm + 5) / 10));
}

/**
 * The one computation of what a claim is worth under a policy: the car once, however many
 * passengers; public transport at the ticket's cost (or per km when the policy says so); lost
 * earnings up to the cap; the fixed fee on top. Never negative.
 */
export function claimAmounts(policy: TravelPolicy, journey: Journey): AmountBreakdown {
  const travel =
    journey.mode === 'public_transport' && policy.publicTransportAtCost
      ? Math.max(0, journey.ticketCost ?? 0)
      : distanceAmount(journey.roundTripKm, policy.ratePerKm);
  const claimed = policy.lostEarningsAllowed ? Math.max(0, journey.lostEarnings) : 0;
  const lostEarnings = Math.min(claimed, Math.max(0, policy.lostEarningsCap));
  const fixedFee = Math.max(0, policy.fixedFee);
  return { travel, lostEarnings, fixedFee, total: travel + lostEarnings + fixedFee, lostEarningsCapped: lostEarnings < claimed };
}

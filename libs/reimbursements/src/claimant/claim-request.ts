import type { ClaimInput } from '../rules/claim-input.rules';
import type { PayeeInput } from '../rules/payee.rules';
import type { TravelClaimDto } from '../travel-claim.dto';

/** A claim as the claimant sends it, from the API or the page, before any rule has looked at it. */
export interface ClaimRequest {
  input: ClaimInput;
  payee?: PayeeInput;
  /** The amount the claimant was shown; a different amount now refuses the request. */
  expectedAmount?: number;
  /** The ticket receipt's bytes, from the page's upload. */
  receipt?: Buffer;
}

export function claimRequestFromDto(dto: TravelClaimDto): ClaimRequest {
  return {
    input: {
      fromPlace: dto.fromPlace.trim(),
      roundTripKm: dto.roundTripKm,
      mode: dto.mode,
      passengers: dto.passengers ?? [],
      ticketCost: dto.ticketCost ?? null,
      lostEarnings: dto.lostEarnings ?? 0,
      lostEarningsDescription: dto.lostEarningsDescription?.trim() || null,
    },
    payee: dto.payee,
    expectedAmount: dto.expectedAmount,
  };
}

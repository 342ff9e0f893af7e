import type { FieldProblem, Language } from '@dialogdag/shared';
import { texts } from '../i18n';
import { MAX_PASSENGERS, TravelMode, TravelPolicy } from './travel-policy';

export interface ClaimInput {
  fromPlace: string;
  roundTripKm: number;
  mode: TravelMode;
  /** Registration ids of the people who rode in the claimant's car. */
  passengers: string[];
  /** Öre. */
  ticketCost: number | null;
  /** Öre; 0 for none. */
  lostEarnings: number;
  lostEarningsDescription: string | null;
}

/** Km as people type them: "240", "240,5" or "240.5"; null for anything else. */
export function parseKm(text: string): number | null {
  const match = /^(\d{1,5})(?:[.,](\d))?$/.exec(text.replace(/\s|km$/gi, ''));
  return match ? Number(match[1]) + Number(match[2] ?? 0) / 10 : null;
}

export const hasOneDecimalAtMost = (km: number) => Math.abs(km * 10 - Math.round(km * 10)) < 1e-6;

/**
 * What is wrong with a claim's fields taken together, under the policy (the DTO checks each
 * field's shape): a car takes passengers and no ticket, public transport a ticket and no
 * passengers, lost earnings only where the policy pays them and always with a description.
 */
export function claimInputProblems(policy: TravelPolicy, input: ClaimInput, claimantId: string, lang: Language): FieldProblem[] {
  const t = texts(lang).fields;
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (!input.fromPlace.trim()) add('fromPlace', t.fromPlace);
  if (!(input.roundTripKm > 0) || !hasOneDecimalAtMost(input.roundTripKm)) add('roundTripKm', t.roundTripKm);
  if (input.mode === 'car') {
    if (input.ticketCost !== null) add('ticketCost', t.ticketCostNotForCar);
    if (input.passengers.length > MAX_PASSENGERS) add('passengers', t.passengersTooMany(MAX_PASSENGERS));
    else if (new Set(input.passengers).size !== input.passengers.length) add('passengers', t.passengersRepeated);
    else if (input.passengers.includes(claimantId)) add('passengers', t.passengerSelf);
  } else {
    if (input.passengers.length > 0) add('passengers', t.passengersNotForPublicTransport);
    if (policy.publicTransportAtCost && (input.ticketCost === null || input.ticketCost < 0)) add('ticketCost', t.ticketCost);
  }
  if (input.lostEarnings < 0) add('lostEarnings', t.lostEarnings);
  else if (input.lostEarnings > 0 && !policy.lostEarningsAllowed) add('lostEarnings', t.lostEarningsNotAllowed);
  else if (input.lostEarnings > 0 && !input.lostEarningsDescription?.trim()) add('lostEarningsDescription', t.lostEarningsDescription);
  return problems;
}

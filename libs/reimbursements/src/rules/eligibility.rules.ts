import { formatDateTime, Language, Sector, SECTOR_LABELS } from '@dialogdag/shared';
import { bothLanguages } from '../i18n';
import type { TravelPolicy } from './travel-policy';

export type IneligibilityCode =
  | 'no_policy'
  | 'no_seat'
  | 'not_volunteer'
  | 'not_civil_society'
  | 'below_minimum'
  | 'past_deadline'
  | 'already_claimed'
  | 'travels_as_passenger';

export interface IneligibilityReason {
  code: IneligibilityCode;
  text: Record<Language, string>;
}

export type Eligibility = { eligible: true } | { eligible: false; reasons: IneligibilityReason[] };

export interface EligibilityFacts {
  policy: TravelPolicy | null;
  claimant: { status: string; isVolunteer: boolean; sector: Sector };
  /** null before the claimant has said how far they travelled (the page's first look). */
  roundTripKm: number | null;
  now: Date;
  /** The claimant's own claim for this conference, if any (withdrawn ones do not count). */
  ownClaim: { reference: string } | null;
  /** The driver whose claim names the claimant as a passenger, if any. */
  passengerOf: { driverName: string } | null;
}

/** "240,5" / "240.5": km as the reader writes them. */
export const formatKm = (km: number, lang: Language) => new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 }).format(km);

/**
 * Who may claim: a seat-holder who is a volunteer of a civil-society organisation, travelling at
 * least the minimum round trip, by the request deadline, with no claim of their own for the
 * conference and not named as someone's passenger. Every unmet condition is given, in words.
 */
export function eligibility(facts: EligibilityFacts): Eligibility {
  const { policy, claimant } = facts;
  if (!policy) return { eligible: false, reasons: [reason('no_policy', (t) => t.reasons.noPolicy)] };
  const reasons: IneligibilityReason[] = [];
  if (claimant.status !== 'confirmed') reasons.push(reason('no_seat', (t) => t.reasons.noSeat));
  if (!claimant.isVolunteer) reasons.push(reason('not_volunteer', (t) => t.reasons.notVolunteer));
  if (claimant.sector !== 'civil_society') {
    reasons.push(reason('not_civil_society', (t, lang) => t.reasons.notCivilSociety(SECTOR_LABELS[claimant.sector][lang])));
  }
  if (facts.roundTripKm !== null && !(facts.roundTripKm >= policy.minRoundTripKm)) {
    const km = facts.roundTripKm;
    reasons.push(reason('below_minimum', (t, lang) => t.reasons.belowMinimum(formatKm(policy.minRoundTripKm, lang), formatKm(km, lang))));
  }
  if (facts.now > policy.requestDeadline) {
    reasons.push(reason('past_deadline', (t, lang) => t.reasons.pastDeadline(formatDateTime(policy.requestDeadline, lang))));
  }
  if (facts.ownClaim) {
    const reference = facts.ownClaim.reference;
    reasons.push(reason('already_claimed', (t) => t.reasons.alreadyClaimed(reference)));
  }
  if (facts.passengerOf) {
    const driver = facts.passengerOf.driverName;
    reasons.push(reason('travels_as_passenger', (t) => t.reasons.travelsAsPassenger(driver)));
  }
  return reasons.length === 0 ? { eligible: true } : { eligible: false, reasons };
}

function reason(code: IneligibilityCode, pick: Parameters<typeof bothLanguages>[0]): IneligibilityReason {
  return { code, text: bothLanguages(pick) };
}

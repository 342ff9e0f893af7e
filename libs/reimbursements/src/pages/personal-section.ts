import { formatDateTime, formatMoney, Language } from '@dialogdag/shared';
import { html, SafeHtml } from '@dialogdag/web';
import type { ClaimantContext } from '../claimant/claimant.service';
import { texts } from '../i18n';
import { stageOf } from '../rules/claim-state.rules';
import { formatKm } from '../rules/eligibility.rules';
import type { TravelPolicy } from '../rules/travel-policy';
import { referenceOf } from '../travel-claim.entity';

/** The policy in a few sentences, as the invitation would print it. */
export function policyText(policy: TravelPolicy, lang: Language): SafeHtml {
  const t = texts(lang).policy;
  const money = (amount: number) => formatMoney(amount, lang);
  return html`<ul class="travel-policy">
  <li>${t.intro(formatKm(policy.minRoundTripKm, lang))}</li>
  <li>${t.car(money(policy.ratePerKm))}</li>
  <li>${policy.publicTransportAtCost ? t.publicTransportAtCost : t.publicTransportPerKm(money(policy.ratePerKm))}</li>
  ${policy.lostEarningsAllowed ? html`<li>${t.lostEarnings(money(policy.lostEarningsCap))}</li>` : ''}
  ${policy.fixedFee > 0 ? html`<li>${t.fixedFee(money(policy.fixedFee))}</li>` : ''}
  <li>${t.deadline(formatDateTime(policy.requestDeadline, lang))}</li>
</ul>`;
}

/**
 * The block on the personal page: the claim's state, the driver for a passenger, or the way in
 * for a volunteer of a civil-society organisation. Others see nothing.
 */
export function personalSection(context: ClaimantContext, token: string, lang: Language): SafeHtml | null {
  const t = texts(lang);
  const { policy, claim, passengerOf, participant } = context;
  const link = `/r/${token}/travel-claim?lang=${lang}`;
  let content: SafeHtml;
  if (claim) {
    const amount = formatMoney(claim.approvedAmount ?? claim.computedAmount, lang);
    content = html`<p id="travel-claim-status">${t.claimant.claimLine(referenceOf(claim), t.stages[stageOf(claim)], amount)}</p><p><a href="${link}">${t.claimant.heading}: ${referenceOf(claim)}</a></p>`;
  } else if (passengerOf) {
    content = html`<p>${t.claimant.travelsWith(passengerOf.driver.name, passengerOf.driver.organisation)}</p>`;
  } else if (policy && participant.isVolunteer && participant.sector === 'civil_society') {
    content = context.eligibility.eligible
      ? html`${policyText(policy, lang)}<p><a class="button secondary" href="${link}">${t.claimant.apply}</a></p>`
      : html`<ul>${context.eligibility.reasons.map((r) => html`<li>${r.text[lang]}</li>`)}</ul>`;
  } else {
    return null;
  }
  return html`<section aria-labelledby="travel-claim-heading"><h2 id="travel-claim-heading">${t.claimant.heading}</h2>${content}</section>`;
}

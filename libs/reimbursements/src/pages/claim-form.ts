import { formatMoney, Language } from '@dialogdag/shared';
import { errorSummary, FieldErrors, html, SafeHtml, textField } from '@dialogdag/web';
import { amountLines } from '../claim-lines';
import { texts } from '../i18n';
import type { AmountBreakdown } from '../rules/amounts.rules';
import { formatKm } from '../rules/eligibility.rules';
import { TRAVEL_MODES, TravelMode, TravelPolicy } from '../rules/travel-policy';
import type { ClaimFormValues } from './claim-form-input';
import { policyText } from './personal-section';

export interface PersonRef {
  id: string;
  name: string;
  organisation: string;
}

export interface Preview {
  mode: TravelMode;
  roundTripKm: number;
  amounts: AmountBreakdown;
}

export interface ClaimFormModel {
  lang: Language;
  token: string;
  conferenceTitle: string;
  policy: TravelPolicy;
  values: ClaimFormValues;
  errors: FieldErrors;
  general: string[];
  /** Passengers ticked so far, with their names. */
  chosen: PersonRef[];
  /** Search results; null when nobody searched. */
  candidates: PersonRef[] | null;
  /** The amount, once the claimant asked to see it; the submit button comes with it. */
  preview: Preview | null;
  editing: boolean;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

function personBox(p: PersonRef, checked: boolean): SafeHtml {
  return html`<div class="field checkbox"><input id="passenger-${p.id}" type="checkbox" name="passengers" value="${p.id}"${checked ? html` checked` : ''}><label for="passenger-${p.id}">${p.name} (${p.organisation})</label></div>`;
}

/** The amount under the rules, line by line, before anything is sent. */
export function amountBox(m: Pick<ClaimFormModel, 'lang' | 'policy'>, preview: Preview): SafeHtml {
  const t = texts(m.lang).claimant;
  const { mode, amounts } = preview;
  const lines = amountLines(
    {
      mode,
      roundTripKm: preview.roundTripKm,
      ratePerKm: m.policy.ratePerKm,
      atTicketCost: mode === 'public_transport' && m.policy.publicTransportAtCost,
      lostEarningsCap: m.policy.lostEarningsCap,
      amounts,
    },
    m.lang,
  );
  return html`<section class="notice ok" id="claim-amount" aria-labelledby="claim-amount-heading">
  <h2 id="claim-amount-heading">${t.amountHeading}</h2>
  <p><strong id="claim-amount-total">${t.youGet(formatMoney(amounts.total, m.lang))}</strong></p>
  <table><tbody>${lines.map(([label, amount]) => html`<tr><th scope="row">${label}</th><td>${amount}</td></tr>`)}</tbody></table>
  <p>${t.previewNote}</p>
</section>`;
}

/**
 * The claim form of the personal link. It works without JavaScript: passengers are found with a
 * search button, the amount is shown by a preview step, and only then can the claim be sent.
 */
export function renderClaimForm(m: ClaimFormModel): SafeHtml {
  const t = texts(m.lang);
  const c = t.claimant;
  const v = m.values;
  const mode = one(v.mode) || 'car';
  const chosenIds = new Set(m.chosen.map((p) => p.id));
  const query = one(v.q);
  const results = m.candidates?.filter((p) => !chosenIds.has(p.id)) ?? null;
  const action = `/r/${m.token}/travel-claim?lang=${m.lang}`;
  return html`<p><a href="/r/${m.token}?lang=${m.lang}">${c.back}</a></p>
<h1>${c.heading}</h1>
<p class="lead">${m.conferenceTitle}</p>
${policyText(m.policy, m.lang)}
<p class="hint">${t.policy.rounding}</p>
${errorSummary(c.problem, m.errors, m.general)}
${m.preview ? amountBox(m, m.preview) : ''}
<form method="post" action="${action}" enctype="multipart/form-data" novalidate>
  <button type="submit" name="action" value="preview" hidden>${c.preview}</button>
  ${textField({ name: 'fromPlace', label: c.fromPlace, hint: c.fromPlaceHint, value: one(v.fromPlace), error: m.errors.fromPlace, required: true })}
  ${textField({ name: 'roundTripKm', label: c.roundTripKm, hint: c.roundTripKmHint(formatKm(m.policy.minRoundTripKm, m.lang)), value: one(v.roundTripKm), error: m.errors.roundTripKm, required: true, attributes: html` inputmode="decimal"` })}
  <fieldset id="mode"${m.errors.mode ? html` aria-describedby="mode-error"` : ''}>
    <legend>${c.mode}</legend>
    ${m.errors.mode ? html`<p class="field-error" id="mode-error">${m.errors.mode}</p>` : ''}
    ${TRAVEL_MODES.map((value) => html`<div class="field checkbox"><input id="mode-${value}" type="radio" name="mode" value="${value}"${mode === value ? html` checked` : ''}><label for="mode-${value}">${t.modes[value]}</label></div>`)}
  </fieldset>
  <fieldset id="passengers" aria-describedby="passengers-hint">
    <legend>${c.passengers}</legend>
    <p class="hint" id="passengers-hint">${c.passengersHint}</p>
    ${m.errors.passengers ? html`<p class="field-error">${m.errors.passengers}</p>` : ''}
    ${m.chosen.map((p) => personBox(p, true))}
    <div class="field">
      <label for="q">${c.search}</label>
      <input type="search" id="q" name="q" value="${query}" autocomplete="off">
    </div>
    <p><button type="submit" name="action" value="search" class="secondary">${c.searchButton}</button></p>
    ${results === null ? '' : query.trim().length < 2 ? html`<p role="status">${c.searchTooShort}</p>` : results.length === 0 ? html`<p role="status">${c.noMatches}</p>` : html`<div role="group" aria-label="${c.search}">${results.map((p) => personBox(p, false))}</div>`}
  </fieldset>
  ${textField({ name: 'ticketCost', label: c.ticketCost, hint: c.ticketCostHint, value: one(v.ticketCost), error: m.errors.ticketCost, attributes: html` inputmode="decimal"` })}
  ${m.policy.lostEarningsAllowed
    ? html`<fieldset><legend>${c.lostEarnings}</legend>
    ${textField({ name: 'lostEarnings', label: c.lostEarningsAmount, hint: t.policy.lostEarnings(formatMoney(m.policy.lostEarningsCap, m.lang)), value: one(v.lostEarnings), error: m.errors.lostEarnings, attributes: html` inputmode="decimal"` })}
    ${textField({ name: 'lostEarningsDescription', label: c.lostEarningsDescription, value: one(v.lostEarningsDescription), error: m.errors.lostEarningsDescription })}
  </fieldset>`
    : ''}
  <fieldset aria-describedby="payee-hint">
    <legend>${c.payee}</legend>
    <p class="hint" id="payee-hint">${c.payeeHint}</p>
    ${payeeFields(m.lang, v, m.errors)}
  </fieldset>
  ${m.preview && mode === 'public_transport' ? receiptField(m.lang, m.errors.receipt) : ''}
  ${m.preview ? html`<input type="hidden" name="expectedAmount" value="${String(m.preview.amounts.total)}">` : ''}
  <div class="actions">
    <button type="submit" name="action" value="preview"${m.preview ? html` class="secondary"` : ''}>${c.preview}</button>
    ${m.preview ? html`<button type="submit" name="action" value="submit">${m.editing ? c.saveCorrection : c.submit}</button>` : ''}
  </div>
</form>`;
}

export function payeeFields(lang: Language, v: ClaimFormValues, errors: FieldErrors): SafeHtml {
  const c = texts(lang).claimant;
  return html`${textField({ name: 'payeeName', label: c.payeeName, value: one(v.payeeName), error: errors.payeeName, autocomplete: 'name' })}
    ${textField({ name: 'clearingNumber', label: c.clearingNumber, value: one(v.clearingNumber), error: errors.clearingNumber, autocomplete: 'off', attributes: html` inputmode="numeric"` })}
    ${textField({ name: 'accountNumber', label: c.accountNumber, value: one(v.accountNumber), error: errors.accountNumber, autocomplete: 'off', attributes: html` inputmode="numeric"` })}
    ${textField({ name: 'bankgiro', label: c.bankgiro, value: one(v.bankgiro), error: errors.bankgiro, autocomplete: 'off', attributes: html` inputmode="numeric"` })}`;
}

export function receiptField(lang: Language, error?: string): SafeHtml {
  const c = texts(lang).claimant;
  return textField({ name: 'receipt', label: c.receipt, hint: c.receiptHint, type: 'file', error, attributes: html` accept="application/pdf,image/jpeg,image/png"` });
}

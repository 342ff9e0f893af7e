import { formatDateTime, formatMoney, Language } from '@dialogdag/shared';
import { errorSummary, FieldErrors, html, SafeHtml } from '@dialogdag/web';
import { amountLines, amountSourceOf } from '../claim-lines';
import { texts } from '../i18n';
import type { ClaimantActions } from '../rules/claim-state.rules';
import { formatKm } from '../rules/eligibility.rules';
import { storedAmounts, TravelClaimView } from '../travel-claim.views';
import type { ClaimFormValues } from './claim-form-input';
import { payeeFields, receiptField } from './claim-form';

export interface ClaimStatusModel {
  lang: Language;
  token: string;
  conferenceTitle: string;
  claim: TravelClaimView;
  actions: ClaimantActions;
  notice: string | null;
  general: string[];
  errors: FieldErrors;
  payeeValues: ClaimFormValues;
}

/** Stockholm's YYYY-MM-DD as words. */
export function formatDay(date: string, lang: Language): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The claimant's own claim: where it stands, what it is worth, and what they can still do. */
export function renderClaimStatus(m: ClaimStatusModel): SafeHtml {
  const t = texts(m.lang);
  const c = t.claimant;
  const v = m.claim;
  const base = `/r/${m.token}/travel-claim`;
  const q = `?lang=${m.lang}`;
  const payee = v.payeeDetailsErased
    ? c.payeeErased
    : v.payeeDetailsGiven && v.payeeGivenAt
      ? c.payeeGiven(formatDateTime(new Date(v.payeeGivenAt), m.lang))
      : c.payeeMissing;
  return html`<p><a href="/r/${m.token}${q}">${c.back}</a></p>
${m.notice ? html`<div class="notice ok" role="status"><p>${m.notice}</p></div>` : ''}
${errorSummary(c.problem, m.errors, m.general)}
<h1>${c.heading}</h1>
<p class="lead">${m.conferenceTitle}</p>
<dl class="facts" id="claim-facts">
  <dt>${c.reference}</dt><dd>${v.reference}</dd>
  <dt>${c.status}</dt><dd id="claim-stage">${t.stages[v.stage]}</dd>
  <dt>${c.journey}</dt><dd>${c.journeyText(v.fromPlace, formatKm(v.roundTripKm, m.lang), t.modes[v.mode as 'car'])}</dd>
  ${v.mode === 'car' ? html`<dt>${c.passengersList}</dt><dd>${v.passengers.length ? v.passengers.map((p) => p.name).join(', ') : t.review.alone}</dd>` : ''}
  <dt>${c.computed}</dt><dd id="claim-computed">${formatMoney(v.computedAmount, m.lang)}</dd>
  ${v.approvedAmount !== null ? html`<dt>${c.approved}</dt><dd id="claim-approved">${formatMoney(v.approvedAmount, m.lang)}</dd>` : ''}
  ${v.reason && v.stage !== 'approved' ? html`<dt>${c.reason}</dt><dd>${v.reason}</dd>` : ''}
  ${v.paidOn ? html`<dt>${c.paidOn}</dt><dd>${formatDay(v.paidOn, m.lang)}</dd>` : ''}
  ${v.receiptNeeded ? html`<dt>${c.receiptStatus}</dt><dd>${v.receipt ? c.receiptGiven : c.receiptMissingText}</dd>` : ''}
  <dt>${c.payeeStatus}</dt><dd id="claim-payee">${payee}</dd>
</dl>
<table><caption>${c.amountHeading}</caption><tbody>
${amountLines(amountSourceOf(storedAmounts(v)), m.lang).map(([label, amount]) => html`<tr><th scope="row">${label}</th><td>${amount}</td></tr>`)}
</tbody></table>
${m.actions.canCorrect || m.actions.canWithdraw
  ? html`<div class="actions">
  ${m.actions.canCorrect ? html`<a class="button secondary" href="${base}/edit${q}">${c.edit}</a>` : ''}
  ${m.actions.canWithdraw ? html`<form method="post" action="${base}/withdraw${q}" class="inline"><button type="submit" class="danger">${c.withdraw}</button></form>` : ''}
</div>`
  : ''}
${m.actions.canUploadReceipt
  ? html`<h2>${c.uploadReceipt}</h2>
<form method="post" action="${base}/receipt${q}" enctype="multipart/form-data" novalidate>
  ${receiptField(m.lang, m.errors.receipt)}
  <button type="submit">${c.uploadReceipt}</button>
</form>`
  : ''}
${m.actions.canGivePayee
  ? html`<h2>${v.payeeDetailsGiven ? c.replacePayee : c.givePayee}</h2>
<p class="hint">${c.payeeHint}</p>
<form method="post" action="${base}/payee${q}" novalidate>
  ${payeeFields(m.lang, m.payeeValues, m.errors)}
  <button type="submit">${c.savePayee}</button>
</form>`
  : ''}`;
}

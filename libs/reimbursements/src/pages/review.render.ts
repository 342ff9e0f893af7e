import { formatDateTime, formatMoney, Language, stockholmDateInput } from '@dialogdag/shared';
import { errorSummary, FieldErrors, html, SafeHtml, textField } from '@dialogdag/web';
import { amountLines, amountSourceOf } from '../claim-lines';
import { texts } from '../i18n';
import { BudgetState, CLAIM_FILTERS, ClaimFilter } from '../rules/claim-state.rules';
import { formatKm } from '../rules/eligibility.rules';
import { formatBankgiro, PayeeDetails } from '../rules/payee.rules';
import type { TravelClaimSummary } from '../rules/summary.rules';
import { storedAmounts, TravelClaimView } from '../travel-claim.views';
import { formatDay } from './claim-status';

export interface QueueModel {
  lang: Language;
  csrf: string;
  conference: { id: string; title: string };
  filter: ClaimFilter;
  items: TravelClaimView[];
  budget: BudgetState;
  summary: TravelClaimSummary;
  now: Date;
  notice: string | null;
  general: string[];
}

const filterLabel = (filter: ClaimFilter, lang: Language) => (filter === 'all' ? texts(lang).review.all : texts(lang).stages[filter]);

export function budgetFacts(budget: BudgetState, lang: Language): SafeHtml {
  const t = texts(lang).review;
  const money = (amount: number) => formatMoney(amount, lang);
  return html`<dl class="facts" id="travel-budget">
  <dt>${t.budgetTotal}</dt><dd>${money(budget.total)}</dd>
  <dt>${t.approvedSum}</dt><dd>${money(budget.approved)}</dd>
  <dt>${t.paidSum}</dt><dd>${money(budget.paid)}</dd>
  <dt>${t.left}</dt><dd id="travel-budget-left">${money(budget.left)}</dd>
</dl>`;
}

/** The queue: filters, each claim with its amounts, car group and receipt; payment in bulk; the summary. */
export function renderQueue(m: QueueModel): SafeHtml {
  const t = texts(m.lang);
  const r = t.review;
  const money = (amount: number) => formatMoney(amount, m.lang);
  const base = `/admin/conferences/${m.conference.id}/travel-claims`;
  const payable = m.items.filter((i) => (i.stage === 'approved' || i.stage === 'adjusted'));
  const s = m.summary;
  return html`<p><a href="/admin/conferences/${m.conference.id}">${r.back}</a></p>
<h1>${r.title}: ${m.conference.title}</h1>
${m.notice ? html`<div class="notice ok" role="status"><p>${m.notice}</p></div>` : ''}
${errorSummary(r.problem, {}, m.general)}
<h2>${r.budget}</h2>
${budgetFacts(m.budget, m.lang)}
<nav aria-label="${r.show}" class="actions">${CLAIM_FILTERS.map((f) => html`<a href="${base}?status=${f}"${f === m.filter ? html` aria-current="page"` : ''}>${filterLabel(f, m.lang)}</a>`)}</nav>
<p class="actions"><a href="/api/conferences/${m.conference.id}/travel-claims/payment-list?format=csv&amp;lang=${m.lang}">${r.paymentListCsv}</a> <a href="/api/conferences/${m.conference.id}/travel-claims/payment-list?format=xlsx&amp;lang=${m.lang}">${r.paymentListXlsx}</a></p>
${m.items.length === 0
  ? html`<p>${r.none}</p>`
  : html`<form method="post" action="${base}/paid" novalidate>
  <input type="hidden" name="_csrf" value="${m.csrf}">
  <div class="table-scroll" role="region" aria-label="${r.title}" tabindex="0" style="overflow-x:auto">
  <table id="travel-claims"><thead><tr><th scope="col"><span class="visually-hidden">${r.markPaid}</span></th><th scope="col">${r.reference}</th><th scope="col">${r.claimant}</th><th scope="col">${r.organisation}</th><th scope="col">${r.mode}</th><th scope="col">${r.km}</th><th scope="col">${r.computed}</th><th scope="col">${r.approvedAmount}</th><th scope="col">${r.stage}</th><th scope="col">${r.carGroup}</th><th scope="col">${r.receipt}</th></tr></thead><tbody>
  ${m.items.map((i) => html`<tr>
    <td>${i.stage === 'approved' || i.stage === 'adjusted' ? html`<input type="checkbox" name="ids" value="${i.id}" id="pay-${i.id}" aria-label="${r.select(i.reference)}">` : ''}</td>
    <td><a href="/admin/travel-claims/${i.id}" aria-label="${r.openClaim(i.reference)}">${i.reference}</a></td>
    <td>${i.claimant.name}</td><td>${i.claimant.organisation}</td><td>${t.modes[i.mode as 'car']}</td><td>${formatKm(i.roundTripKm, m.lang)}</td>
    <td>${money(i.computedAmount)}</td><td>${i.approvedAmount === null ? '–' : money(i.approvedAmount)}</td><td><span class="status">${t.stages[i.stage]}</span></td>
    <td>${i.mode === 'car' ? (i.passengers.length ? html`${r.passengersN(i.passengers.length)}: ${i.passengers.map((p) => p.name).join(', ')}` : r.alone) : '–'}</td>
    <td>${i.receiptNeeded ? (i.receipt ? html`<a href="/api/travel-claims/${i.id}/receipt">${r.receiptLink}</a>` : r.missing) : '–'}</td>
  </tr>`)}
  </tbody></table>
  </div>
  ${payable.length
    ? html`${textField({ name: 'paidOn', label: r.paidOn, type: 'date', value: stockholmDateInput(m.now) })}<button type="submit">${r.markPaid}</button>`
    : ''}
</form>`}
<h2>${r.summary}</h2>
<dl class="facts" id="travel-summary">
  <dt>${r.claims}</dt><dd>${s.claims}</dd>
  <dt>${r.requested}</dt><dd>${money(s.requestedTotal)}</dd>
  <dt>${r.approvedSum}</dt><dd>${money(s.approvedTotal)}</dd>
  <dt>${r.paidSum}</dt><dd>${money(s.paidTotal)}</dd>
  <dt>${r.kmDriven}</dt><dd>${formatKm(s.kmDriven, m.lang)}</dd>
  <dt>${r.cars}</dt><dd>${s.cars}</dd>
  <dt>${r.passengers}</dt><dd>${s.passengers}</dd>
  <dt>${r.perCar}</dt><dd>${formatKm(s.peoplePerCar, m.lang)}</dd>
  <dt>${r.carSharing}</dt><dd>${s.carsWithPassengers} (${Math.round(s.carSharingShare * 100)} %)</dd>
</dl>
${s.byOrganisation.length
  ? html`<table><caption>${r.perOrganisation}</caption><thead><tr><th scope="col">${r.organisation}</th><th scope="col">${r.claims}</th><th scope="col">${r.approvedSum}</th><th scope="col">${r.paidSum}</th><th scope="col">${r.kmDriven}</th></tr></thead><tbody>
${s.byOrganisation.map((o) => html`<tr><td>${o.organisation}</td><td>${o.claims}</td><td>${money(o.approvedTotal)}</td><td>${money(o.paidTotal)}</td><td>${formatKm(o.kmDriven, m.lang)}</td></tr>`)}
</tbody></table>`
  : ''}`;
}

export interface ReviewModel {
  lang: Language;
  csrf: string;
  claim: TravelClaimView;
  claimant: { email: string; checkedIn: boolean };
  payee: { details: PayeeDetails | null; unreadable: boolean };
  now: Date;
  notice: string | null;
  errors: FieldErrors;
  general: string[];
  values: Record<string, string | undefined>;
}

function payeeBlock(m: ReviewModel): SafeHtml {
  const r = texts(m.lang).review;
  const c = texts(m.lang).claimant;
  const v = m.claim;
  const d = m.payee.details;
  const value = v.payeeDetailsErased
    ? c.payeeErased
    : m.payee.unreadable
      ? r.payeeUnreadable
      : !d
        ? c.payeeMissing
        : d.method === 'bankgiro'
          ? `${r.bankgiro} ${formatBankgiro(d.bankgiro)}`
          : `${r.bankAccount} ${d.clearingNumber}, ${d.accountNumber}`;
  return html`<h2>${r.payee}</h2>
<dl class="facts" id="payee-details">
  <dt>${r.payeeName}</dt><dd>${v.payeeName ?? '–'}</dd>
  <dt>${c.payeeStatus}</dt><dd>${value}</dd>
</dl>`;
}

/** One claim, for deciding and paying. The only page that shows the payee's bank details. */
export function renderReview(m: ReviewModel): SafeHtml {
  const t = texts(m.lang);
  const r = t.review;
  const c = t.claimant;
  const v = m.claim;
  const money = (amount: number) => formatMoney(amount, m.lang);
  const decidable = v.stage !== 'paid' && v.stage !== 'withdrawn';
  const payable = v.stage === 'approved' || v.stage === 'adjusted';
  const decision = m.values.decision ?? (v.status === 'submitted' ? 'approved' : v.status);
  return html`<p><a href="/admin/conferences/${v.conferenceId}/travel-claims">${r.toQueue}</a></p>
${m.notice ? html`<div class="notice ok" role="status"><p>${m.notice}</p></div>` : ''}
${errorSummary(r.problem, m.errors, m.general)}
<h1>${v.reference}: ${v.claimant.name}</h1>
<dl class="facts" id="claim-facts">
  <dt>${r.claimant}</dt><dd>${v.claimant.name}, ${m.claimant.email}</dd>
  <dt>${r.organisation}</dt><dd>${v.claimant.organisation}</dd>
  <dt>${r.checkedIn}</dt><dd>${m.claimant.checkedIn ? r.yes : r.no}</dd>
  <dt>${r.stage}</dt><dd id="claim-stage"><span class="status">${t.stages[v.stage]}</span></dd>
  <dt>${r.submittedAt}</dt><dd>${formatDateTime(new Date(v.submittedAt), m.lang)}</dd>
  <dt>${c.journey}</dt><dd>${c.journeyText(v.fromPlace, formatKm(v.roundTripKm, m.lang), t.modes[v.mode as 'car'])}</dd>
  ${v.mode === 'car' ? html`<dt>${r.carGroup}</dt><dd id="car-group">${v.passengers.length ? html`<ul>${v.passengers.map((p) => html`<li>${p.name} (${p.organisation})</li>`)}</ul>` : r.alone}</dd>` : ''}
  ${v.lostEarningsDescription ? html`<dt>${c.lostEarningsDescription}</dt><dd>${v.lostEarningsDescription}</dd>` : ''}
  ${v.receiptNeeded ? html`<dt>${r.receipt}</dt><dd>${v.receipt ? html`<a href="/api/travel-claims/${v.id}/receipt">${r.receiptLink}</a>` : r.missing}</dd>` : ''}
  ${v.approvedAmount !== null ? html`<dt>${r.approvedAmount}</dt><dd id="claim-approved">${money(v.approvedAmount)}</dd>` : ''}
  ${v.reason ? html`<dt>${c.reason}</dt><dd>${v.reason}</dd>` : ''}
  ${v.decidedAt ? html`<dt>${r.decidedAt}</dt><dd>${formatDateTime(new Date(v.decidedAt), m.lang)}</dd>` : ''}
  ${v.paidOn ? html`<dt>${c.paidOn}</dt><dd>${formatDay(v.paidOn, m.lang)}</dd>` : ''}
</dl>
<table><caption>${r.amounts}</caption><tbody>
${amountLines(amountSourceOf(storedAmounts(v)), m.lang).map(([label, amount]) => html`<tr><th scope="row">${label}</th><td>${amount}</td></tr>`)}
</tbody></table>
${payeeBlock(m)}
${decidable
  ? html`<h2>${r.decision}</h2>
<form method="post" action="/admin/travel-claims/${v.id}/decision" novalidate>
  <input type="hidden" name="_csrf" value="${m.csrf}">
  <fieldset id="decision"><legend>${r.decision}</legend>
  ${(['approved', 'adjusted', 'rejected'] as const).map((d) => html`<div class="field checkbox"><input id="decision-${d}" type="radio" name="decision" value="${d}"${decision === d ? html` checked` : ''}><label for="decision-${d}">${d === 'approved' ? `${r.approve} (${money(v.computedAmount)})` : d === 'adjusted' ? r.adjust : r.reject}</label></div>`)}
  </fieldset>
  ${textField({ name: 'approvedAmount', label: r.decisionAmount, value: m.values.approvedAmount, error: m.errors.approvedAmount, attributes: html` inputmode="decimal"` })}
  ${textField({ name: 'reason', label: r.decisionReason, type: 'textarea', value: m.values.reason, error: m.errors.reason })}
  <button type="submit">${r.saveDecision}</button>
</form>`
  : ''}
${payable
  ? html`<h2>${r.markOnePaid}</h2>
<form method="post" action="/admin/travel-claims/${v.id}/paid" novalidate>
  <input type="hidden" name="_csrf" value="${m.csrf}">
  ${textField({ name: 'paidOn', label: r.paidOn, type: 'date', value: m.values.paidOn ?? stockholmDateInput(m.now), error: m.errors.paidOn })}
  <button type="submit">${r.markOnePaid}</button>
</form>`
  : ''}`;
}

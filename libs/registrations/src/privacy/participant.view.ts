import type { Conference } from '@dialogdag/conferences';
import { formatDateTime, formatMoney, Language, SECTOR_LABELS } from '@dialogdag/shared';
import { html, SafeHtml } from '@dialogdag/web';
import { catalogue } from '../i18n';
import type { Registration } from '../registration.entity';
import type { ErasurePlan } from './anonymisation.rules';
import { PRIVACY_TEXTS } from './privacy.texts';

export interface ParticipantPageState {
  /** The address a new link was just sent to. */
  linkSentTo?: string;
  erased?: boolean;
  general?: string[];
}

const base = (c: Conference, r: Registration) => `/admin/conferences/${c.id}/registrations/${r.id}`;

/** One participant as organisers see them, with what data protection lets them do: a new link, erasure. */
export function participantBody(
  c: Conference,
  r: Registration,
  annotations: Array<{ label: string; value: string }>,
  csrf: string,
  lang: Language,
  state: ParticipantPageState,
): SafeHtml {
  const t = PRIVACY_TEXTS[lang].organiser;
  const all = catalogue(lang);
  return html`<p><a href="/admin/conferences/${c.id}/registrations">${t.back}</a></p>
${state.linkSentTo ? html`<div class="notice ok" role="status" id="link-sent"><p>${t.linkSent(state.linkSentTo)}</p></div>` : ''}
${state.erased ? html`<div class="notice ok" role="status" id="erased"><p>${t.erased}</p></div>` : ''}
${state.general?.length ? html`<div class="notice warn" role="alert">${state.general.map((m) => html`<p>${m}</p>`)}</div>` : ''}
<h1>${r.name}</h1>
<p class="lead">${c.title}</p>
<h2>${t.facts}</h2>
<dl class="facts" id="participant-facts">
  <dt>${t.status}</dt><dd>${all.statuses[r.status]}</dd>
  <dt>${t.email}</dt><dd>${r.email}</dd>
  ${r.phone ? html`<dt>${t.phone}</dt><dd>${r.phone}</dd>` : ''}
  <dt>${t.organisation}</dt><dd>${r.organisation}</dd>
  <dt>${all.organiser.sector}</dt><dd>${SECTOR_LABELS[r.sector][lang]}</dd>
  ${r.checkedInAt ? html`<dt>${t.checkedIn}</dt><dd>${formatDateTime(r.checkedInAt, lang)}</dd>` : ''}
  ${annotations.map((a) => html`<dt>${a.label}</dt><dd>${a.value}</dd>`)}
  ${r.anonymisedAt ? html`<dt>${t.anonymisedAt}</dt><dd>${formatDateTime(r.anonymisedAt, lang)}</dd>` : ''}
</dl>
${r.anonymisedAt ? '' : html`<h2>${t.privacy}</h2>
${r.status === 'transferred' ? '' : html`<form method="post" action="${base(c, r)}/new-link">
  <input type="hidden" name="_csrf" value="${csrf}">
  <p class="hint" id="new-link-hint">${t.newLinkHint}</p>
  <button type="submit" class="secondary" aria-describedby="new-link-hint">${t.newLink}</button>
</form>`}
<p><a class="button secondary" href="${base(c, r)}/erase" id="erase-participant">${t.erase}</a></p>`}`;
}

function firstStep(r: Registration, plan: ErasurePlan, lang: Language): string {
  const t = PRIVACY_TEXTS[lang].organiser;
  if (plan.cancelFirst) return plan.fee > 0 ? t.cancelsAtFee(formatMoney(plan.fee, lang)) : t.cancelsFree;
  return r.status === 'cancelled' || r.status === 'transferred' ? t.notActive : t.started;
}

/** The confirmation step before an organiser erases someone's personal data; it carries the fee it states. */
export function eraseStepBody(c: Conference, r: Registration, plan: ErasurePlan, csrf: string, lang: Language, feeChanged: boolean): SafeHtml {
  const t = PRIVACY_TEXTS[lang].organiser;
  return html`<h1>${t.eraseHeading(r.name)}</h1>
<p class="lead">${c.title}</p>
${feeChanged ? html`<div class="notice warn" role="alert" id="fee-changed"><p>${PRIVACY_TEXTS[lang].erase.feeChanged}</p></div>` : ''}
<div class="notice warn" id="erasure-consequence">
  <p><strong>${firstStep(r, plan, lang)}</strong></p>
  <p>${t.consequence}</p>
</div>
<form method="post" action="${base(c, r)}/erase" class="actions">
  <input type="hidden" name="_csrf" value="${csrf}">
  <input type="hidden" name="expectedFee" value="${String(plan.fee)}">
  <button type="submit" class="danger">${t.confirm}</button>
  <a class="button secondary" href="${base(c, r)}">${t.cancel}</a>
</form>`;
}

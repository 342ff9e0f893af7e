import type { Conference } from '@dialogdag/conferences';
import { formatMoney, Language } from '@dialogdag/shared';
import { html, renderPage, SafeHtml } from '@dialogdag/web';
import type { Registration } from '../registration.entity';
import type { ErasurePlan } from './anonymisation.rules';
import { PRIVACY_TEXTS } from './privacy.texts';

/** Plain text as paragraphs: a blank line between them, single line breaks kept; everything escaped. */
export function plainTextParagraphs(text: string): SafeHtml {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return html`${paragraphs.map((p) => html`<p>${p.split('\n').map((line, i) => html`${i > 0 ? html`<br>` : ''}${line}`)}</p>`)}`;
}

/** The default notice: what is stored, why, for how long, and the participant's rights. */
function defaultNotice(c: Conference, lang: Language, retentionDays: number): SafeHtml {
  const t = PRIVACY_TEXTS[lang].notice;
  return html`<h2>${t.whatHeading}</h2>
<p>${t.what(c.title)}</p>
<p>${t.whatMore}</p>
<h2>${t.whyHeading}</h2>
<p>${t.why}</p>
<h2>${t.howLongHeading}</h2>
<p>${t.howLong(retentionDays)}</p>
<h2>${t.rightsHeading}</h2>
<p>${t.rights}</p>
<p>${c.contactEmail ? t.contact(c.contactEmail) : t.noContact}</p>`;
}

export interface NoticeState {
  /** Shown after the person erased their registration (their link no longer works, so they land here). */
  erased?: boolean;
  erasedFee?: number;
}

/** `/c/:slug/privacy`: the conference's own notice, or the default one. */
export function noticePage(c: Conference, lang: Language, path: string, retentionDays: number, state: NoticeState = {}): string {
  const t = PRIVACY_TEXTS[lang].notice;
  const body = html`${state.erased
    ? html`<div class="notice ok" role="status" id="erased-notice"><p><strong>${t.erased}</strong></p>${state.erasedFee ? html`<p>${t.erasedFee(formatMoney(state.erasedFee, lang))}</p>` : ''}</div>`
    : ''}
<h1>${t.heading(c.title)}</h1>
<div id="privacy-notice">${c.privacyNotice ? plainTextParagraphs(c.privacyNotice) : defaultNotice(c, lang, retentionDays)}</div>
<p><a href="/c/${c.slug}?lang=${lang}">${t.back}</a></p>`;
  return renderPage({ lang, path, title: t.title, body });
}

/** The link next to the registration form's submit button. */
export function noticeLink(c: Pick<Conference, 'slug'>, lang: Language): SafeHtml {
  return html`<a href="/c/${c.slug}/privacy?lang=${lang}" id="privacy-notice-link">${PRIVACY_TEXTS[lang].form.noticeLink}</a>`;
}

/** "Your data" on the personal page: the notice, the download and the way to erasure. */
export function personalDataSection(token: string, c: Pick<Conference, 'slug'>, lang: Language): SafeHtml {
  const t = PRIVACY_TEXTS[lang].personal;
  return html`<section id="your-data" aria-labelledby="your-data-heading"><h2 id="your-data-heading">${t.heading}</h2>
<p>${t.intro}</p>
<ul>
  <li><a href="/c/${c.slug}/privacy?lang=${lang}">${t.notice}</a></li>
  <li><a href="/r/${token}/data" download id="download-data">${t.download}</a></li>
  <li><a href="/r/${token}/erase?lang=${lang}" id="erase-link">${t.erase}</a></li>
</ul>
</section>`;
}

/** What the erasure step states first: a cancellation and its cost, or why nothing is cancelled. */
function firstStep(r: Registration, c: Conference, plan: ErasurePlan, lang: Language): string {
  const t = PRIVACY_TEXTS[lang].erase;
  if (plan.cancelFirst) {
    if (r.status === 'waitlisted') return t.leavesWaitlist;
    return plan.fee > 0 ? t.cancelsAtFee(formatMoney(plan.fee, lang)) : t.cancelsFree;
  }
  if (r.status === 'cancelled') return t.notActive(r.fee > 0 && !r.feeWaivedAt ? formatMoney(r.fee, lang) : null);
  return t.started;
}

/** The confirmation step before erasure through the personal link; it carries the fee it states. */
export function eraseStep(lang: Language, path: string, token: string, r: Registration, c: Conference, plan: ErasurePlan, feeChanged = false): string {
  const t = PRIVACY_TEXTS[lang].erase;
  const body = html`<h1>${t.heading}</h1>
<p class="lead">${c.title}</p>
${feeChanged ? html`<div class="notice warn" role="alert" id="fee-changed"><p>${t.feeChanged}</p></div>` : ''}
<div class="notice${plan.fee > 0 ? ' warn' : ''}" id="erasure-consequence">
  <p><strong>${firstStep(r, c, plan, lang)}</strong></p>
  <p>${t.consequence}</p>
  <p>${t.final}</p>
</div>
<form method="post" action="/r/${token}/erase?lang=${lang}" class="actions">
  <input type="hidden" name="expectedFee" value="${String(plan.fee)}">
  <button type="submit" class="danger">${t.confirm}</button>
  <a class="button secondary" href="/r/${token}?lang=${lang}">${t.back}</a>
</form>`;
  return renderPage({ lang, path, title: t.heading, body });
}

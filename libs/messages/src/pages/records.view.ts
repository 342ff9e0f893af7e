import type { Conference } from '@dialogdag/conferences';
import { formatDateTime, Language, PARTY_LABELS, SECTOR_LABELS } from '@dialogdag/shared';
import { html, SafeHtml } from '@dialogdag/web';
import type { ProgressSummary } from '../domain/progress';
import { isHandPicked, RecipientFilter } from '../domain/recipient-filter';
import { contentOf, Message } from '../message.entity';
import type { MessageReport } from '../message-records.service';
import { TEXTS } from '../messages.texts';

/** The stored filter in words, e.g. "Seat holders, not checked in, Civil society"; `names` gives workshops' and tables' names by id. */
export function describeFilter(filter: RecipientFilter, lang: Language, names: ReadonlyMap<string, string> = new Map()): string {
  const t = TEXTS[lang];
  if (isHandPicked(filter)) return t.detail.handPicked((filter.registrationIds?.length ?? 0) + (filter.speakerIds?.length ?? 0));
  const parts: string[] = (filter.groups ?? []).map((g) => t.compose[g]);
  if (filter.checkedIn !== undefined) parts.push(filter.checkedIn ? t.filterSummary.checkedIn : t.filterSummary.notCheckedIn);
  if (filter.volunteers) {
    const which = { all: '', with_travel_claim: ` ${t.filterSummary.withClaim}`, without_travel_claim: ` ${t.filterSummary.withoutClaim}` };
    parts.push(`${t.filterSummary.volunteers}${which[filter.volunteers]}`);
  }
  parts.push(...(filter.parties ?? []).map((p) => PARTY_LABELS[p][lang]));
  parts.push(...(filter.sectors ?? []).map((s) => SECTOR_LABELS[s][lang]));
  const named = (entry: string) => names.get(entry.toLowerCase()) ?? names.get(entry) ?? entry;
  parts.push(...(filter.workshops ?? []).map(named));
  if (filter.workshopRound !== undefined) parts.push(t.filterSummary.inRound(names.get(String(filter.workshopRound)) ?? String(filter.workshopRound)));
  parts.push(...(filter.tables ?? []).map(named));
  return parts.join(', ');
}

const subjectOf = (message: Message, lang: Language) => {
  const { subject } = contentOf(message);
  return subject[lang] ?? subject.sv ?? subject.en ?? '';
};

function progressText(p: ProgressSummary, lang: Language): string {
  const t = TEXTS[lang].detail;
  return `${t.sent} ${p.sent} · ${t.queued} ${p.queued} · ${t.failed} ${p.failed}`;
}

export function listPage(lang: Language, conference: Conference, items: Array<{ message: Message; progress: ProgressSummary }>, names: ReadonlyMap<string, string>): SafeHtml {
  const t = TEXTS[lang];
  const base = `/admin/conferences/${conference.id}/messages`;
  return html`<p><a href="/admin/conferences/${conference.id}">${t.nav.back}</a></p>
<h1>${t.list.title}: ${conference.title}</h1>
<p class="lead">${t.list.lead}</p>
<div class="actions"><a class="button" href="${base}/new">${t.nav.newMessage}</a> <a class="button secondary" href="${base}/texts">${t.mailTexts.nav.link}</a></div>
${items.length === 0
  ? html`<p>${t.list.none}</p>`
  : html`<table><caption class="visually-hidden">${t.list.title}</caption>
<thead><tr><th scope="col">${t.list.subject}</th><th scope="col">${t.list.sentAt}</th><th scope="col">${t.list.sentBy}</th><th scope="col">${t.list.recipients}</th><th scope="col">${t.list.progress}</th></tr></thead>
<tbody>${items.map(({ message, progress }) => html`<tr>
<td><a href="${base}/${message.id}">${subjectOf(message, lang)}</a></td>
<td>${formatDateTime(message.sentAt, lang)}</td>
<td>${message.sentByName}</td>
<td>${message.recipientCount}<br><span class="hint">${describeFilter(message.filter, lang, names)}</span></td>
<td>${progressText(progress, lang)}</td>
</tr>`)}</tbody></table>`}`;
}

export function detailPage(lang: Language, conference: Conference, report: MessageReport, csrf: string, names: ReadonlyMap<string, string>, notice?: string): SafeHtml {
  const t = TEXTS[lang];
  const d = t.detail;
  const { message, progress, recipients } = report;
  const base = `/admin/conferences/${conference.id}/messages`;
  const content = contentOf(message);
  const shown = (['sv', 'en'] as const).filter((l) => content.subject[l] !== undefined);
  const status = { queued: d.queued, sent: d.sent, failed: d.failed };
  return html`<p><a href="/admin/conferences/${conference.id}">${t.nav.back}</a> · <a href="${base}">${t.nav.all}</a></p>
<h1>${d.title}: ${subjectOf(message, lang)}</h1>
${notice ? html`<div class="notice ok" role="status"><p>${notice}</p></div>` : ''}
<dl class="facts">
  <dt>${d.sentBy}</dt><dd>${message.sentByName}</dd>
  <dt>${d.sentAt}</dt><dd>${formatDateTime(message.sentAt, lang)}</dd>
  <dt>${d.filter}</dt><dd>${describeFilter(message.filter, lang, names)}</dd>
  <dt>${d.total}</dt><dd id="progress-total">${progress.total}</dd>
  <dt>${d.sent}</dt><dd id="progress-sent">${progress.sent}</dd>
  <dt>${d.queued}</dt><dd id="progress-queued">${progress.queued}</dd>
  <dt>${d.failed}</dt><dd id="progress-failed">${progress.failed}</dd>
</dl>
<div class="actions">
  <a class="button secondary" href="${base}/${message.id}">${d.refresh}</a>
  ${progress.failed > 0
    ? html`<form method="post" action="${base}/${message.id}/resend-failed" class="inline"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit">${d.resend(progress.failed)}</button></form>`
    : ''}
</div>
<h2>${d.recipient}</h2>
<table><caption class="visually-hidden">${d.recipient}</caption>
<thead><tr><th scope="col">${d.recipient}</th><th scope="col">${d.email}</th><th scope="col">${d.language}</th><th scope="col">${d.status}</th><th scope="col">${d.reason}</th></tr></thead>
<tbody>${recipients.map((r) => html`<tr><td>${r.name}</td><td>${r.email}</td><td>${r.language}</td><td>${status[r.status]}${r.status === 'queued' && r.reason ? html` (${d.retrying})` : ''}</td><td>${r.reason ?? ''}</td></tr>`)}</tbody>
</table>
<h2>${d.content}</h2>
${shown.map((l) => html`<div lang="${l}" style="border:1px solid #d0d7de;border-radius:4px;padding:.75rem 1rem;margin-bottom:1rem">
<p><strong>${content.subject[l]}</strong></p>
<pre style="white-space:pre-wrap;font:inherit">${content.body[l]}</pre>
</div>`)}`;
}

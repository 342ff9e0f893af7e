import type { Conference } from '@dialogdag/conferences';
import { Language, toStockholmIso } from '@dialogdag/shared';
import { html, SafeHtml, withQuery } from '@dialogdag/web';
import type { AuditEntry } from '../audit.service';
import { AUDIT_TEXTS } from '../audit.texts';

export const AUDIT_PAGE_SIZE = 50;

// Sent bodies and ids are long unbroken text: they wrap inside their cells instead of widening the page.
const STYLE = html`<style>
#audit-log td { vertical-align: top; }
#audit-log code, #audit-log pre { overflow-wrap: anywhere; }
#audit-log pre { white-space: pre-wrap; margin: .25rem 0 0; }
</style>`;

/** The page's query, leniently: anything unreadable means the first page of every action. */
export function auditPageQuery(query: Record<string, unknown>): { offset: number; action: string | undefined } {
  const offset = typeof query.offset === 'string' && /^\d{1,9}$/.test(query.offset) ? Number(query.offset) : 0;
  const action = typeof query.action === 'string' && query.action.length > 0 && query.action.length <= 300 ? query.action : undefined;
  return { offset, action };
}

export interface AuditLogPage {
  lang: Language;
  conference: Conference;
  items: AuditEntry[];
  total: number;
  offset: number;
  action: string | undefined;
  actions: string[];
}

/** "2030-10-20 09:15:02", Stockholm time, to the second: an audit trail needs more than the minute. */
function when(at: Date): SafeHtml {
  const iso = toStockholmIso(new Date(at));
  return html`<time datetime="${iso}">${iso.slice(0, 10)} ${iso.slice(11, 19)}</time>`;
}

function target(value: Record<string, unknown>): SafeHtml {
  const entries = Object.entries(value ?? {});
  return html`${entries.map(([key, item]) => html`<div><span class="hint">${key}:</span> <code>${typeof item === 'string' ? item : JSON.stringify(item)}</code></div>`)}`;
}

function details(entry: AuditEntry, lang: Language): SafeHtml {
  const t = AUDIT_TEXTS[lang];
  if (entry.changes === null || entry.changes === undefined) return html`<span class="hint">${t.noDetails}</span>`;
  return html`<details><summary>${t.showDetails}</summary><pre><code>${JSON.stringify(entry.changes, null, 2)}</code></pre></details>`;
}

export function auditLogPage(page: AuditLogPage): SafeHtml {
  const t = AUDIT_TEXTS[page.lang];
  const base = `/admin/conferences/${page.conference.id}/audit-log`;
  const first = page.total === 0 ? 0 : page.offset + 1;
  const last = page.offset + page.items.length;
  const pageLink = (offset: number) => withQuery(base, { action: page.action, offset: offset > 0 ? String(offset) : undefined });
  return html`${STYLE}<p><a href="/admin/conferences/${page.conference.id}">${t.back}</a></p>
<h1>${t.title}: ${page.conference.title}</h1>
<p class="lead">${t.lead}</p>
<form method="get" action="${base}" class="filters">
  <div class="field">
    <label for="action">${t.filter}</label>
    <select id="action" name="action">
      <option value="">${t.allActions}</option>
      ${page.actions.map((a) => html`<option value="${a}"${a === page.action ? html` selected` : ''}>${a}</option>`)}
    </select>
  </div>
  <button type="submit" class="secondary">${t.show}</button>
</form>
${page.items.length === 0
  ? html`<p>${t.none}</p>`
  : html`<p id="audit-range">${t.range(first, last, page.total)}</p>
<table id="audit-log"><caption class="visually-hidden">${t.title}</caption>
<thead><tr><th scope="col">${t.when}</th><th scope="col">${t.who}</th><th scope="col">${t.what}</th><th scope="col">${t.target}</th><th scope="col">${t.details}</th></tr></thead>
<tbody>${page.items.map((entry) => html`<tr id="audit-entry-${entry.id}">
<td>${when(entry.at)}</td>
<td>${entry.organiserEmail}${entry.via === 'token' ? html`<br><span class="hint">${t.viaToken}</span>` : ''}</td>
<td><code>${entry.action}</code><br><span class="hint">${t.status} ${entry.status}</span></td>
<td>${target(entry.target)}</td>
<td>${details(entry, page.lang)}</td>
</tr>`)}</tbody></table>`}
${page.offset > 0 || last < page.total
  ? html`<nav aria-label="${t.pages}" class="actions">
  ${page.offset > 0 ? html`<a href="${pageLink(Math.max(0, page.offset - AUDIT_PAGE_SIZE))}" rel="prev">${t.newer}</a>` : ''}
  ${last < page.total ? html`<a href="${pageLink(page.offset + AUDIT_PAGE_SIZE)}" rel="next">${t.older}</a>` : ''}
</nav>`
  : ''}`;
}

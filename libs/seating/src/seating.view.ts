import { Language } from '@dialogdag/shared';
import { errorSummary, FieldErrors, html, SafeHtml } from '@dialogdag/web';
import type { Participant } from '@dialogdag/registrations';
import { SEATING_GROUPS } from './algorithm';
import type { PlacementView, SeatingRequestView, TableView } from './seating.dto';
import type { TableProblem } from './seating.problems';
import { SEATING_TEXTS, SeatingTexts } from './seating.texts';

/** Colours are one cue; each person also carries the party's letter and, for screen readers, its name. */
const STYLE = html`<style>
.room { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 1rem; }
.room section { border: 2px solid var(--line); border-radius: 6px; padding: .5rem .75rem; }
.room section.flagged { border-color: #bf8700; }
.room h3 { margin: 0 0 .25rem; font-size: 1.1rem; }
.room ul.people { list-style: none; margin: .25rem 0; padding: 0; }
.room ul.people li { margin: .15rem 0; }
.room .org { color: var(--muted); font-size: .9rem; }
.room ul.problems { margin: .25rem 0; padding-left: 1.1rem; color: #7a4d00; font-size: .95rem; }
.party { display: inline-block; min-width: 1.6rem; text-align: center; font-weight: 700; border-radius: 3px; margin-right: .3rem; color: #fff; }
.party.civil_society { background: #1a7f37; }
.party.local_regional { background: #0b5cad; }
.party.state { background: #8250df; }
.party.other { background: #57606a; }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; list-style: none; }
table.tables input[type=text], table.tables input[type=number] { width: 100%; padding: .3rem; font: inherit; }
</style>`;

export interface SeatingPageModel {
  lang: Language;
  conference: { id: string; title: string };
  csrf: string;
  tables: TableView[];
  placement: PlacementView;
  /** Problems per table, in the page's language. */
  problems: Map<string, TableProblem[]>;
  people: Map<string, Participant>;
  requests: SeatingRequestView[];
  errors: FieldErrors;
  notice?: SafeHtml;
  values?: Record<string, string | undefined>;
}

export function seatingPage(model: SeatingPageModel): SafeHtml {
  const t = SEATING_TEXTS[model.lang];
  const base = `/admin/conferences/${model.conference.id}/seating`;
  return html`${STYLE}<p><a href="/admin/conferences/${model.conference.id}">${t.back}</a></p>
<h1>${t.title}: ${model.conference.title}</h1>
${errorSummary(t.problem, model.errors)}
${model.notice ?? ''}
${summary(model, t, base)}
${model.placement.ranAt ? room(model, t) : ''}
${model.placement.ranAt ? moveForm(model, t, base) : ''}
${fixedList(model, t, base)}
${requestsSection(model, t, base)}
${tablesSection(model, t, base)}`;
}

function summary(model: SeatingPageModel, t: SeatingTexts, base: string): SafeHtml {
  const p = model.placement;
  const m = p.metrics;
  const api = `/api/conferences/${model.conference.id}/seating`;
  return html`<section aria-labelledby="summary"><h2 id="summary">${t.summary}</h2>
${p.ranAt
  ? html`<ul>
  <li>${t.ranAt}: <time datetime="${p.ranAt}">${p.ranAt.slice(0, 16).replace('T', ' ')} UTC</time>. ${m.runMilliseconds !== undefined ? t.runTime(m.runMilliseconds) : ''}</li>
  <li>${t.allParties(m.tablesWithAllParties, m.maxPossibleTablesWithAllParties)}</li>
  <li>${t.deviation(m.maxPartyDeviation, m.totalPartyDeviation)}</li>
  <li>${t.orgPairs(m.sameOrganisationPairs)}</li>
  <li>${t.requestsBroken(m.requestsBroken)}</li>
  <li>${t.moved(p.moved.length)}</li>
</ul>
${m.peopleWithoutTable > 0 ? html`<div class="notice warn" role="status"><p>${t.withoutTable(m.peopleWithoutTable)}</p></div>` : ''}
<p class="actions"><a class="button secondary" href="${api}/table-cards.pdf?lang=${model.lang}">${t.pdfCards}</a> <a class="button secondary" href="${api}/find-your-table.pdf?lang=${model.lang}">${t.pdfList}</a></p>`
  : html`<p>${t.notRun}</p>`}
<p class="hint">${t.spreadNote}</p>
${model.tables.length > 0
  ? html`<form method="post" action="${base}/run" class="actions"><input type="hidden" name="_csrf" value="${model.csrf}"><button type="submit">${p.ranAt ? t.rerun : t.run}</button></form>`
  : ''}
</section>`;
}

function legend(t: SeatingTexts): SafeHtml {
  return html`<h3 id="legend">${t.legend}</h3><ul class="legend" aria-labelledby="legend">
${SEATING_GROUPS.map((g) => html`<li><span class="party ${g}" aria-hidden="true">${t.groupShort[g]}</span>${t.groups[g]}</li>`)}
</ul>`;
}

function room(model: SeatingPageModel, t: SeatingTexts): SafeHtml {
  const fixed = new Set(model.tables.flatMap((x) => x.fixedRegistrationIds));
  return html`<section aria-labelledby="room"><h2 id="room">${t.room}</h2>
${legend(t)}
<div class="room">
${model.placement.tables.map((table) => {
  const problems = (model.problems.get(table.id) ?? []).map((p) => p.message);
  return html`<section aria-labelledby="table-${table.id}" class="${problems.length > 0 ? 'flagged' : ''}">
  <h3 id="table-${table.id}">${table.name} <span class="org">(${table.registrationIds.length}/${table.seats} ${t.people}${table.reserved ? html`, ${t.reservedShort}` : ''})</span></h3>
  ${problems.length > 0 ? html`<p class="visually-hidden">${t.problems}</p><ul class="problems">${problems.map((m) => html`<li>⚠ ${m}</li>`)}</ul>` : ''}
  ${table.registrationIds.length === 0
    ? html`<p class="org">${t.empty}</p>`
    : html`<ul class="people">${table.registrationIds.map((id) => {
        const person = model.people.get(id)!;
        return html`<li><span class="party ${person.party}" aria-hidden="true">${t.groupShort[person.party]}</span><span class="visually-hidden">${t.groups[person.party]}: </span>${person.name}${fixed.has(id) ? html` <span class="org">(${t.fixedMark})</span>` : ''}<br><span class="org">${person.organisation}</span></li>`;
      })}</ul>`}
</section>`;
})}
</div></section>`;
}

function personOptions(model: SeatingPageModel, selected?: string): SafeHtml {
  const sorted = [...model.people.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return html`${sorted.map((p) => html`<option value="${p.id}"${p.id === selected ? html` selected` : ''}>${p.name} – ${p.organisation}</option>`)}`;
}

function moveForm(model: SeatingPageModel, t: SeatingTexts, base: string): SafeHtml {
  const v = model.values ?? {};
  return html`<section aria-labelledby="move"><h2 id="move">${t.moveTitle}</h2>
<form method="post" action="${base}/move">
  <input type="hidden" name="_csrf" value="${model.csrf}">
  <div class="field${model.errors.registrationId ? ' has-error' : ''}"><label for="registrationId">${t.person}</label>
  <select id="registrationId" name="registrationId" required>${personOptions(model, v.registrationId)}</select></div>
  <div class="field${model.errors.tableId ? ' has-error' : ''}"><label for="tableId">${t.toTable}</label>
  <select id="tableId" name="tableId" required>${model.tables.map((x) => html`<option value="${x.id}"${x.id === v.tableId ? html` selected` : ''}>${x.name}</option>`)}</select></div>
  <div class="field checkbox"><input id="fix" name="fix" type="checkbox" value="true"${v.fix === 'true' ? html` checked` : ''}><label for="fix">${t.fix}</label></div>
  <button type="submit">${t.move}</button>
</form></section>`;
}

function fixedList(model: SeatingPageModel, t: SeatingTexts, base: string): SafeHtml {
  const rows = model.tables.flatMap((table) => table.fixedRegistrationIds.map((id) => ({ id, table })));
  return html`<section aria-labelledby="fixed"><h2 id="fixed">${t.fixedTitle}</h2>
${rows.length === 0
  ? html`<p>${t.noneFixed}</p>`
  : html`<ul>${rows.map(({ id, table }) => html`<li>${model.people.get(id)?.name ?? id} – ${table.name}
  <form method="post" action="${base}/fixed/${id}/delete" class="inline"><input type="hidden" name="_csrf" value="${model.csrf}"><button type="submit" class="link">${t.release}<span class="visually-hidden"> ${model.people.get(id)?.name ?? ''}</span></button></form></li>`)}</ul>`}
</section>`;
}

function requestsSection(model: SeatingPageModel, t: SeatingTexts, base: string): SafeHtml {
  const name = (id: string) => model.people.get(id)?.name ?? id;
  return html`<section aria-labelledby="requests"><h2 id="requests">${t.requestsTitle}</h2>
${model.requests.length === 0
  ? html`<p>${t.noRequests}</p>`
  : html`<ul>${model.requests.map((r) => html`<li>${r.kind === 'apart' ? t.apart : t.together}: ${name(r.registrationIds[0])} – ${name(r.registrationIds[1])}
  <form method="post" action="${base}/requests/${r.id}/delete" class="inline"><input type="hidden" name="_csrf" value="${model.csrf}"><button type="submit" class="link">${t.remove}<span class="visually-hidden"> ${t.requestsTitle}</span></button></form></li>`)}</ul>`}
${model.people.size >= 2
  ? html`<form method="post" action="${base}/requests">
  <input type="hidden" name="_csrf" value="${model.csrf}">
  <div class="field"><label for="kind">${t.kind}</label><select id="kind" name="kind"><option value="apart">${t.apart}</option><option value="together">${t.together}</option></select></div>
  <div class="field${model.errors.registrationIds ? ' has-error' : ''}"><label for="registrationIds">${t.first}</label><select id="registrationIds" name="first">${personOptions(model)}</select></div>
  <div class="field"><label for="second">${t.second}</label><select id="second" name="second">${personOptions(model)}</select></div>
  <button type="submit" class="secondary">${t.addRequest}</button>
</form>`
  : ''}
</section>`;
}

function tablesSection(model: SeatingPageModel, t: SeatingTexts, base: string): SafeHtml {
  const v = model.values ?? {};
  return html`<section aria-labelledby="tables"><h2 id="tables">${t.tables}</h2>
${model.tables.length === 0
  ? html`<p>${t.noTables}</p>`
  : html`<table class="tables"><caption class="visually-hidden">${t.tables}</caption><thead><tr><th scope="col">${t.name}</th><th scope="col">${t.seats}</th><th scope="col">${t.reserved}</th><th scope="col"><span class="visually-hidden">${t.save}</span></th><th scope="col"><span class="visually-hidden">${t.remove}</span></th></tr></thead><tbody>
${model.tables.map((x) => html`<tr>
  <td><input form="table-${x.id}" id="table-${x.id}-name" name="name" type="text" value="${x.name}" aria-label="${t.name} (${x.name})"></td>
  <td><input form="table-${x.id}" id="table-${x.id}-seats" name="seats" type="number" min="1" max="100" value="${x.seats}" aria-label="${t.seats} (${x.name})"></td>
  <td><input form="table-${x.id}" id="table-${x.id}-reserved" name="reserved" type="checkbox" value="true"${x.reserved ? html` checked` : ''} aria-label="${t.reserved} (${x.name})"></td>
  <td><form id="table-${x.id}" method="post" action="${base}/tables/${x.id}" class="inline"><input type="hidden" name="_csrf" value="${model.csrf}"><button type="submit" class="secondary">${t.save}<span class="visually-hidden"> ${x.name}</span></button></form></td>
  <td><form method="post" action="${base}/tables/${x.id}/delete" class="inline"><input type="hidden" name="_csrf" value="${model.csrf}"><button type="submit" class="link">${t.remove}<span class="visually-hidden"> ${x.name}</span></button></form></td>
</tr>`)}
</tbody></table>`}
<h3 id="bulk">${t.bulkTitle}</h3>
<form method="post" action="${base}/tables/bulk" novalidate>
  <input type="hidden" name="_csrf" value="${model.csrf}">
  ${numberField('count', t.bulkCount, v.count ?? '15', model.errors.count)}
  ${numberField('seats', t.bulkSeats, v.seats ?? '8', model.errors.seats)}
  <div class="field${model.errors.prefix ? ' has-error' : ''}"><label for="prefix">${t.bulkPrefix}</label>${model.errors.prefix ? html`<p class="field-error" id="prefix-error">${model.errors.prefix}</p>` : ''}
  <input id="prefix" name="prefix" type="text" value="${v.prefix ?? t.defaultPrefix}"${model.errors.prefix ? html` aria-invalid="true" aria-describedby="prefix-error"` : ''}></div>
  <button type="submit" class="secondary">${t.bulkAdd}</button>
</form></section>`;
}

function numberField(name: string, label: string, value: string, error?: string): SafeHtml {
  return html`<div class="field${error ? ' has-error' : ''}"><label for="${name}">${label}</label>${error ? html`<p class="field-error" id="${name}-error">${error}</p>` : ''}
  <input id="${name}" name="${name}" type="number" min="1" value="${value}"${error ? html` aria-invalid="true" aria-describedby="${name}-error"` : ''}></div>`;
}

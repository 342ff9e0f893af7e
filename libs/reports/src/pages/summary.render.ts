import { formatMoney, Language, PARTY_LABELS, SECTOR_LABELS } from '@dialogdag/shared';
import { html, SafeHtml } from '@dialogdag/web';
import { CATALOGUE } from '../i18n';
import { barChart } from '../summary/bar-chart';
import type { AttendanceFigures } from '../summary/attendance.rules';
import type { HeadlineFigures } from '../summary/attendance.service';

/** Inline: the page must work offline and print without the app's stylesheet being fetched again. */
export const REPORT_STYLE = html`<style>
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .5rem; margin: 1rem 0; padding: 0; }
.figures div { border: 1px solid var(--line, #d0d7de); border-radius: 4px; padding: .5rem .75rem; }
.figures dt { font-size: .9rem; color: var(--muted, #57606a); }
.figures dd { margin: 0; font-size: 1.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.chart { margin: 1rem 0; break-inside: avoid; }
.chart figcaption { font-size: .9rem; color: var(--muted, #57606a); }
@media print { .chart svg { max-width: 100% !important; } h2 { break-after: avoid; } table { break-inside: avoid; } }
</style>`;

const num = (n: number, lang: Language) => new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB').format(n);

export function figureList(f: AttendanceFigures, lang: Language, ended: boolean): SafeHtml {
  const t = CATALOGUE[lang].summary;
  const items: Array<[string, number]> = [
    [t.registered, f.registered], [t.attended, f.attended], [t.cancelled, f.cancelled], [t.noShows, ended ? f.noShows : 0], [t.waitlisted, f.waitlisted],
    [t.organisations, f.organisations], [t.municipalities, f.municipalities], [t.regions, f.regions], [t.politicians, f.politicians],
  ];
  return html`<dl class="figures">${items.map(([label, value]) => html`<div><dt>${label}</dt><dd>${num(value, lang)}</dd></div>`)}</dl>`;
}

function countTable(caption: string, first: string, rows: Array<[string, number, number]>, lang: Language, total?: [number, number]): SafeHtml {
  const t = CATALOGUE[lang];
  return html`<table><caption class="visually-hidden">${caption}</caption>
<thead><tr><th scope="col">${first}</th><th scope="col" class="num">${t.summary.legendRegistered}</th><th scope="col" class="num">${t.summary.legendAttended}</th></tr></thead>
<tbody>${rows.map(([label, r, a]) => html`<tr><th scope="row">${label}</th><td class="num">${num(r, lang)}</td><td class="num">${num(a, lang)}</td></tr>`)}</tbody>
${total ? html`<tfoot><tr><th scope="row">${t.common.total}</th><td class="num">${num(total[0], lang)}</td><td class="num">${num(total[1], lang)}</td></tr></tfoot>` : ''}
</table>`;
}

/** The breakdowns as tables and as bar charts (registered against attended), plus politicians by party. */
export function breakdowns(f: AttendanceFigures, lang: Language, idPrefix: string): SafeHtml {
  const t = CATALOGUE[lang].summary;
  const seriesNames = [t.legendRegistered, t.legendAttended];
  const sectors = f.bySector.map((s) => [SECTOR_LABELS[s.sector][lang], s.registered, s.attended] as [string, number, number]);
  const parties = f.byParty.map((p) => [PARTY_LABELS[p.party][lang], p.registered, p.attended] as [string, number, number]);
  const chartOf = (id: string, title: string, rows: Array<[string, number, number]>) =>
    barChart({ id: `${idPrefix}-${id}`, title, seriesNames, groups: rows.map(([label, r, a]) => ({ label, values: [r, a] })) });
  return html`<h2 id="${idPrefix}-by-party">${t.byParty}</h2>
${chartOf('party', t.chartParty, parties)}
${countTable(t.byParty, t.party, parties, lang, [f.registered, f.attended])}
<h2 id="${idPrefix}-by-sector">${t.bySector}</h2>
${chartOf('sector', t.chartSector, sectors)}
${countTable(t.bySector, t.sector, sectors, lang, [f.registered, f.attended])}
<h2>${t.politiciansByParty}</h2>
${f.politiciansByParty.length === 0
  ? html`<p>${t.noPoliticalParty}</p>`
  : countTable(t.politiciansByParty, t.politicalParty, f.politiciansByParty.map((p) => [p.politicalParty, p.registered, p.attended]), lang)}
<h2>${t.amongAttended}</h2>
<dl class="facts">
  <dt>${t.organisations}</dt><dd>${num(f.amongAttended.organisations, lang)}</dd>
  <dt>${t.municipalities}</dt><dd>${num(f.amongAttended.municipalities, lang)}</dd>
  <dt>${t.regions}</dt><dd>${num(f.amongAttended.regions, lang)}</dd>
  <dt>${t.politicians}</dt><dd>${num(f.amongAttended.politicians, lang)}</dd>
</dl>`;
}

/**
 * The conference front page's panel: seats, waiting list, parties, check-ins, fees owed and claims.
 * The lead wires it into the conferences page; `claims` stays "–" until the reimbursements lib supplies it.
 */
export function headlinePanel(h: HeadlineFigures, conferenceId: string, lang: Language): SafeHtml {
  const t = CATALOGUE[lang].summary;
  const s = h.summary;
  return html`<section class="headline-figures" aria-labelledby="headline-${conferenceId}">
<h2 id="headline-${conferenceId}">${t.headline}</h2>
<dl class="facts">
  <dt>${t.seats}</dt><dd>${num(h.seatsHeld, lang)} / ${num(h.capacity, lang)}</dd>
  <dt>${t.waitlisted}</dt><dd>${num(s.waitlisted, lang)}</dd>
  ${s.byParty.map((p) => html`<dt>${PARTY_LABELS[p.party][lang]}</dt><dd>${num(p.registered, lang)}</dd>`)}
  <dt>${t.checkedIn}</dt><dd>${num(s.attended, lang)} / ${num(s.registered, lang)}</dd>
  <dt>${t.feesOwed}</dt><dd>${formatMoney(h.feesOwed, lang)}</dd>
  <dt>${t.claims}</dt><dd>${h.claims ? `${num(h.claims.count, lang)} (${formatMoney(h.claims.approvedAmount, lang)})` : CATALOGUE[lang].common.none}</dd>
</dl>
<p><a href="/admin/conferences/${conferenceId}/attendance">${t.open}</a></p>
</section>`;
}

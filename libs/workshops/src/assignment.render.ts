import { Participant } from '@dialogdag/registrations';
import { formatDateTime, Language, PARTY_LABELS, Party, PARTIES } from '@dialogdag/shared';
import { errorSummary, html, SafeHtml } from '@dialogdag/web';
import type { Counts } from './algorithm/assignment.types';
import { AssignmentItemView, AssignmentView } from './assignment.dto';
import { ConferenceWorkshops } from './workshop-catalogue';
import { Workshop } from './workshop.entity';
import { roundLabel, TEXTS } from './workshops.texts';

export interface AssignmentPageData {
  lang: Language;
  conference: { id: string; title: string };
  csrf: string;
  catalogue: ConferenceWorkshops;
  view: AssignmentView;
  /** Everyone registered, for names; seat holders are the confirmed ones. */
  people: Participant[];
  notice: string | null;
  error: string | null;
}

/** The assignment page's body: the result in words, what changed, the form to move people, and each workshop's groups. */
export function assignmentBody(d: AssignmentPageData): SafeHtml {
  const t = TEXTS[d.lang];
  const base = `/admin/conferences/${d.conference.id}/workshop-assignment`;
  const label = (round: string) => roundLabel(round, d.catalogue.blocks, d.catalogue.rounds, d.lang);
  const m = d.view.metrics;
  return html`<p><a href="/admin/conferences/${d.conference.id}">${t.backToConference}</a> · <a href="/admin/conferences/${d.conference.id}/workshops">${t.toWorkshops}</a></p>
<h1>${t.assignment}: ${d.conference.title}</h1>
${d.notice ? html`<div class="notice ok" role="status"><p>${d.notice}</p></div>` : ''}
${d.error ? errorSummary(t.problem, {}, [d.error]) : ''}
${m && d.view.ranAt
  ? html`<section aria-labelledby="result"><h2 id="result">${t.ran(formatDateTime(new Date(d.view.ranAt), d.lang), m.durationMs.toLocaleString(d.lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 }))}</h2>
${d.catalogue.rounds.length > 1 ? m.rounds.map((r) => html`<h3>${label(String(r.round))}</h3>${countsText(d.lang, r)}`) : countsText(d.lang, m)}
<p>${m.optimal ? t.optimal : t.gap(m.gap.firstChoice, m.gap.noneOfTheirChoices)}</p></section>`
  : html`<p>${t.notRun}</p>`}
<div class="actions">
  <form method="post" action="${base}/run" class="inline"><input type="hidden" name="_csrf" value="${d.csrf}"><button type="submit">${m ? t.rerun : t.run}</button></form>
  ${d.view.assignments.length > 0
    ? html`<form method="post" action="${base}/notify" class="inline"><input type="hidden" name="_csrf" value="${d.csrf}"><button type="submit" class="secondary">${t.notify}</button></form>`
    : ''}
</div>
${d.view.changes ? changesSection(d) : ''}
${moveForm(d, base, label)}
${d.catalogue.rounds.map((round) => roundSection(d, round, label))}`;
}

function countsText(lang: Language, c: Counts): SafeHtml {
  const t = TEXTS[lang];
  return html`<p>${t.summary(c)} ${t.outside(c)}${c.withoutPreferences + c.withoutPreferencesUnassigned > 0 ? html` ${t.withoutPreferences(c)}` : ''}</p>`;
}

function changesSection(d: AssignmentPageData): SafeHtml {
  const t = TEXTS[d.lang];
  const c = d.view.changes!;
  const name = nameOf(d.people);
  const lists: Array<[string, string[]]> = [
    [t.added, c.added.map(name)],
    [t.left, c.left.map(name)],
    [t.transferred, c.transferred.map((x) => `${name(x.from)} → ${name(x.to)}`)],
    [t.preferencesChanged, c.preferencesChanged.map(name)],
  ];
  const any = lists.some(([, items]) => items.length > 0) || c.movedByHand > 0;
  return html`<section aria-labelledby="changes"><h2 id="changes">${t.changes}</h2>
${any
  ? html`${lists.filter(([, items]) => items.length > 0).map(([heading, items]) => html`<h3>${heading} (${items.length})</h3><ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`)}
${c.movedByHand > 0 ? html`<p>${t.movedByHand(c.movedByHand)}</p>` : ''}`
  : html`<p>${t.noChanges}</p>`}
</section>`;
}

function moveForm(d: AssignmentPageData, base: string, label: (round: string) => string): SafeHtml {
  const t = TEXTS[d.lang];
  const seatHolders = d.people.filter((p) => p.status === 'confirmed');
  if (seatHolders.length === 0 || d.catalogue.workshops.length === 0) return html``;
  const several = d.catalogue.rounds.length > 1;
  const targets = d.catalogue.rounds.flatMap((round) => [
    ...d.catalogue.workshops.filter((w) => w.rounds.includes(round)).map((w) => ({ value: `${w.id}|${round}`, label: several ? `${w.title} (${label(round)})` : w.title })),
    { value: `none|${round}`, label: t.removeFromRound(label(round)) },
  ]);
  return html`<section aria-labelledby="move"><h2 id="move">${t.move}</h2>
<p class="hint" id="move-hint">${t.moveHint}</p>
<form method="post" action="${base}/move" aria-describedby="move-hint">
  <input type="hidden" name="_csrf" value="${d.csrf}">
  <div class="field"><label for="registrationId">${t.person}</label>
  <select id="registrationId" name="registrationId" required>${seatHolders.map((p) => html`<option value="${p.id}">${p.name}, ${p.organisation}</option>`)}</select></div>
  <div class="field"><label for="target">${t.target}</label>
  <select id="target" name="target" required>${targets.map((o) => html`<option value="${o.value}">${o.label}</option>`)}</select></div>
  <div class="field checkbox"><input type="checkbox" id="locked" name="locked" value="true" checked><label for="locked">${t.lock}</label></div>
  <button type="submit">${t.moveSubmit}</button>
</form></section>`;
}

function roundSection(d: AssignmentPageData, round: string, label: (round: string) => string): SafeHtml {
  const t = TEXTS[d.lang];
  const seatHolders = d.people.filter((p) => p.status === 'confirmed');
  const inRound = d.view.assignments.filter((a) => String(a.round) === round);
  const placed = new Set(inRound.map((a) => a.registrationId));
  const unplaced = seatHolders.filter((p) => !placed.has(p.id));
  const heading = d.catalogue.rounds.length > 1 ? html`<h2>${label(round)}</h2>` : html`<h2>${t.workshops}</h2>`;
  return html`<section>${heading}
${d.catalogue.workshops.filter((w) => w.rounds.includes(round)).map((w) => workshopBlock(d, w, inRound.filter((a) => a.workshopId === w.id)))}
<h3>${t.unplaced} (${unplaced.length})</h3>
${unplaced.length === 0 ? html`<p>${t.everyonePlaced}</p>` : html`<ul>${unplaced.map((p) => html`<li>${p.name}, ${p.organisation}</li>`)}</ul>`}
</section>`;
}

function workshopBlock(d: AssignmentPageData, w: Workshop, places: AssignmentItemView[]): SafeHtml {
  const t = TEXTS[d.lang];
  const byId = new Map(d.people.map((p) => [p.id, p]));
  const groups = [...new Set(places.map((p) => p.group ?? 1))].sort((a, b) => a - b);
  return html`<h3>${w.title}${w.room ? html` · ${w.room}` : ''}</h3>
<p>${t.fill(places.length, w.capacity)}</p>
${groups.length === 0
  ? ''
  : html`<table><thead><tr><th scope="col">${t.group}</th><th scope="col">${t.party}</th><th scope="col">${t.name}</th></tr></thead><tbody>
${groups.map((g) => {
  const members = places.filter((p) => (p.group ?? 1) === g).map((p) => ({ place: p, person: byId.get(p.registrationId) })).filter((x) => x.person);
  const mix = PARTIES.map((party) => [party, members.filter((x) => x.person!.party === party).length] as [Party, number]).filter(([, n]) => n > 0);
  return html`<tr><th scope="row">${t.groupHeading(g, members.length)}</th><td>${mix.map(([party, n]) => `${PARTY_LABELS[party][d.lang]} ${n}`).join(', ')}</td>
<td><ul>${members.map((x) => html`<li>${x.person!.name}, ${x.person!.organisation} – ${t.rank(x.place.rank)}${x.place.locked ? html` (${t.locked})` : ''}</li>`)}</ul></td></tr>`;
})}
</tbody></table>`}`;
}

function nameOf(people: Participant[]): (id: string) => string {
  const byId = new Map(people.map((p) => [p.id, p]));
  return (id) => {
    const p = byId.get(id);
    return p ? `${p.name}, ${p.organisation}` : id;
  };
}

import { formatClock, formatLongDate, Language } from '@dialogdag/shared';
import { html, SafeHtml, Texts } from '@dialogdag/web';
import type { Programme, ProgrammeEntry, ProgrammeEntrySpeaker } from './programme.service';
import { ProgrammeKind, SpeakerRole } from './programme.rules';

export const KIND_LABELS: Texts<Record<ProgrammeKind, string>> = {
  sv: {
    registration: 'Registrering och kaffe', welcome: 'Välkommen', talk: 'Föreläsning', panel: 'Panelsamtal', break: 'Paus',
    lunch: 'Lunch', workshop: 'Workshop', group_work: 'Arbete i grupper', cultural: 'Kulturellt inslag', closing: 'Avslutning', other: 'Övrigt',
  },
  en: {
    registration: 'Registration and coffee', welcome: 'Welcome', talk: 'Talk', panel: 'Panel discussion', break: 'Break',
    lunch: 'Lunch', workshop: 'Workshop', group_work: 'Group work', cultural: 'Cultural element', closing: 'Closing', other: 'Other',
  },
};

export const ROLE_LABELS: Texts<Record<SpeakerRole, string>> = {
  sv: { speaker: 'talare', moderator: 'samtalsledare', panelist: 'panelist', inspirer: 'inspiratör' },
  en: { speaker: 'speaker', moderator: 'chair', panelist: 'panellist', inspirer: 'inspirer' },
};

const T: Texts<{ programme: string; moderator: string; room: string; empty: string; printable: string; calendar: string }> = {
  sv: { programme: 'Program', moderator: 'Moderator för dagen', room: 'Lokal', empty: 'Programmet är inte klart än.', printable: 'Utskriftsvänligt program', calendar: 'Lägg till i kalendern (iCalendar)' },
  en: { programme: 'Programme', moderator: 'Moderator of the day', room: 'Room', empty: 'The programme is not ready yet.', printable: 'Printable programme', calendar: 'Add to your calendar (iCalendar)' },
};

function speakerLine(s: ProgrammeEntrySpeaker, lang: Language): SafeHtml {
  const details = [s.title, s.organisation].filter(Boolean).join(', ');
  const role = s.role === 'speaker' ? '' : ` (${ROLE_LABELS[lang][s.role]})`;
  return html`<li><span class="speaker-name">${s.name}</span>${details ? html`, <span class="speaker-details">${details}</span>` : ''}${role}</li>`;
}

function entryBody(entry: ProgrammeEntry, lang: Language, showTime: boolean): SafeHtml {
  const { item } = entry;
  return html`${showTime ? html`<p class="time">${formatClock(item.startsAt)}–${formatClock(item.endsAt)}</p>` : ''}
<h3 class="item-title">${item.title}</h3>
${item.room ? html`<p class="room"><span class="visually-hidden">${T[lang].room}: </span>${item.room}</p>` : ''}
${item.description ? html`<p class="description">${item.description}</p>` : ''}
${entry.speakers.length ? html`<ul class="speakers">${entry.speakers.map((s) => speakerLine(s, lang))}</ul>` : ''}`;
}

/**
 * The programme as a printed invitation shows it: time, title, room, speakers with
 * title and organisation; items that run in parallel side by side.
 */
export function renderProgramme(programme: Programme, lang: Language, options: { heading?: boolean; links?: string } = {}): SafeHtml {
  const t = T[lang];
  const m = programme.moderator;
  return html`<section class="programme" aria-labelledby="programme-heading">
${options.heading === false ? '' : html`<h2 id="programme-heading">${t.programme}</h2>`}
${m ? html`<p class="moderator"><strong>${t.moderator}:</strong> ${[m.name, m.title, m.organisation].filter(Boolean).join(', ')}</p>` : ''}
${programme.entries.length === 0
  ? html`<p>${t.empty}</p>`
  : html`<table class="programme-table"><tbody>
${programme.slots.map((slot) =>
  slot.items.length === 1
    ? html`<tr><th scope="row" class="time">${formatClock(slot.startsAt)}–${formatClock(slot.endsAt)}</th><td>${entryBody(slot.items[0], lang, false)}</td></tr>`
    : html`<tr><th scope="row" class="time">${formatClock(slot.startsAt)}–${formatClock(slot.endsAt)}</th><td><div class="parallel">${slot.items.map((e) => html`<div>${entryBody(e, lang, true)}</div>`)}</div></td></tr>`,
)}
</tbody></table>`}
${options.links ? html`<p class="programme-links"><a href="${options.links}/programme?lang=${lang}">${t.printable}</a> · <a href="/api/public/conferences/${programme.conference.slug}/programme.ics">${t.calendar}</a></p>` : ''}
</section>`;
}

/** The page body for /c/:slug/programme: the programme alone, made for paper. */
export function renderPrintableProgramme(programme: Programme, lang: Language): SafeHtml {
  const c = programme.conference;
  return html`<style>
.programme-print h1 { margin-bottom: .2rem; }
.programme-print .programme-table th { width: 7.5rem; }
.programme-print .item-title { font-size: 1.05rem; margin: 0; }
.programme-print .room, .programme-print .time { margin: 0; color: #57606a; }
@media print { @page { margin: 15mm; } .programme-print .parallel > div { break-inside: avoid; } .programme-print tr { break-inside: avoid; } }
</style>
<div class="programme-print">
<h1>${c.title}</h1>
<p class="lead">${formatLongDate(c.startsAt, lang)}, ${formatClock(c.startsAt)}–${formatClock(c.endsAt)} · ${[c.venueName, c.venueAddress, c.venueCity].filter(Boolean).join(', ')}</p>
${renderProgramme(programme, lang)}
</div>`;
}

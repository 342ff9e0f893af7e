import { formatClock, Language, stockholmTimeInput } from '@dialogdag/shared';
import type { SpeakerSummary } from '@dialogdag/speakers';
import { FieldErrors, html, SafeHtml, selectField, textField } from '@dialogdag/web';
import { describeWarning, PROGRAMME_KINDS, SPEAKER_ROLES } from './programme.rules';
import type { Programme, ProgrammeEntry } from './programme.service';
import { ITEM_FORM_FIELDS, ItemFormField, PROGRAMME_TEXTS } from './programme.texts';

/** Rows of speaker + role the item form offers. */
export const SPEAKER_ROWS = 4;

export type FormValues = Record<string, string | undefined>;

export function itemFormValues(entry: ProgrammeEntry): FormValues {
  const values: FormValues = {
    kind: entry.item.kind, title: entry.item.title, description: entry.item.description, room: entry.item.room ?? '',
    startsAt: stockholmTimeInput(entry.item.startsAt), endsAt: stockholmTimeInput(entry.item.endsAt),
  };
  entry.speakers.forEach((s, i) => {
    values[`speaker${i}`] = s.id;
    values[`role${i}`] = s.role;
  });
  return values;
}

/** The form's flat fields become the API's DTO: rows of speaker + role, an empty room means plenary. */
export function itemFormToDto(body: FormValues, editing: boolean): Record<string, unknown> {
  const speakers: Array<{ speakerId: string; role: string }> = [];
  for (let i = 0; i < SPEAKER_ROWS + 10; i++) {
    const speakerId = body[`speaker${i}`]?.trim();
    if (speakerId) speakers.push({ speakerId, role: body[`role${i}`]?.trim() || 'speaker' });
  }
  const dto: Record<string, unknown> = {
    kind: body.kind, title: body.title, description: body.description ?? '', startsAt: body.startsAt, endsAt: body.endsAt, speakers,
  };
  if (body.room?.trim()) dto.room = body.room;
  else if (editing) dto.room = null;
  return dto;
}

/** The DTO's errors on the form's fields (nested speaker errors at their rows), in the reader's language. */
export function itemFormErrors(errors: FieldErrors, lang: Language): FieldErrors {
  const t = PROGRAMME_TEXTS[lang];
  const out: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    const row = /^speakers\.(\d+)\.(speakerId|role)$/.exec(field);
    const name = row ? `${row[2] === 'role' ? 'role' : 'speaker'}${row[1]}` : field;
    const known = row ? 'speakers' : field;
    out[name] ??= (ITEM_FORM_FIELDS as readonly string[]).includes(known) ? t.invalid[known as ItemFormField] : message;
  }
  return out;
}

const speakerLabel = (s: SpeakerSummary) => [s.name, s.organisation].filter(Boolean).join(', ');

export function itemForm(lang: Language, action: string, csrf: string, values: FormValues, errors: FieldErrors, speakers: SpeakerSummary[]): SafeHtml {
  const t = PROGRAMME_TEXTS[lang];
  const rows = Array.from({ length: SPEAKER_ROWS }, (_, i) => i);
  return html`<form method="post" action="${action}" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  ${selectField({ name: 'kind', label: t.label.kind, value: values.kind, error: errors.kind, required: true, options: PROGRAMME_KINDS.map((k) => ({ value: k, label: t.kinds[k] })) })}
  ${textField({ name: 'title', label: t.label.title, value: values.title, error: errors.title, required: true })}
  ${textField({ name: 'startsAt', label: t.label.startsAt, type: 'time', value: values.startsAt, error: errors.startsAt, required: true })}
  ${textField({ name: 'endsAt', label: t.label.endsAt, type: 'time', value: values.endsAt, error: errors.endsAt, required: true })}
  ${textField({ name: 'room', label: t.label.room, value: values.room, error: errors.room, hint: t.page.roomHint })}
  ${textField({ name: 'description', label: t.label.description, type: 'textarea', value: values.description, error: errors.description })}
  <fieldset id="speakers" tabindex="-1"${errors.speakers ? html` aria-describedby="speakers-error"` : ''}><legend>${t.page.speakerRows}</legend>
    ${errors.speakers ? html`<p class="field-error" id="speakers-error">${errors.speakers}</p>` : ''}
    ${speakers.length === 0 ? html`<p class="hint">${t.page.noSpeakers}</p>` : rows.map((i) => html`<div class="speaker-row">
      ${selectField({ name: `speaker${i}`, label: `${t.page.speaker} ${i + 1}`, value: values[`speaker${i}`], error: errors[`speaker${i}`], options: speakers.map((s) => ({ value: s.id, label: speakerLabel(s) })) })}
      ${selectField({ name: `role${i}`, label: `${t.page.role} ${i + 1}`, value: values[`role${i}`] ?? 'speaker', error: errors[`role${i}`], options: SPEAKER_ROLES.map((r) => ({ value: r, label: t.roles[r] })) })}
    </div>`)}
  </fieldset>
  <button type="submit">${t.page.save}</button>
</form>`;
}

export function moderatorForm(lang: Language, action: string, csrf: string, programme: Programme, speakers: SpeakerSummary[]): SafeHtml {
  const t = PROGRAMME_TEXTS[lang];
  return html`<form method="post" action="${action}">
  <input type="hidden" name="_csrf" value="${csrf}">
  ${selectField({ name: 'moderator', label: t.page.moderator, value: programme.moderator?.id, options: speakers.map((s) => ({ value: s.id, label: speakerLabel(s) })) })}
  <button type="submit" class="secondary">${t.page.setModerator}</button>
</form>`;
}

/** Items in rooms that run during a plenary item: allowed, so shown as a notice rather than refused. */
export function warningsNotice(programme: Programme, lang: Language): SafeHtml {
  const t = PROGRAMME_TEXTS[lang];
  if (programme.warnings.length === 0) return html``;
  return html`<div class="notice warn" role="status" id="warnings"><p><strong>${t.page.warnings}</strong></p><ul>
${programme.warnings.map((w) => html`<li>${describeWarning(w, t.clash, formatClock)}</li>`)}
</ul></div>`;
}

/** The day as a timeline: one row per slot, parallel rooms side by side. */
export function timeline(programme: Programme, lang: Language): SafeHtml {
  const t = PROGRAMME_TEXTS[lang];
  const c = programme.conference;
  if (programme.entries.length === 0) return html`<p>${t.page.none}</p>`;
  const card = (e: ProgrammeEntry) => html`<div class="timeline-item kind-${e.item.kind}">
    <p class="time">${formatClock(e.item.startsAt)}–${formatClock(e.item.endsAt)} · ${t.kinds[e.item.kind]}${e.item.room ? html` · ${e.item.room}` : ''}</p>
    <p><strong>${e.item.title}</strong></p>
    ${e.speakers.length ? html`<ul class="speakers">${e.speakers.map((s) => html`<li>${s.name}${s.organisation ? html`, ${s.organisation}` : ''}${s.role !== 'speaker' ? html` (${t.roles[s.role]})` : ''}</li>`)}</ul>` : ''}
    <p><a href="/admin/conferences/${c.id}/programme/items/${e.id}">${t.page.editLink}<span class="visually-hidden"> ${e.item.title}</span></a></p>
  </div>`;
  return html`<table class="programme timeline"><tbody>
${programme.slots.map((slot) => html`<tr><th scope="row" class="time">${formatClock(slot.startsAt)}–${formatClock(slot.endsAt)}</th>
<td>${slot.items.length > 1 ? html`<div class="parallel">${slot.items.map(card)}</div>` : card(slot.items[0])}</td></tr>`)}
</tbody></table>`;
}

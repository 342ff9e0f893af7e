import { Body, Controller, Get, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, AuthService, CurrentOrganiser, OrganiserGuard } from '@dialogdag/auth';
import { DomainError, formatClock, formatLongDate, Language, stockholmTimeInput, ValidationFailed } from '@dialogdag/shared';
import {
  errorSummary,
  FieldErrors,
  html,
  Lang,
  redirectTo,
  renderPage,
  SafeHtml,
  selectField,
  sendPage,
  textField,
  Texts,
  validateForm,
} from '@dialogdag/web';
import { CreateProgrammeItemDto, ShiftProgrammeDto, UpdateProgrammeItemDto } from './programme.dto';
import { KIND_LABELS, ROLE_LABELS } from './programme.render';
import { PROGRAMME_KINDS, SPEAKER_ROLES } from './programme.rules';
import { SpeakerSummary } from '@dialogdag/speakers';
import { ProgrammeCommands } from './programme.commands';
import { programmeItemNotFound } from './programme.errors';
import { Programme, ProgrammeEntry, ProgrammeService } from './programme.service';

const SPEAKER_ROWS = 4;

const T: Texts<Record<string, string>> = {
  sv: {
    programme: 'Program', speakers: 'Talare', back: 'Tillbaka till konferensen', add: 'Lägg till programpunkt', edit: 'Ändra programpunkt',
    save: 'Spara', delete: 'Ta bort programpunkten', problem: 'Rätta följande', kind: 'Typ', title: 'Rubrik', description: 'Beskrivning',
    startsAt: 'Börjar', endsAt: 'Slutar', room: 'Lokal/rum', roomHint: 'Lämna tomt för en gemensam punkt i stora salen. Bara workshoppar och grupparbete kan gå parallellt, i olika rum.',
    speakerRows: 'Medverkande', speaker: 'Talare', role: 'Roll', none: 'Programmet är tomt. Lägg till den första punkten nedan.',
    shift: 'Flytta programmet', shiftHint: 'Alla punkter som börjar vid eller efter tiden flyttas, allt eller inget.', after: 'Från och med', minutes: 'Minuter (negativt = tidigare)',
    doShift: 'Flytta', moderator: 'Moderator för dagen', setModerator: 'Spara moderator', noSpeakers: 'Lägg till talare först för att kunna ange medverkande.',
    manageSpeakers: 'Hantera talare', publicPage: 'Publikt program', editLink: 'Ändra', day: 'Dag',
  },
  en: {
    programme: 'Programme', speakers: 'Speakers', back: 'Back to the conference', add: 'Add programme item', edit: 'Edit programme item',
    save: 'Save', delete: 'Delete this item', problem: 'Please correct the following', kind: 'Kind', title: 'Title', description: 'Description',
    startsAt: 'Starts', endsAt: 'Ends', room: 'Room', roomHint: 'Leave empty for a plenary item in the main hall. Only workshops and group work may run in parallel, in different rooms.',
    speakerRows: 'Speakers', speaker: 'Speaker', role: 'Role', none: 'The programme is empty. Add the first item below.',
    shift: 'Shift the programme', shiftHint: 'Every item starting at or after the time moves; all or nothing.', after: 'From', minutes: 'Minutes (negative = earlier)',
    doShift: 'Shift', moderator: 'Moderator of the day', setModerator: 'Save moderator', noSpeakers: 'Add speakers first to list them in items.',
    manageSpeakers: 'Manage speakers', publicPage: 'Public programme', editLink: 'Edit', day: 'Day',
  },
};

type FormValues = Record<string, string | undefined>;

function valuesOf(entry: ProgrammeEntry): FormValues {
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
function formToDto(body: FormValues, editing: boolean): Record<string, unknown> {
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

function errorsOf(error: unknown): FieldErrors {
  if (error instanceof ValidationFailed) return Object.fromEntries(error.problems.map((p) => [p.field, p.message]));
  if (error instanceof DomainError && error.category !== 'not_found') return { [error.field ?? 'title']: error.message };
  throw error;
}

@ApiExcludeController()
@UseGuards(OrganiserGuard)
@Controller('admin/conferences/:id/programme')
export class ProgrammePages {
  constructor(
    private readonly programme: ProgrammeService,
    private readonly commands: ProgrammeCommands,
    private readonly auth: AuthService,
  ) {}

  @Get()
  async page(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.renderMain(reply, req, lang, organiser, id, {}, {}, {}, {});
  }

  @Post('items')
  async create(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { dto, errors } = await validateForm(CreateProgrammeItemDto, formToDto(body, false));
    if (Object.keys(errors).length) return this.renderMain(reply, req, lang, organiser, id, body, formErrors(errors), {}, {}, 422);
    try {
      await this.commands.create(organiser.id, id, dto);
      return redirectTo(reply, `/admin/conferences/${id}/programme`);
    } catch (error) {
      const errs = errorsOf(error);
      return this.renderMain(reply, req, lang, organiser, id, body, errs, {}, {}, statusOf(error));
    }
  }

  @Post('shift')
  async shift(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { dto, errors } = await validateForm(ShiftProgrammeDto, { after: body.after, minutes: body.minutes });
    if (Object.keys(errors).length) return this.renderMain(reply, req, lang, organiser, id, {}, {}, body, errors, 422);
    try {
      await this.commands.shift(organiser.id, id, dto);
      return redirectTo(reply, `/admin/conferences/${id}/programme`);
    } catch (error) {
      return this.renderMain(reply, req, lang, organiser, id, {}, {}, body, errorsOf(error), statusOf(error));
    }
  }

  @Post('moderator')
  async moderator(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: FormValues, @Res() reply: FastifyReply) {
    await this.commands.setModerator(organiser.id, id, body.moderator?.trim() || null);
    return redirectTo(reply, `/admin/conferences/${id}/programme`);
  }

  @Get('items/:itemId')
  async editPage(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('itemId') itemId: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const programme = await this.programme.programme(organiser.id, id);
    const entry = this.entryOf(programme, itemId);
    return this.renderEdit(reply, req, lang, organiser, programme, entry, valuesOf(entry), {});
  }

  @Post('items/:itemId')
  async update(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('itemId') itemId: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const programme = await this.programme.programme(organiser.id, id);
    const entry = this.entryOf(programme, itemId);
    const { dto, errors } = await validateForm(UpdateProgrammeItemDto, formToDto(body, true));
    if (Object.keys(errors).length) return this.renderEdit(reply, req, lang, organiser, programme, entry, body, formErrors(errors), 422);
    try {
      await this.commands.update(organiser.id, id, itemId, dto);
      return redirectTo(reply, `/admin/conferences/${id}/programme`);
    } catch (error) {
      return this.renderEdit(reply, req, lang, organiser, programme, entry, body, errorsOf(error), statusOf(error));
    }
  }

  @Post('items/:itemId/delete')
  async remove(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('itemId') itemId: string, @Res() reply: FastifyReply) {
    await this.commands.remove(organiser.id, id, itemId);
    return redirectTo(reply, `/admin/conferences/${id}/programme`);
  }

  private entryOf(programme: Programme, itemId: string): ProgrammeEntry {
    const entry = programme.entries.find((e) => e.id === itemId);
    if (!entry) throw programmeItemNotFound();
    return entry;
  }

  private async renderMain(
    reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, conferenceId: string,
    values: FormValues, errors: FieldErrors, shiftValues: FormValues, shiftErrors: FieldErrors, status = 200,
  ) {
    const t = T[lang];
    const programme = await this.programme.programme(organiser.id, conferenceId);
    const speakers = await this.programme.speakersOf(conferenceId);
    const c = programme.conference;
    const csrf = await this.auth.csrfTokenFor(organiser);
    const body = html`<p><a href="/admin/conferences/${c.id}">${t.back}</a> · <a href="/admin/conferences/${c.id}/speakers">${t.manageSpeakers}</a>${c.status === 'published' ? html` · <a href="/c/${c.slug}/programme">${t.publicPage}</a>` : ''}</p>
<h1>${t.programme}: ${c.title}</h1>
<p class="lead">${formatLongDate(c.startsAt, lang)}, ${formatClock(c.startsAt)}–${formatClock(c.endsAt)}</p>
${timeline(programme, lang)}
<h2 id="add">${t.add}</h2>
${errorSummary(t.problem, errors)}
${itemForm(lang, `/admin/conferences/${c.id}/programme/items`, csrf, values, errors, speakers)}
<h2 id="shift">${t.shift}</h2>
${errorSummary(t.problem, shiftErrors)}
<form method="post" action="/admin/conferences/${c.id}/programme/shift" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  <p class="hint">${t.shiftHint}</p>
  ${textField({ name: 'after', label: t.after, type: 'time', value: shiftValues.after, error: shiftErrors.after, required: true })}
  ${textField({ name: 'minutes', label: t.minutes, type: 'number', value: shiftValues.minutes, error: shiftErrors.minutes, required: true })}
  <button type="submit">${t.doShift}</button>
</form>
<h2 id="moderator-heading">${t.moderator}</h2>
<form method="post" action="/admin/conferences/${c.id}/programme/moderator">
  <input type="hidden" name="_csrf" value="${csrf}">
  ${selectField({ name: 'moderator', label: t.moderator, value: programme.moderator?.id, options: speakers.map((s) => ({ value: s.id, label: speakerLabel(s) })) })}
  <button type="submit" class="secondary">${t.setModerator}</button>
</form>`;
    return this.send(reply, req, lang, organiser, `${t.programme}: ${c.title}`, body, status, csrf);
  }

  private async renderEdit(
    reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, programme: Programme, entry: ProgrammeEntry,
    values: FormValues, errors: FieldErrors, status = 200,
  ) {
    const t = T[lang];
    const c = programme.conference;
    const csrf = await this.auth.csrfTokenFor(organiser);
    const speakers = await this.programme.speakersOf(c.id);
    const body = html`<p><a href="/admin/conferences/${c.id}/programme">${t.programme}: ${c.title}</a></p>
<h1>${t.edit}</h1>
${errorSummary(t.problem, errors)}
${itemForm(lang, `/admin/conferences/${c.id}/programme/items/${entry.id}`, csrf, values, errors, speakers)}
<form method="post" action="/admin/conferences/${c.id}/programme/items/${entry.id}/delete" class="actions">
  <input type="hidden" name="_csrf" value="${csrf}">
  <button type="submit" class="danger">${t.delete}</button>
</form>`;
    return this.send(reply, req, lang, organiser, t.edit, body, status, csrf);
  }

  private send(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, title: string, body: SafeHtml, status: number, csrfToken: string) {
    return sendPage(reply, renderPage({ lang, title, body, path: req.url, backOffice: { organiserName: organiser.name, csrfToken } }), status);
  }
}

function statusOf(error: unknown): number {
  return error instanceof DomainError && error.category === 'conflict' ? 409 : 422;
}

/** Nested DTO errors ("speakers.0.role") are shown at the speaker rows. */
function formErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    const row = /^speakers\.(\d+)\.(speakerId|role)$/.exec(field);
    out[row ? `${row[2] === 'role' ? 'role' : 'speaker'}${row[1]}` : field] = message;
  }
  return out;
}

const speakerLabel = (s: SpeakerSummary) => [s.name, s.organisation].filter(Boolean).join(', ');

function itemForm(lang: Language, action: string, csrf: string, values: FormValues, errors: FieldErrors, speakers: SpeakerSummary[]): SafeHtml {
  const t = T[lang];
  const rows = Array.from({ length: SPEAKER_ROWS }, (_, i) => i);
  return html`<form method="post" action="${action}" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  ${selectField({ name: 'kind', label: t.kind, value: values.kind, error: errors.kind, required: true, options: PROGRAMME_KINDS.map((k) => ({ value: k, label: KIND_LABELS[lang][k] })) })}
  ${textField({ name: 'title', label: t.title, value: values.title, error: errors.title, required: true })}
  ${textField({ name: 'startsAt', label: t.startsAt, type: 'time', value: values.startsAt, error: errors.startsAt, required: true })}
  ${textField({ name: 'endsAt', label: t.endsAt, type: 'time', value: values.endsAt, error: errors.endsAt, required: true })}
  ${textField({ name: 'room', label: t.room, value: values.room, error: errors.room, hint: t.roomHint })}
  ${textField({ name: 'description', label: t.description, type: 'textarea', value: values.description, error: errors.description })}
  <fieldset id="speakers" tabindex="-1"${errors.speakers ? html` aria-describedby="speakers-error"` : ''}><legend>${t.speakerRows}</legend>
    ${errors.speakers ? html`<p class="field-error" id="speakers-error">${errors.speakers}</p>` : ''}
    ${speakers.length === 0 ? html`<p class="hint">${t.noSpeakers}</p>` : rows.map((i) => html`<div class="speaker-row">
      ${selectField({ name: `speaker${i}`, label: `${t.speaker} ${i + 1}`, value: values[`speaker${i}`], error: errors[`speaker${i}`], options: speakers.map((s) => ({ value: s.id, label: speakerLabel(s) })) })}
      ${selectField({ name: `role${i}`, label: `${t.role} ${i + 1}`, value: values[`role${i}`] ?? 'speaker', error: errors[`role${i}`], options: SPEAKER_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[lang][r] })) })}
    </div>`)}
  </fieldset>
  <button type="submit">${t.save}</button>
</form>`;
}

/** The day as a timeline: one row per slot, parallel rooms side by side. */
function timeline(programme: Programme, lang: Language): SafeHtml {
  const t = T[lang];
  const c = programme.conference;
  if (programme.entries.length === 0) return html`<p>${t.none}</p>`;
  const card = (e: ProgrammeEntry) => html`<div class="timeline-item kind-${e.item.kind}">
    <p class="time">${formatClock(e.item.startsAt)}–${formatClock(e.item.endsAt)} · ${KIND_LABELS[lang][e.item.kind]}${e.item.room ? html` · ${e.item.room}` : ''}</p>
    <p><strong>${e.item.title}</strong></p>
    ${e.speakers.length ? html`<ul class="speakers">${e.speakers.map((s) => html`<li>${s.name}${s.organisation ? html`, ${s.organisation}` : ''}${s.role !== 'speaker' ? html` (${ROLE_LABELS[lang][s.role]})` : ''}</li>`)}</ul>` : ''}
    <p><a href="/admin/conferences/${c.id}/programme/items/${e.id}">${t.editLink}<span class="visually-hidden"> ${e.item.title}</span></a></p>
  </div>`;
  return html`<table class="programme timeline"><tbody>
${programme.slots.map((slot) => html`<tr><th scope="row" class="time">${formatClock(slot.startsAt)}–${formatClock(slot.endsAt)}</th>
<td>${slot.items.length > 1 ? html`<div class="parallel">${slot.items.map(card)}</div>` : card(slot.items[0])}</td></tr>`)}
</tbody></table>`;
}

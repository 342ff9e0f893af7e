import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, AuthService, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { formatClock, formatLongDate, Language } from '@dialogdag/shared';
import {
  errorSummary,
  FieldErrors,
  html,
  INVALID_FORM_STATUS,
  Lang,
  redirectTo,
  refusalForForm,
  renderPage,
  SafeHtml,
  sendPage,
  textField,
  validateForm,
} from '@dialogdag/web';
import { ProgrammeCommands } from './programme.commands';
import { CreateProgrammeItemDto, ShiftProgrammeDto, UpdateProgrammeItemDto } from './programme.dto';
import { programmeItemNotFound } from './programme.errors';
import { FormValues, itemForm, itemFormErrors, itemFormToDto, itemFormValues, moderatorForm, timeline, warningsNotice } from './programme.page-parts';
import { Programme, ProgrammeEntry, ProgrammeService } from './programme.service';
import { PROGRAMME_TEXTS } from './programme.texts';

/** The programme editor in the back office: the day as a timeline, the item form, the shift, the moderator. */
@ApiExcludeController()
@Requires('conference.edit')
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
    const { dto, errors } = await validateForm(CreateProgrammeItemDto, itemFormToDto(body, false));
    if (Object.keys(errors).length) return this.renderMain(reply, req, lang, organiser, id, body, itemFormErrors(errors, lang), {}, {}, INVALID_FORM_STATUS);
    try {
      await this.commands.create(organiser.id, id, dto);
      return redirectTo(reply, `/admin/conferences/${id}/programme`);
    } catch (error) {
      const refusal = refusalForForm(error, lang, 'title');
      return this.renderMain(reply, req, lang, organiser, id, body, refusal.errors, {}, {}, refusal.status);
    }
  }

  @Post('shift')
  async shift(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { dto, errors } = await validateForm(ShiftProgrammeDto, { after: body.after, minutes: body.minutes });
    if (Object.keys(errors).length) return this.renderMain(reply, req, lang, organiser, id, {}, {}, body, itemFormErrors(errors, lang), INVALID_FORM_STATUS);
    try {
      await this.commands.shift(organiser.id, id, dto);
      return redirectTo(reply, `/admin/conferences/${id}/programme`);
    } catch (error) {
      const refusal = refusalForForm(error, lang, 'minutes');
      return this.renderMain(reply, req, lang, organiser, id, {}, {}, body, refusal.errors, refusal.status);
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
    return this.renderEdit(reply, req, lang, organiser, programme, entry, itemFormValues(entry), {});
  }

  @Post('items/:itemId')
  async update(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('itemId') itemId: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const programme = await this.programme.programme(organiser.id, id);
    const entry = this.entryOf(programme, itemId);
    const { dto, errors } = await validateForm(UpdateProgrammeItemDto, itemFormToDto(body, true));
    if (Object.keys(errors).length) return this.renderEdit(reply, req, lang, organiser, programme, entry, body, itemFormErrors(errors, lang), INVALID_FORM_STATUS);
    try {
      await this.commands.update(organiser.id, id, itemId, dto);
      return redirectTo(reply, `/admin/conferences/${id}/programme`);
    } catch (error) {
      const refusal = refusalForForm(error, lang, 'title');
      return this.renderEdit(reply, req, lang, organiser, programme, entry, body, refusal.errors, refusal.status);
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
    const t = PROGRAMME_TEXTS[lang];
    const programme = await this.programme.programme(organiser.id, conferenceId);
    const speakers = await this.programme.speakersOf(conferenceId);
    const c = programme.conference;
    const csrf = await this.auth.csrfTokenFor(organiser);
    const base = `/admin/conferences/${c.id}`;
    const body = html`<p><a href="${base}">${t.page.back}</a> · <a href="${base}/speakers">${t.page.manageSpeakers}</a>${c.status === 'published' ? html` · <a href="/c/${c.slug}/programme">${t.page.publicPage}</a>` : ''}</p>
<h1>${t.page.programme}: ${c.title}</h1>
<p class="lead">${formatLongDate(c.startsAt, lang)}, ${formatClock(c.startsAt)}–${formatClock(c.endsAt)}</p>
${warningsNotice(programme, lang)}
${timeline(programme, lang)}
<h2 id="add">${t.page.add}</h2>
${errorSummary(t.page.problem, errors)}
${itemForm(lang, `${base}/programme/items`, csrf, values, errors, speakers)}
<h2 id="shift">${t.page.shift}</h2>
${errorSummary(t.page.problem, shiftErrors)}
<form method="post" action="${base}/programme/shift" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  <p class="hint">${t.page.shiftHint}</p>
  ${textField({ name: 'after', label: t.label.after, type: 'time', value: shiftValues.after, error: shiftErrors.after, required: true })}
  ${textField({ name: 'minutes', label: t.label.minutes, type: 'number', value: shiftValues.minutes, error: shiftErrors.minutes, required: true })}
  <button type="submit">${t.page.doShift}</button>
</form>
<h2 id="moderator-heading">${t.page.moderator}</h2>
${moderatorForm(lang, `${base}/programme/moderator`, csrf, programme, speakers)}`;
    return this.send(reply, req, lang, organiser, `${t.page.programme}: ${c.title}`, body, status, csrf);
  }

  private async renderEdit(
    reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, programme: Programme, entry: ProgrammeEntry,
    values: FormValues, errors: FieldErrors, status = 200,
  ) {
    const t = PROGRAMME_TEXTS[lang];
    const c = programme.conference;
    const csrf = await this.auth.csrfTokenFor(organiser);
    const speakers = await this.programme.speakersOf(c.id);
    const body = html`<p><a href="/admin/conferences/${c.id}/programme">${t.page.programme}: ${c.title}</a></p>
<h1>${t.page.edit}</h1>
${errorSummary(t.page.problem, errors)}
${itemForm(lang, `/admin/conferences/${c.id}/programme/items/${entry.id}`, csrf, values, errors, speakers)}
<form method="post" action="/admin/conferences/${c.id}/programme/items/${entry.id}/delete" class="actions">
  <input type="hidden" name="_csrf" value="${csrf}">
  <button type="submit" class="danger">${t.page.delete}</button>
</form>`;
    return this.send(reply, req, lang, organiser, t.page.edit, body, status, csrf);
  }

  private send(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, title: string, body: SafeHtml, status: number, csrfToken: string) {
    return sendPage(reply, renderPage({ lang, title, body, path: req.url, backOffice: { organiserName: organiser.name, csrfToken } }), status);
  }
}

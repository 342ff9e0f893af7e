import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, AuthService, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { ConferencesService } from '@dialogdag/conferences';
import { SpeakersService } from '@dialogdag/speakers';
import { Language } from '@dialogdag/shared';
import { errorSummary, FieldErrors, html, Lang, redirectTo, renderPage, SafeHtml, sendPage, validateForm } from '@dialogdag/web';
import { CreateWorkshopDto, UpdateWorkshopDto, WorkshopView } from './workshop.dto';
import { FormValues, formToDto, refusal, valuesOf, workshopForm } from './workshop-form';
import { WorkshopCatalogue } from './workshop-catalogue';
import { WorkshopsService } from './workshops.service';
import { roundLabel, TEXTS } from './workshops.texts';

@ApiExcludeController()
@Requires('conference.edit')
@Controller('admin/conferences/:id/workshops')
export class WorkshopsPages {
  constructor(
    private readonly workshops: WorkshopsService,
    private readonly catalogue: WorkshopCatalogue,
    private readonly conferences: ConferencesService,
    private readonly speakers: SpeakersService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  async list(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const items = await this.workshops.list(organiser.id, id);
    const last = items[items.length - 1];
    return this.renderList(reply, req, lang, organiser, id, items, { rounds: last ? last.rounds.map(String) : ['1'], 'groupSize.min': '6', 'groupSize.max': '10' }, {});
  }

  @Post()
  async create(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const items = await this.workshops.list(organiser.id, id);
    const { dto, errors } = await validateForm(CreateWorkshopDto, formToDto(body, false));
    if (Object.keys(errors).length) return this.renderList(reply, req, lang, organiser, id, items, body, errors, 400);
    try {
      await this.workshops.create(organiser.id, id, dto);
    } catch (error) {
      const { errors: refused, status } = refusal(error);
      return this.renderList(reply, req, lang, organiser, id, items, body, refused, status);
    }
    return redirectTo(reply, `/admin/conferences/${id}/workshops`);
  }

  @Get(':workshopId')
  async editPage(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('workshopId') workshopId: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const workshop = await this.workshops.get(organiser.id, id, workshopId);
    return this.renderEdit(reply, req, lang, organiser, workshop, valuesOf(workshop), {});
  }

  @Post(':workshopId')
  async update(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('workshopId') workshopId: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const workshop = await this.workshops.get(organiser.id, id, workshopId);
    const { dto, errors } = await validateForm(UpdateWorkshopDto, formToDto(body, true));
    if (Object.keys(errors).length) return this.renderEdit(reply, req, lang, organiser, workshop, body, errors, 400);
    try {
      await this.workshops.update(organiser.id, id, workshopId, dto);
    } catch (error) {
      const { errors: refused, status } = refusal(error);
      return this.renderEdit(reply, req, lang, organiser, workshop, body, refused, status);
    }
    return redirectTo(reply, `/admin/conferences/${id}/workshops`);
  }

  @Post(':workshopId/delete')
  async remove(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('workshopId') workshopId: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const workshop = await this.workshops.get(organiser.id, id, workshopId);
    try {
      const result = await this.workshops.remove(organiser.id, id, workshopId, body?.force === 'true');
      return redirectTo(reply, `/admin/conferences/${id}/workshops?cleared=${result.clearedPreferences}&removed=${result.removedAssignments}`);
    } catch (error) {
      const { errors, status } = refusal(error);
      return this.renderEdit(reply, req, lang, organiser, workshop, valuesOf(workshop), { force: errors.title ?? Object.values(errors)[0] }, status);
    }
  }

  private async renderList(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, conferenceId: string, items: WorkshopView[], values: FormValues, errors: FieldErrors, status = 200) {
    const t = TEXTS[lang];
    const c = await this.conferences.findById(conferenceId);
    const csrf = await this.auth.csrfTokenFor(organiser);
    const { blocks, rounds } = await this.catalogue.load(conferenceId);
    const query = req.query as Record<string, string | undefined>;
    const deleted = query.cleared !== undefined ? t.deleted(Number(query.cleared) || 0, Number(query.removed) || 0) : null;
    const body = html`<p><a href="/admin/conferences/${c.id}">${t.backToConference}</a> · <a href="/admin/conferences/${c.id}/workshop-assignment">${t.toAssignment}</a></p>
<h1>${t.workshops}: ${c.title}</h1>
${deleted ? html`<div class="notice ok" role="status"><p>${deleted}</p></div>` : ''}
${items.length === 0
  ? html`<p>${t.none}</p>`
  : html`<table><thead><tr><th scope="col">${t.title}</th><th scope="col">${t.theme}</th><th scope="col">${t.room}</th><th scope="col">${t.rounds}</th><th scope="col">${t.capacity}</th><th scope="col">${t.chosenBy}</th><th scope="col">${t.assigned}</th><th scope="col"><span class="visually-hidden">${t.editLink}</span></th></tr></thead><tbody>
${items.map((w) => html`<tr><td>${w.title}</td><td>${w.theme}</td><td>${w.room ?? ''}</td><td>${w.rounds.map((r) => roundLabel(String(r), blocks, rounds, lang)).join(', ')}</td><td>${w.capacity}</td><td>${w.chosenBy}</td><td>${w.assigned}</td><td><a href="/admin/conferences/${c.id}/workshops/${w.id}">${t.editLink}<span class="visually-hidden"> ${w.title}</span></a></td></tr>`)}
</tbody></table>`}
<p><a class="button secondary" href="/admin/conferences/${c.id}/workshop-assignment">${t.toAssignment}</a></p>
<h2 id="add">${t.add}</h2>
${errorSummary(t.problem, errors)}
${workshopForm({ lang, action: `/admin/conferences/${c.id}/workshops`, csrf, blocks, roundsInUse: rounds, speakers: await this.speakerChoices(organiser, c.id) }, values, errors)}`;
    return this.send(reply, req, lang, organiser, t.workshops, body, status, csrf);
  }

  private async renderEdit(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, workshop: WorkshopView, values: FormValues, errors: FieldErrors, status = 200) {
    const t = TEXTS[lang];
    const csrf = await this.auth.csrfTokenFor(organiser);
    const { blocks, rounds } = await this.catalogue.load(workshop.conferenceId);
    const base = `/admin/conferences/${workshop.conferenceId}/workshops`;
    const { force, ...formErrors } = errors;
    const body = html`<p><a href="${base}">${t.workshops}</a></p>
<h1>${t.edit}: ${workshop.title}</h1>
${errorSummary(t.problem, formErrors, force ? [force] : [])}
${workshopForm({ lang, action: `${base}/${workshop.id}`, csrf, blocks, roundsInUse: rounds, speakers: await this.speakerChoices(organiser, workshop.conferenceId) }, values, formErrors)}
<form method="post" action="${base}/${workshop.id}/delete">
  <input type="hidden" name="_csrf" value="${csrf}">
  ${workshop.chosenBy + workshop.assigned > 0
    ? html`<div class="field checkbox"><input type="checkbox" id="force" name="force" value="true"><label for="force">${t.force}</label></div>`
    : ''}
  <button type="submit" class="danger">${t.delete}</button>
</form>`;
    return this.send(reply, req, lang, organiser, t.edit, body, status, csrf);
  }

  private async speakerChoices(organiser: AuthenticatedOrganiser, conferenceId: string) {
    return (await this.speakers.list(organiser.id, conferenceId)).map((s) => ({ id: s.id, name: s.name, organisation: s.organisation }));
  }

  private send(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, title: string, body: SafeHtml, status: number, csrfToken: string) {
    return sendPage(reply, renderPage({ lang, title, body, path: req.url, backOffice: { organiserName: organiser.name, csrfToken } }), status);
  }
}

import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, AuthService, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { ConferencesService } from '@dialogdag/conferences';
import { DomainError, httpStatusFor, Language } from '@dialogdag/shared';
import { FieldErrors, html, Lang, redirectTo, renderPage, SafeHtml, sendPage, validateForm } from '@dialogdag/web';
import { BulkTablesDto, PlaceByHandDto, SeatingRequestDto, UpdateTableDto } from './seating.dto';
import { SeatingService } from './seating.service';
import { SEATING_TEXTS } from './seating.texts';
import { seatingPage } from './seating.view';
import { TablesService } from './tables.service';
import { bulkTableNames } from './tables.rules';

type FormValues = Record<string, string | undefined>;

/** The back office's room plan: tables, the placement, moves by hand, requests. Works without JavaScript. */
@ApiExcludeController()
@Requires('conference.edit')
@Controller('admin/conferences/:id/seating')
export class SeatingPages {
  constructor(
    private readonly seating: SeatingService,
    private readonly tables: TablesService,
    private readonly conferences: ConferencesService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  page(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.render(reply, req, lang, organiser, id, {});
  }

  @Post('run')
  async run(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.attempt(reply, req, lang, organiser, id, {}, async () => {
      await this.seating.run(organiser.id, id);
      return redirectTo(reply, `/admin/conferences/${id}/seating#summary`);
    });
  }

  @Post('move')
  async move(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const t = SEATING_TEXTS[lang];
    const { dto, errors } = await validateForm(PlaceByHandDto, { ...body, fix: body.fix === 'true' });
    if (Object.keys(errors).length) return this.render(reply, req, lang, organiser, id, errors, 400, body);
    return this.attempt(reply, req, lang, organiser, id, body, async () => {
      const view = await this.seating.placeByHand(organiser.id, id, dto);
      const after = await this.seating.get(organiser.id, id);
      const involved = new Set(view.breaches?.map((b) => b.tableId));
      const breaches = [...after.problems(lang)].filter(([tableId]) => involved.has(tableId)).flatMap(([, list]) => list.map((p) => p.message));
      const name = after.people.get(dto.registrationId)?.name ?? '';
      const table = after.tables.find((x) => x.id === dto.tableId)?.name ?? '';
      const notice = html`<div class="notice ${breaches.length ? 'warn' : 'ok'}" role="status"><p>${t.moveDone(name, table)} ${breaches.length === 0 ? t.moveClean : ''}</p>
${breaches.length ? html`<ul>${breaches.map((b) => html`<li>${b}</li>`)}</ul>` : ''}</div>`;
      return this.render(reply, req, lang, organiser, id, {}, 200, body, notice);
    });
  }

  @Post('fixed/:registrationId/delete')
  async release(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('registrationId') registrationId: string, @Res() reply: FastifyReply) {
    await this.seating.release(organiser.id, id, registrationId);
    return redirectTo(reply, `/admin/conferences/${id}/seating#fixed`);
  }

  @Post('requests')
  async addRequest(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { dto, errors } = await validateForm(SeatingRequestDto, { kind: body.kind, registrationIds: [body.first, body.second] });
    if (Object.keys(errors).length) return this.render(reply, req, lang, organiser, id, errors, 400, body);
    return this.attempt(reply, req, lang, organiser, id, body, async () => {
      await this.seating.addRequest(organiser.id, id, dto);
      return redirectTo(reply, `/admin/conferences/${id}/seating#requests`);
    });
  }

  @Post('requests/:requestId/delete')
  async removeRequest(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('requestId') requestId: string, @Res() reply: FastifyReply) {
    await this.seating.removeRequest(organiser.id, id, requestId);
    return redirectTo(reply, `/admin/conferences/${id}/seating#requests`);
  }

  @Post('tables/bulk')
  async bulk(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { dto, errors } = await validateForm(BulkTablesDto, body);
    if (Object.keys(errors).length) return this.render(reply, req, lang, organiser, id, errors, 400, body);
    return this.attempt(reply, req, lang, organiser, id, body, async () => {
      const existing = (await this.tables.list(organiser.id, id)).map((x) => x.name);
      await this.tables.add(organiser.id, id, bulkTableNames(existing, dto.prefix, dto.count).map((name) => ({ name, seats: dto.seats })));
      return redirectTo(reply, `/admin/conferences/${id}/seating#tables`);
    });
  }

  @Post('tables/:tableId')
  async updateTable(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('tableId') tableId: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { dto, errors } = await validateForm(UpdateTableDto, { name: body.name, seats: body.seats === undefined ? undefined : Number(body.seats), reserved: body.reserved === 'true' });
    if (Object.keys(errors).length) return this.render(reply, req, lang, organiser, id, errors, 400, body);
    return this.attempt(reply, req, lang, organiser, id, body, async () => {
      await this.tables.update(organiser.id, id, tableId, dto);
      return redirectTo(reply, `/admin/conferences/${id}/seating#tables`);
    });
  }

  @Post('tables/:tableId/delete')
  async removeTable(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('tableId') tableId: string, @Res() reply: FastifyReply) {
    await this.tables.remove(organiser.id, id, tableId);
    return redirectTo(reply, `/admin/conferences/${id}/seating#tables`);
  }

  /** Domain refusals come back as the page with the message, under the status the API would give; unknown things stay 404. */
  private async attempt(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, id: string, body: FormValues, work: () => Promise<unknown>) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof DomainError) || error.category === 'not_found') throw error;
      return this.render(reply, req, lang, organiser, id, { [error.field ?? 'summary']: error.message }, httpStatusFor(error.category), body);
    }
  }

  private async render(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, id: string, errors: FieldErrors, status = 200, values?: FormValues, notice?: SafeHtml) {
    const placement = await this.seating.get(organiser.id, id);
    const [conference, tables, requests, csrf] = await Promise.all([
      this.conferences.findById(id),
      this.tables.list(organiser.id, id),
      this.seating.requests(organiser.id, id),
      this.auth.csrfTokenFor(organiser),
    ]);
    const body = seatingPage({
      lang, conference, csrf, tables, requests, errors, values, notice,
      placement: placement.view, problems: placement.problems(lang), people: placement.people,
    });
    const page = renderPage({ lang, title: SEATING_TEXTS[lang].title, body, path: req.url, backOffice: { organiserName: organiser.name, csrfToken: csrf } });
    return sendPage(reply, page, status);
  }
}

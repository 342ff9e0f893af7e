import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, AuthService, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { ConferencesService } from '@dialogdag/conferences';
import { ParticipantsService } from '@dialogdag/registrations';
import { DomainError, httpStatusFor, Language } from '@dialogdag/shared';
import { Lang, redirectTo, renderPage, sendPage } from '@dialogdag/web';
import { assignmentBody } from './assignment.render';
import { AssignmentService } from './assignment.service';
import { WorkshopCatalogue } from './workshop-catalogue';
import { WorkshopNotifyService } from './workshop-notify.service';
import { TEXTS } from './workshops.texts';

type FormValues = Record<string, string | undefined>;

@ApiExcludeController()
@Requires('conference.edit')
@Controller('admin/conferences/:id/workshop-assignment')
export class AssignmentPages {
  constructor(
    private readonly assignment: AssignmentService,
    private readonly notifier: WorkshopNotifyService,
    private readonly catalogue: WorkshopCatalogue,
    private readonly conferences: ConferencesService,
    private readonly participants: ParticipantsService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  async show(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const query = req.query as FormValues;
    const t = TEXTS[lang];
    const notice =
      query.done === 'run' ? t.ranNotice : query.done === 'moved' ? t.movedNotice : query.notified !== undefined ? t.notifiedNotice(Number(query.notified) || 0) : null;
    return this.render(reply, req, lang, organiser, id, notice, null, 200);
  }

  @Post('run')
  async run(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    try {
      await this.assignment.run(organiser.id, id);
    } catch (error) {
      return this.refused(reply, req, lang, organiser, id, error);
    }
    return redirectTo(reply, `/admin/conferences/${id}/workshop-assignment?done=run`);
  }

  @Post('notify')
  async notify(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Res() reply: FastifyReply) {
    const { queued } = await this.notifier.notify(organiser.id, id);
    return redirectTo(reply, `/admin/conferences/${id}/workshop-assignment?notified=${queued}`);
  }

  /** `target` is "<workshop id>|<round>", or "none|<round>" to take the person out of that round. */
  @Post('move')
  async move(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const [workshopId = '', round = ''] = String(body?.target ?? '').split('|');
    const registrationId = String(body?.registrationId ?? '');
    try {
      if (workshopId === 'none') await this.assignment.unplace(organiser.id, id, registrationId, round);
      else await this.assignment.place(organiser.id, id, registrationId, { workshopId, round: round || undefined, locked: body?.locked === 'true' });
    } catch (error) {
      return this.refused(reply, req, lang, organiser, id, error);
    }
    return redirectTo(reply, `/admin/conferences/${id}/workshop-assignment?done=moved`);
  }

  /** A refusal on the page, with the status the API gives for it; 404s stay 404 pages. */
  private refused(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, id: string, error: unknown) {
    if (!(error instanceof DomainError) || error.category === 'not_found') throw error;
    return this.render(reply, req, lang, organiser, id, null, error.message, httpStatusFor(error.category));
  }

  private async render(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, id: string, notice: string | null, error: string | null, status: number) {
    const view = await this.assignment.current(organiser.id, id);
    const conference = await this.conferences.findById(id);
    const csrf = await this.auth.csrfTokenFor(organiser);
    const body = assignmentBody({
      lang,
      conference: { id: conference.id, title: conference.title },
      csrf,
      catalogue: await this.catalogue.load(id),
      view,
      people: await this.participants.list(id),
      notice,
      error,
    });
    return sendPage(reply, renderPage({ lang, title: TEXTS[lang].assignment, body, path: req.url, backOffice: { organiserName: organiser.name, csrfToken: csrf } }), status);
  }
}

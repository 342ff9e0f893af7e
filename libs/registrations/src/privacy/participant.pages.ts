import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { DomainError, Language } from '@dialogdag/shared';
import { Lang, redirectTo } from '@dialogdag/web';
import { AnnotationTable } from '../extensions/annotation-table';
import { RegistrationExtensions } from '../extensions/registration-extensions';
import { FORM_ERRORS_STATUS, statusOf } from '../i18n';
import { OrganiserPage } from '../organiser/organiser-page';
import { FeeChanged } from '../registration.errors';
import { Erasure } from './erasure.service';
import { NewPersonalLink } from './new-link.service';
import { ParticipantRecord } from './participant-record';
import { eraseStepBody, participantBody, ParticipantPageState } from './participant.view';
import { PRIVACY_TEXTS } from './privacy.texts';
import { expectedFeeFromForm } from '../expected-fee';

/** A participant's page in the back office, with a new personal link and erasure of their personal data. */
@ApiExcludeController()
@Requires('participants.read')
@Controller('admin/conferences/:id/registrations/:rid')
export class ParticipantPages {
  constructor(
    private readonly records: ParticipantRecord,
    private readonly extensions: RegistrationExtensions,
    private readonly erasure: Erasure,
    private readonly newLink: NewPersonalLink,
    private readonly page: OrganiserPage,
  ) {}

  @Get()
  async show(
    @Lang() lang: Language,
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Param('rid') rid: string,
    @Query() query: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const { registration } = await this.records.get(organiser.id, id, rid);
    const state = { linkSentTo: query.linkSent === '1' ? registration.email : undefined, erased: query.erased === '1' };
    return this.render(reply, req, lang, organiser, id, rid, state);
  }

  @Requires('participants.manage')
  @Post('new-link')
  async renewLink(
    @Lang() lang: Language,
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Param('rid') rid: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    try {
      await this.newLink.issue(organiser.id, id, rid);
      return redirectTo(reply, `/admin/conferences/${id}/registrations/${rid}?linkSent=1`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.category !== 'conflict') throw error;
      return this.render(reply, req, lang, organiser, id, rid, { general: [error.textIn(lang)] }, statusOf(error));
    }
  }

  @Requires('participants.manage')
  @Get('erase')
  async eraseStep(
    @Lang() lang: Language,
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Param('rid') rid: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.renderStep(reply, req, lang, organiser, id, rid, false);
  }

  /** Erases at the cost the step showed; a different cost now shows the step again with it. */
  @Requires('participants.manage')
  @Post('erase')
  async erase(
    @Lang() lang: Language,
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Param('rid') rid: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const expectedFee = expectedFeeFromForm(body?.expectedFee);
    if (expectedFee === null) return this.renderStep(reply, req, lang, organiser, id, rid, false, FORM_ERRORS_STATUS);
    try {
      await this.erasure.eraseByOrganiser(organiser.id, id, rid, expectedFee);
      return redirectTo(reply, `/admin/conferences/${id}/registrations/${rid}?erased=1`);
    } catch (error) {
      if (error instanceof FeeChanged) return this.renderStep(reply, req, lang, organiser, id, rid, true, statusOf(error));
      if (!(error instanceof DomainError) || error.category !== 'conflict') throw error;
      return this.render(reply, req, lang, organiser, id, rid, { general: [error.textIn(lang)] }, statusOf(error));
    }
  }

  private async render(
    reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, id: string, rid: string, state: ParticipantPageState, status = 200,
  ) {
    const { conference, registration } = await this.records.get(organiser.id, id, rid);
    const annotations = (await AnnotationTable.load(this.extensions, conference.id, [registration.id], lang)).present(registration.id);
    const csrf = await this.page.csrfToken(organiser);
    const body = participantBody(conference, registration, annotations, csrf, lang, state);
    return this.page.send(reply, req, lang, organiser, { title: registration.name, body, status });
  }

  private async renderStep(
    reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, id: string, rid: string, feeChanged: boolean, status = 200,
  ) {
    const { conference, registration } = await this.records.get(organiser.id, id, rid);
    if (registration.anonymisedAt) return redirectTo(reply, `/admin/conferences/${id}/registrations/${rid}`);
    const plan = this.erasure.plan(registration, conference, 'organiser');
    const csrf = await this.page.csrfToken(organiser);
    const body = eraseStepBody(conference, registration, plan, csrf, lang, feeChanged);
    return this.page.send(reply, req, lang, organiser, { title: PRIVACY_TEXTS[lang].organiser.erase, body, status });
  }
}

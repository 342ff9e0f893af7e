import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicRoute } from '@dialogdag/auth';
import { ConferencePageRenderer, ConferencesService } from '@dialogdag/conferences';
import { DomainError, Language } from '@dialogdag/shared';
import { Lang, redirectTo, sendPage } from '@dialogdag/web';
import { FeeChanged } from '../registration.errors';
import { FORM_ERRORS_STATUS, statusOf } from '../i18n';
import { PRIVACY_TEXTS } from '../privacy/privacy.texts';
import { RegistrationsService } from '../registrations.service';
import { FormValues } from './choice-rounds';
import { PersonalPageView } from './personal-page.view';
import { PublicFormBotCheck } from './public-form-bot-check';
import { PublicForms } from './public-forms';
import { RegistrationFormState } from './registration-form.view';
import { REGISTRATION_SECTION } from './registration-sections';
import { expectedFeeFromForm } from '../expected-fee';

/** A refusal the page shows with the form; "not found" is the error page instead. */
const shownWithForm = (error: unknown): error is DomainError => error instanceof DomainError && error.category !== 'not_found';

/** The registration form sent from the conference page (which the conferences lib shows), and everything behind the personal link. */
@ApiExcludeController()
@PublicRoute()
@Controller()
export class PublicPages {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly registrations: RegistrationsService,
    private readonly forms: PublicForms,
    private readonly conferencePage: ConferencePageRenderer,
    private readonly personalPage: PersonalPageView,
    private readonly botCheck: PublicFormBotCheck,
  ) {}

  @Post('c/:slug')
  async register(@Lang() lang: Language, @Param('slug') slug: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const conference = await this.conferences.findPublishedBySlug(slug);
    const { dto, errors } = await this.forms.registration(conference.id, lang, body);
    // The conference page again, its registration section showing what was sent and what to correct.
    const again = (state: Omit<RegistrationFormState, 'values'>, status: number) =>
      this.conferencePage.page(lang, req.url, conference, { [REGISTRATION_SECTION]: { values: body, ...state } }).then((page) => sendPage(reply, page, status));
    // A failed bot check reads like any invalid form: what was typed comes back, with a fresh stamp, to send again.
    const person = await this.botCheck.passes(body);
    if (!person || Object.keys(errors).length > 0) return again({ errors, general: person ? [] : [PRIVACY_TEXTS[lang].form.notAccepted] }, FORM_ERRORS_STATUS);
    try {
      const { manageToken } = await this.registrations.registerPublic(slug, dto, lang);
      return redirectTo(reply, `/r/${manageToken}?welcome=1`);
    } catch (error) {
      if (!shownWithForm(error)) throw error;
      return again(this.forms.refusal(error, lang), statusOf(error));
    }
  }

  @Get('r/:token')
  async personal(@Lang() lang: Language, @Param('token') token: string, @Query() query: Record<string, string>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const found = await this.registrations.findByToken(token);
    return sendPage(reply, await this.personalPage.personal(lang, req.url, token, found, { query }));
  }

  @Post('r/:token/details')
  async changeDetails(@Lang() lang: Language, @Param('token') token: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const found = await this.registrations.findByToken(token);
    const { dto, errors } = await this.forms.details(found.conference.id, lang, body);
    if (Object.keys(errors).length > 0) return sendPage(reply, await this.personalPage.personal(lang, req.url, token, found, { values: body, errors }), FORM_ERRORS_STATUS);
    try {
      await this.registrations.updateByToken(token, dto);
      return redirectTo(reply, `/r/${token}?lang=${lang}&updated=1`);
    } catch (error) {
      if (!shownWithForm(error)) throw error;
      const fresh = await this.registrations.findByToken(token);
      return sendPage(reply, await this.personalPage.personal(lang, req.url, token, fresh, { values: body, ...this.forms.refusal(error, lang) }), statusOf(error));
    }
  }

  @Get('r/:token/cancel')
  async cancelStep(@Lang() lang: Language, @Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const step = this.personalPage.cancelStep(lang, req.url, token, await this.registrations.findByToken(token));
    return step ? sendPage(reply, step) : redirectTo(reply, `/r/${token}?lang=${lang}`);
  }

  /** Cancels at the fee the step showed; a different fee now shows the step again with it. */
  @Post('r/:token/cancel')
  async cancel(@Lang() lang: Language, @Param('token') token: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const expectedFee = expectedFeeFromForm(body?.expectedFee);
    if (expectedFee === null) return this.cancelStepAgain(reply, req, lang, token, FORM_ERRORS_STATUS, false);
    try {
      const { fee } = await this.registrations.cancelByToken(token, expectedFee);
      return redirectTo(reply, `/r/${token}?lang=${lang}&cancelled=${fee}`);
    } catch (error) {
      if (error instanceof FeeChanged) return this.cancelStepAgain(reply, req, lang, token, statusOf(error), true);
      if (!shownWithForm(error)) throw error;
      const fresh = await this.registrations.findByToken(token);
      return sendPage(reply, await this.personalPage.personal(lang, req.url, token, fresh, this.forms.refusal(error, lang)), statusOf(error));
    }
  }

  @Get('r/:token/transfer')
  async transferForm(@Lang() lang: Language, @Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { registration, conference } = await this.registrations.findByToken(token);
    if (!this.personalPage.mayTransfer(registration, conference)) return redirectTo(reply, `/r/${token}?lang=${lang}`);
    const values = { organisation: registration.organisation, sector: registration.sector };
    return sendPage(reply, this.personalPage.transferForm(lang, req.url, token, conference, values, {}));
  }

  @Post('r/:token/transfer')
  async transfer(@Lang() lang: Language, @Param('token') token: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { conference } = await this.registrations.findByToken(token);
    const { dto, errors } = await this.forms.transfer(lang, body);
    if (Object.keys(errors).length > 0) return sendPage(reply, this.personalPage.transferForm(lang, req.url, token, conference, body, errors), FORM_ERRORS_STATUS);
    try {
      await this.registrations.transferByToken(token, dto);
      return redirectTo(reply, `/r/${token}/transferred?lang=${lang}`);
    } catch (error) {
      if (!shownWithForm(error)) throw error;
      const refusal = this.forms.refusal(error, lang);
      return sendPage(reply, this.personalPage.transferForm(lang, req.url, token, conference, body, refusal.errors, refusal.general), statusOf(error));
    }
  }

  @Get('r/:token/transferred')
  async transferReceipt(@Lang() lang: Language, @Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { to, conference } = await this.registrations.findTransferReceipt(token);
    return sendPage(reply, this.personalPage.receipt(lang, req.url, to, conference));
  }

  private async cancelStepAgain(reply: FastifyReply, req: FastifyRequest, lang: Language, token: string, status: number, feeChanged: boolean) {
    const step = this.personalPage.cancelStep(lang, req.url, token, await this.registrations.findByToken(token), feeChanged);
    return step ? sendPage(reply, step, status) : redirectTo(reply, `/r/${token}?lang=${lang}`);
  }
}

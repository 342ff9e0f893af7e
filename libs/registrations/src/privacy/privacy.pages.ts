import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConferencesService } from '@dialogdag/conferences';
import { Language } from '@dialogdag/shared';
import { Lang, PublicRoute, redirectTo, sendPage } from '@dialogdag/web';
import { FORM_ERRORS_STATUS, statusOf } from '../i18n';
import { FeeChanged } from '../registration.errors';
import { RegistrationsConfig } from '../registrations.config';
import { RegistrationsService } from '../registrations.service';
import { Erasure } from './erasure.service';
import { PersonalDataExport } from './personal-data.service';
import { eraseStep, noticePage } from './privacy.view';
import { expectedFeeFromForm } from '../expected-fee';


/** The privacy notice, and behind the personal link: downloading one's data and erasing the registration. */
@ApiExcludeController()
@PublicRoute()
@Controller()
export class PrivacyPages {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly registrations: RegistrationsService,
    private readonly erasure: Erasure,
    private readonly exporter: PersonalDataExport,
    private readonly config: RegistrationsConfig,
  ) {}

  @Get('c/:slug/privacy')
  async notice(@Lang() lang: Language, @Param('slug') slug: string, @Query() query: Record<string, unknown>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const conference = await this.conferences.findPublishedBySlug(slug);
    const state = { erased: query.erased === '1', erasedFee: expectedFeeFromForm(query.fee) ?? 0 };
    return sendPage(reply, noticePage(conference, lang, req.url, this.config.retentionDays, state));
  }

  /** The same JSON as the API's, as a file to keep. */
  @Get('r/:token/data')
  async download(@Param('token') token: string, @Res() reply: FastifyReply) {
    const { conference, data } = await this.exporter.forToken(token);
    return reply
      .header('Content-Type', 'application/json; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="dialogdag-${conference.slug}.json"`)
      .header('Cache-Control', 'no-store')
      .send(JSON.stringify(data, null, 2));
  }

  @Get('r/:token/erase')
  async eraseStep(@Lang() lang: Language, @Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.sendStep(reply, req, lang, token, 200, false);
  }

  /** Erases at the cost the step showed; a different cost now shows the step again with it. */
  @Post('r/:token/erase')
  async erase(@Lang() lang: Language, @Param('token') token: string, @Body() body: Record<string, unknown>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const expectedFee = expectedFeeFromForm(body?.expectedFee);
    if (expectedFee === null) return this.sendStep(reply, req, lang, token, FORM_ERRORS_STATUS, false);
    try {
      const { conference, fee: charged } = await this.erasure.eraseByToken(token, expectedFee);
      return redirectTo(reply, `/c/${conference.slug}/privacy?lang=${lang}&erased=1${charged > 0 ? `&fee=${charged}` : ''}`);
    } catch (error) {
      if (error instanceof FeeChanged) return this.sendStep(reply, req, lang, token, statusOf(error), true);
      throw error;
    }
  }

  private async sendStep(reply: FastifyReply, req: FastifyRequest, lang: Language, token: string, status: number, feeChanged: boolean) {
    const { registration, conference } = await this.registrations.findByToken(token);
    const plan = this.erasure.plan(registration, conference, 'participant');
    return sendPage(reply, eraseStep(lang, req.url, token, registration, conference, plan, feeChanged), status);
  }
}


import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, AuthService, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { ConferencesService } from '@dialogdag/conferences';
import { ParticipantsService } from '@dialogdag/registrations';
import { Clock, Language } from '@dialogdag/shared';
import { Lang, redirectTo, renderPage, SafeHtml, sendPage } from '@dialogdag/web';
import { texts } from '../i18n';
import { DECISIONS, Decision } from '../rules/claim-state.rules';
import { parseKronor } from '../rules/money-input.rules';
import { PayeeReader } from '../review/payment-list.service';
import { parseClaimFilter } from '../review/review.controller';
import { ReviewService } from '../review/review.service';
import { pageProblems } from './page-errors';
import { renderQueue, renderReview } from './review.render';
import { TRAVEL_CLAIM } from '../review/claim-access';

type FormValues = Record<string, string | string[] | undefined>;
const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value ?? '').trim();

/** Back-office pages for travel claims: the queue with the budget and the summary, and one claim's review. */
@ApiExcludeController()
@Requires('claims.review')
@Controller('admin')
export class ReviewPages {
  constructor(
    private readonly review: ReviewService,
    private readonly payees: PayeeReader,
    private readonly conferences: ConferencesService,
    private readonly participants: ParticipantsService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  @Get('conferences/:id/travel-claims')
  async queue(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Query() query: Record<string, string>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const paid = Number(query.paid);
    return this.sendQueue(reply, req, lang, organiser, id, parseClaimFilter(query.status), Number.isInteger(paid) && paid > 0 ? texts(lang).review.markedPaid(paid) : null, []);
  }

  @Post('conferences/:id/travel-claims/paid')
  async markManyPaid(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ids = (Array.isArray(body.ids) ? body.ids : body.ids ? [body.ids] : []).filter((v) => /^[0-9a-f-]{36}$/i.test(v));
    if (ids.length === 0) return redirectTo(reply, `/admin/conferences/${id}/travel-claims?status=approved`);
    try {
      const done = await this.review.markManyPaid(organiser.id, id, ids, text(body.paidOn));
      return redirectTo(reply, `/admin/conferences/${id}/travel-claims?status=paid&paid=${done.length}`);
    } catch (error) {
      const problems = pageProblems(error, lang);
      return this.sendQueue(reply, req, lang, organiser, id, 'approved', null, [...problems.general, ...Object.values(problems.errors)], problems.status);
    }
  }

  @Get('travel-claims/:claimId')
  @Requires('claims.review', { conference: TRAVEL_CLAIM })
  async claim(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('claimId') claimId: string, @Query() query: Record<string, string>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const r = texts(lang).review;
    const notice = query.decided !== undefined ? r.decided : query.paid !== undefined ? r.markedPaid(1) : null;
    return this.sendReview(reply, req, lang, organiser, claimId, { notice });
  }

  @Post('travel-claims/:claimId/decision')
  @Requires('claims.review', { conference: TRAVEL_CLAIM })
  async decide(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('claimId') claimId: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const values = { decision: text(body.decision), approvedAmount: text(body.approvedAmount), reason: text(body.reason) };
    const decision = DECISIONS.find((d) => d === values.decision);
    const amount = values.approvedAmount ? parseKronor(values.approvedAmount) : null;
    const errors: Record<string, string> = {};
    if (!decision) errors.decision = texts(lang).review.chooseDecision;
    if (values.approvedAmount && amount === null) errors.approvedAmount = texts(lang).fields.amount;
    if (Object.keys(errors).length) return this.sendReview(reply, req, lang, organiser, claimId, { errors, values }, 400);
    try {
      // The amount field matters only for an adjustment; approving takes the computed amount.
      await this.review.decide(organiser.id, claimId, { decision: decision as Decision, approvedAmount: decision === 'adjusted' ? amount : undefined, reason: values.reason || null });
      return redirectTo(reply, `/admin/travel-claims/${claimId}?decided=1`);
    } catch (error) {
      const problems = pageProblems(error, lang);
      return this.sendReview(reply, req, lang, organiser, claimId, { ...problems, values }, problems.status);
    }
  }

  @Post('travel-claims/:claimId/paid')
  @Requires('claims.review', { conference: TRAVEL_CLAIM })
  async markPaid(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('claimId') claimId: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const paidOn = text(body.paidOn);
    try {
      await this.review.markPaid(organiser.id, claimId, paidOn);
      return redirectTo(reply, `/admin/travel-claims/${claimId}?paid=1`);
    } catch (error) {
      const problems = pageProblems(error, lang);
      return this.sendReview(reply, req, lang, organiser, claimId, { ...problems, values: { paidOn } }, problems.status);
    }
  }

  private async sendQueue(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, conferenceId: string, filter: ReturnType<typeof parseClaimFilter>, notice: string | null, general: string[], status = 200) {
    const { items, budget } = await this.review.list(organiser.id, conferenceId, filter);
    const [conference, summary] = await Promise.all([this.conferences.findById(conferenceId), this.review.summaryFor(conferenceId)]);
    const csrf = await this.auth.csrfTokenFor(organiser);
    const body = renderQueue({ lang, csrf, conference, filter, items, budget, summary, now: this.clock.now(), notice, general });
    return this.send(reply, req, lang, organiser, csrf, texts(lang).review.title, body, status);
  }

  private async sendReview(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, claimId: string, o: { notice?: string | null; errors?: Record<string, string>; general?: string[]; values?: Record<string, string> }, status = 200) {
    const claim = await this.review.get(organiser.id, claimId);
    const [view, payee, [person]] = await Promise.all([
      this.review.view(organiser.id, claimId),
      this.payees.details(claim),
      this.participants.list(claim.conferenceId, { ids: [claim.registrationId] }),
    ]);
    const csrf = await this.auth.csrfTokenFor(organiser);
    const body = renderReview({
      lang, csrf, claim: view, claimant: { email: person?.email ?? '', checkedIn: Boolean(person?.checkedInAt) }, payee, now: this.clock.now(),
      notice: o.notice ?? null, errors: o.errors ?? {}, general: o.general ?? [], values: o.values ?? {},
    });
    return this.send(reply, req, lang, organiser, csrf, view.reference, body, status);
  }

  private send(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, csrfToken: string, title: string, body: SafeHtml, status: number) {
    return sendPage(reply, renderPage({ lang, title, body, path: req.url, backOffice: { organiserName: organiser.name, csrfToken } }), status);
  }
}

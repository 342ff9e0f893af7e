import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicRoute } from '@dialogdag/auth';
import { Clock, httpStatusFor, Language } from '@dialogdag/shared';
import { html, Lang, redirectTo, renderPage, SafeHtml, sendPage } from '@dialogdag/web';
import { ClaimViews } from '../claim-views.service';
import { ClaimantContext, ClaimantService } from '../claimant/claimant.service';
import { Passengers } from '../claimant/passengers';
import { texts } from '../i18n';
import { fieldText, readForm } from '../multipart-form';
import { receiptMissing, receiptTooLarge, wordingOf } from '../reimbursement.errors';
import { claimantActions } from '../rules/claim-state.rules';
import { kronorInput } from '../rules/money-input.rules';
import { ClaimFormValues, claimRequestFromForm, formValuesOf } from './claim-form-input';
import { ClaimFormModel, PersonRef, renderClaimForm } from './claim-form';
import { renderClaimStatus } from './claim-status';
import { PageProblems, pageProblems } from './page-errors';
import { policyText } from './personal-section';

const NOTICES = ['received', 'corrected', 'withdrawn', 'payee', 'receipt'] as const;

/** The claim pages of the personal link; they work without JavaScript. */
@ApiExcludeController()
@PublicRoute()
@Controller('r/:token/travel-claim')
export class ClaimantPages {
  constructor(
    private readonly claimant: ClaimantService,
    private readonly views: ClaimViews,
    private readonly passengers: Passengers,
    private readonly clock: Clock,
  ) {}

  @Get()
  async show(@Lang() lang: Language, @Param('token') token: string, @Query() query: Record<string, string>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const context = await this.claimant.context(token);
    const notice = NOTICES.find((n) => query[n] !== undefined);
    if (notice === 'withdrawn' || !context.claim) return this.entry(reply, req, lang, token, context, notice === 'withdrawn' ? texts(lang).claimant.withdrawnNotice : null);
    return this.status(reply, req, lang, token, context, { notice: notice ? this.noticeText(notice, lang) : null });
  }

  @Get('edit')
  async edit(@Lang() lang: Language, @Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const context = await this.claimant.context(token);
    const claim = context.claim;
    if (!claim || !context.policy || !claimantActions(claim, context.policy, this.clock.now()).canCorrect) return redirectTo(reply, `/r/${token}/travel-claim?lang=${lang}`);
    const [view] = await this.views.build(claim.conferenceId, [claim]);
    const values: ClaimFormValues = {
      fromPlace: claim.fromPlace,
      roundTripKm: String(claim.roundTripKm).replace('.', lang === 'sv' ? ',' : '.'),
      mode: claim.mode,
      ticketCost: kronorInput(claim.ticketCost),
      lostEarnings: claim.lostEarnings ? kronorInput(claim.lostEarnings) : '',
      lostEarningsDescription: claim.lostEarningsDescription ?? '',
      passengers: view.passengers.map((p) => p.id),
    };
    return this.form(reply, req, lang, token, context, { values, chosen: view.passengers, editing: true });
  }

  @Post()
  async submit(@Lang() lang: Language, @Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const form = await readForm(req);
    const context = await this.claimant.context(token);
    const editing = context.claim?.status === 'submitted';
    if (context.claim && !editing) return redirectTo(reply, `/r/${token}/travel-claim?lang=${lang}`);
    if (!context.policy || (!editing && !context.eligibility.eligible)) return this.entry(reply, req, lang, token, context, null, httpStatusFor('conflict'));
    const { request, errors } = claimRequestFromForm(form.fields, lang);
    const values = formValuesOf(form.fields);
    const chosen = await this.named(context, request.input.passengers);
    const action = fieldText(form.fields, 'action');
    const base = { values, chosen, editing };
    if (action === 'search') {
      const candidates = await this.passengers.candidates(context, String(values.q ?? ''));
      return this.form(reply, req, lang, token, context, { ...base, candidates });
    }
    if (form.fileTooLarge) errors.receipt = wordingOf(receiptTooLarge(), lang);
    if (Object.keys(errors).length) return this.form(reply, req, lang, token, context, { ...base, errors }, form.fileTooLarge ? 413 : 400);
    // A refused submission shows the amount again with the reason, so the claimant can fix it and send.
    let refused: PageProblems | null = null;
    if (action === 'submit') {
      if (request.input.mode === 'public_transport' && form.file) request.receipt = form.file;
      try {
        await (editing ? this.claimant.correct(token, request, lang) : this.claimant.submit(token, request, lang));
        return redirectTo(reply, `/r/${token}/travel-claim?lang=${lang}&${editing ? 'corrected' : 'received'}=1`);
      } catch (error) {
        refused = pageProblems(error, lang);
      }
    }
    try {
      const { amounts } = await this.claimant.preview(token, request, lang);
      const preview = { mode: request.input.mode, roundTripKm: request.input.roundTripKm, amounts };
      return this.form(reply, req, lang, token, context, { ...base, ...refused, preview }, refused?.status ?? 200);
    } catch (error) {
      const problems = refused ?? pageProblems(error, lang);
      return this.form(reply, req, lang, token, context, { ...base, ...problems }, problems.status);
    }
  }

  @Post('withdraw')
  async withdraw(@Lang() lang: Language, @Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    try {
      await this.claimant.withdraw(token);
      return redirectTo(reply, `/r/${token}/travel-claim?lang=${lang}&withdrawn=1`);
    } catch (error) {
      const problems = pageProblems(error, lang);
      return this.status(reply, req, lang, token, await this.claimant.context(token), { general: problems.general }, problems.status);
    }
  }

  @Post('payee')
  async payee(@Lang() lang: Language, @Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { fields } = await readForm(req);
    try {
      const input = { name: fieldText(fields, 'payeeName'), clearingNumber: fieldText(fields, 'clearingNumber'), accountNumber: fieldText(fields, 'accountNumber'), bankgiro: fieldText(fields, 'bankgiro') };
      await this.claimant.setPayee(token, input, lang);
      return redirectTo(reply, `/r/${token}/travel-claim?lang=${lang}&payee=1`);
    } catch (error) {
      const problems = pageProblems(error, lang);
      return this.status(reply, req, lang, token, await this.claimant.context(token), { ...problems, payeeValues: formValuesOf(fields) }, problems.status);
    }
  }

  @Post('receipt')
  async receipt(@Lang() lang: Language, @Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    try {
      const form = await readForm(req);
      if (form.fileTooLarge) throw receiptTooLarge();
      if (!form.file) throw receiptMissing();
      await this.claimant.uploadReceipt(token, form.file);
      return redirectTo(reply, `/r/${token}/travel-claim?lang=${lang}&receipt=1`);
    } catch (error) {
      const problems = pageProblems(error, lang);
      return this.status(reply, req, lang, token, await this.claimant.context(token), problems, problems.status);
    }
  }

  private noticeText(notice: (typeof NOTICES)[number], lang: Language): string {
    const c = texts(lang).claimant;
    return { received: c.received, corrected: c.corrected, withdrawn: c.withdrawnNotice, payee: c.payeeSaved, receipt: c.receiptSaved }[notice];
  }

  private async named(context: ClaimantContext, ids: string[]): Promise<PersonRef[]> {
    const people = await this.views.people(context.conference.id, ids);
    return ids.filter((id) => people.has(id)).map((id) => ({ id, ...people.get(id)! }));
  }

  /** No claim yet: the form, or why not, or whose car the holder rides in. */
  private entry(reply: FastifyReply, req: FastifyRequest, lang: Language, token: string, context: ClaimantContext, notice: string | null, status = 200) {
    const c = texts(lang).claimant;
    if (context.policy && context.eligibility.eligible && !context.passengerOf) {
      return this.form(reply, req, lang, token, context, { general: [], notice }, status);
    }
    const body = context.passengerOf
      ? html`<p>${c.travelsWith(context.passengerOf.driver.name, context.passengerOf.driver.organisation)}</p>`
      : html`<h2>${c.notEligible}</h2><ul id="claim-refusal">${context.eligibility.eligible ? '' : context.eligibility.reasons.map((r) => html`<li>${r.text[lang]}</li>`)}</ul>
${context.policy ? policyText(context.policy, lang) : ''}`;
    return this.send(reply, req, lang, c.heading, html`<p><a href="/r/${token}?lang=${lang}">${c.back}</a></p>
${notice ? html`<div class="notice ok" role="status"><p>${notice}</p></div>` : ''}
<h1>${c.heading}</h1><p class="lead">${context.conference.title}</p>${body}`, status);
  }

  private form(reply: FastifyReply, req: FastifyRequest, lang: Language, token: string, context: ClaimantContext, o: Partial<ClaimFormModel> & { notice?: string | null }, status = 200) {
    const model: ClaimFormModel = {
      lang, token, conferenceTitle: context.conference.title, policy: context.policy!, values: o.values ?? { mode: 'car' }, errors: o.errors ?? {},
      general: o.general ?? [], chosen: o.chosen ?? [], candidates: o.candidates ?? null, preview: o.preview ?? null, editing: o.editing ?? false,
    };
    const notice = o.notice ? html`<div class="notice ok" role="status"><p>${o.notice}</p></div>` : '';
    return this.send(reply, req, lang, texts(lang).claimant.heading, html`${notice}${renderClaimForm(model)}`, status);
  }

  private async status(reply: FastifyReply, req: FastifyRequest, lang: Language, token: string, context: ClaimantContext, o: { notice?: string | null; general?: string[]; errors?: Record<string, string>; payeeValues?: ClaimFormValues }, status = 200) {
    if (!context.claim) return this.entry(reply, req, lang, token, context, null, status);
    const view = await this.views.one(context.claim);
    const body = renderClaimStatus({
      lang, token, conferenceTitle: context.conference.title, claim: view, actions: claimantActions(context.claim, context.policy, this.clock.now()),
      notice: o.notice ?? null, general: o.general ?? [], errors: o.errors ?? {}, payeeValues: o.payeeValues ?? {},
    });
    return this.send(reply, req, lang, texts(lang).claimant.heading, body, status);
  }

  private send(reply: FastifyReply, req: FastifyRequest, lang: Language, title: string, body: SafeHtml, status: number) {
    return sendPage(reply, renderPage({ lang, title, body, path: req.url }), status);
  }
}

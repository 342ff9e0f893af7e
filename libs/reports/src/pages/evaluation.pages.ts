import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, AuthService, CurrentOrganiser, PublicRoute, Requires } from '@dialogdag/auth';
import { ConferencesService } from '@dialogdag/conferences';
import { DomainError, httpStatusFor, Language, ValidationFailed } from '@dialogdag/shared';
import { errorSummary, FieldErrors, html, Lang, redirectTo, renderPage, sendPage, textField } from '@dialogdag/web';
import { EvaluationService, ParticipantEvaluation } from '../evaluation/evaluation.service';
import { CATALOGUE } from '../i18n';
import { PageContext, refusal, sendBackOffice } from './back-office';

type FormValues = Record<string, string | undefined>;
const lines = (text: string | undefined) => (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

@ApiExcludeController()
@Requires('conference.edit')
@Controller('admin/conferences/:id/evaluation')
export class EvaluationPages {
  constructor(
    private readonly evaluation: EvaluationService,
    private readonly conferences: ConferencesService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  page(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.render({ reply, req, lang, organiser }, id, null, {});
  }

  @Post()
  async save(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    try {
      await this.evaluation.setForm(organiser.id, id, { ratings: lines(body.ratings), questions: lines(body.questions) });
      return redirectTo(reply, `/admin/conferences/${id}/evaluation`);
    } catch (error) {
      const { errors, status } = error instanceof ValidationFailed ? { errors: Object.fromEntries(error.problems.map((p) => [p.field, p.message])), status: 422 } : refusal(error, 'ratings');
      return this.render({ reply, req, lang, organiser }, id, body, errors, status);
    }
  }

  private async render(ctx: PageContext, conferenceId: string, values: FormValues | null, errors: FieldErrors, status = 200) {
    const t = CATALOGUE[ctx.lang];
    const { form, responses } = await this.evaluation.form(ctx.organiser.id, conferenceId);
    const summary = await this.evaluation.summary(ctx.organiser.id, conferenceId);
    const c = await this.conferences.findById(conferenceId);
    const csrf = await this.auth.csrfTokenFor(ctx.organiser);
    const average = (x: number | null) => (x === null ? t.common.none : x.toLocaleString(ctx.lang === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: 1 }));
    const body = html`<p><a href="/admin/conferences/${c.id}">${t.common.back}</a> · <a href="/admin/conferences/${c.id}/report">${t.summary.report}</a></p>
<h1>${t.evaluation.title}: ${c.title}</h1>
<h2>${t.evaluation.summary}</h2>
<p>${t.evaluation.responses}: ${summary.responses}</p>
${summary.responses === 0 ? html`<p>${t.evaluation.noResponses}</p>` : html`<table><thead><tr><th scope="col">${t.evaluation.title}</th><th scope="col" class="num">${t.evaluation.responses}</th><th scope="col" class="num">${t.evaluation.average}</th><th scope="col">${t.evaluation.distribution} (1–5)</th></tr></thead><tbody>
${summary.ratings.map((r) => html`<tr><th scope="row">${r.label}</th><td class="num">${r.count}</td><td class="num">${average(r.average)}</td><td>${r.distribution.join(' · ')}</td></tr>`)}
</tbody></table>
${summary.questions.map((q) => html`<h3>${q.label}</h3>${q.answers.length ? html`<ul>${q.answers.map((a) => html`<li>${a}</li>`)}</ul>` : html`<p>${t.common.none}</p>`}`)}`}
<h2>${t.evaluation.settings}</h2>
${errorSummary(t.common.problem, errors)}
<form method="post" action="/admin/conferences/${c.id}/evaluation" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  ${textField({ name: 'ratings', label: t.evaluation.ratings, type: 'textarea', value: values?.ratings ?? form.ratings.map((q) => q.label).join('\n'), error: errors.ratings })}
  ${textField({ name: 'questions', label: t.evaluation.questions, type: 'textarea', value: values?.questions ?? form.questions.map((q) => q.label).join('\n'), error: errors.questions })}
  ${responses === 0 ? html`<button type="submit">${t.common.save}</button>` : ''}
</form>`;
    return sendBackOffice(this.auth, ctx, t.evaluation.title, body, { status });
  }
}

/** The participant's evaluation form behind the personal link. */
@ApiExcludeController()
@PublicRoute()
@Controller('r/:token/evaluation')
export class EvaluationFormPages {
  constructor(private readonly evaluation: EvaluationService) {}

  @Get()
  async show(@Lang() lang: Language, @Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const found = await this.evaluation.forParticipant(token);
    const thanks = (req.query as Record<string, string | undefined>).saved === '1';
    const values: FormValues = Object.fromEntries([
      ...Object.entries(found.previous?.ratings ?? {}).map(([k, v]) => [`ratings.${k}`, String(v)]),
      ...Object.entries(found.previous?.answers ?? {}).map(([k, v]) => [`answers.${k}`, v]),
    ]);
    return sendPage(reply, this.render(lang, req.url, token, found, values, {}, thanks));
  }

  @Post()
  async submit(@Lang() lang: Language, @Param('token') token: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const found = await this.evaluation.forParticipant(token);
    const ratings: Record<string, number> = {};
    const answers: Record<string, string> = {};
    for (const [key, value] of Object.entries(body ?? {})) {
      if (key.startsWith('ratings.') && value) ratings[key.slice(8)] = Number(value);
      if (key.startsWith('answers.') && typeof value === 'string') answers[key.slice(8)] = value;
    }
    try {
      await this.evaluation.submit(token, { ratings, answers });
      return redirectTo(reply, `/r/${token}/evaluation?lang=${lang}&saved=1`);
    } catch (error) {
      if (error instanceof ValidationFailed) {
        const errors = Object.fromEntries(error.problems.map((p) => [p.field, p.field.startsWith('ratings.') ? CATALOGUE[lang].evaluation.chooseRating : p.message]));
        return sendPage(reply, this.render(lang, req.url, token, found, body, errors, false), 422);
      }
      if (error instanceof DomainError && error.category !== 'not_found') return sendPage(reply, this.render(lang, req.url, token, found, body, {}, false, error.message), httpStatusFor(error.category));
      throw error;
    }
  }

  private render(lang: Language, path: string, token: string, found: ParticipantEvaluation, values: FormValues, errors: FieldErrors, thanks: boolean, general?: string): string {
    const t = CATALOGUE[lang].evaluation;
    const { form, window, conference } = found;
    const closedText = window === 'not_yet' ? t.notOpen : window === 'closed' ? t.closed : null;
    const body = html`<p class="lead"><a href="/r/${token}?lang=${lang}">${conference.title}</a></p>
<h1>${t.formTitle}</h1>
${thanks ? html`<div class="notice ok" role="status"><p>${t.thanks}</p></div>` : found.previous ? html`<p class="notice">${t.alreadyAnswered}</p>` : ''}
${closedText ? html`<p class="notice warn">${closedText}</p>` : html`<p>${t.intro}</p>
${errorSummary(CATALOGUE[lang].common.problem, errors, general ? [general] : [])}
<form method="post" action="/r/${token}/evaluation?lang=${lang}" novalidate>
${form.ratings.map((q) => html`<fieldset id="ratings.${q.key}"${errors[`ratings.${q.key}`] ? html` class="has-error" aria-describedby="ratings.${q.key}-error"` : ''}><legend>${q.label}</legend>
  <p class="hint">${t.scale}</p>
  ${errors[`ratings.${q.key}`] ? html`<p class="field-error" id="ratings.${q.key}-error">${errors[`ratings.${q.key}`]}</p>` : ''}
  ${[1, 2, 3, 4, 5].map((v) => html`<label class="rating"><input type="radio" name="ratings.${q.key}" value="${v}"${values[`ratings.${q.key}`] === String(v) ? html` checked` : ''}> ${v}</label> `)}
</fieldset>`)}
${form.questions.map((q) => textField({ name: `answers.${q.key}`, label: q.label, type: 'textarea', value: values[`answers.${q.key}`], error: errors[`answers.${q.key}`] }))}
  <button type="submit">${t.submit}</button>
</form>`}`;
    return renderPage({ lang, title: t.formTitle, body, path });
  }
}

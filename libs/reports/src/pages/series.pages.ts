import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, AuthService, CurrentOrganiser, SignedIn } from '@dialogdag/auth';
import { MembersService } from '@dialogdag/conferences';
import { formatLongDate, Language, PARTY_LABELS } from '@dialogdag/shared';
import { errorSummary, FieldErrors, html, Lang, redirectTo, SafeHtml, selectField, textField, validateForm } from '@dialogdag/web';
import { CATALOGUE } from '../i18n';
import { CreateSeriesDto, UpdateSeriesDto } from '../series/series.dto';
import { SeriesService } from '../series/series.service';
import { barChart } from '../summary/bar-chart';
import { isPrint, PageContext, refusal, sendBackOffice } from './back-office';
import { breakdowns, figureList, REPORT_STYLE } from './summary.render';

type FormValues = Record<string, string | undefined>;

@ApiExcludeController()
@SignedIn()
@Controller('admin/series')
export class SeriesPages {
  constructor(
    private readonly series: SeriesService,
    private readonly members: MembersService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  async list(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.renderList({ reply, req, lang, organiser }, {}, {});
  }

  @Post()
  async create(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { dto, errors } = await validateForm(CreateSeriesDto, body);
    if (Object.keys(errors).length) return this.renderList({ reply, req, lang, organiser }, body, errors, 422);
    const { series } = await this.series.create(organiser.id, dto);
    return redirectTo(reply, `/admin/series/${series.id}`);
  }

  @Get(':id')
  async show(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.renderSeries({ reply, req, lang, organiser }, id, {});
  }

  @Post(':id')
  async update(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    await this.series.get(organiser.id, id);
    const { dto, errors } = await validateForm(UpdateSeriesDto, { ...body, description: body.description ?? '' });
    if (Object.keys(errors).length) return this.renderSeries({ reply, req, lang, organiser }, id, errors, 422, body);
    await this.series.update(organiser.id, id, dto);
    return redirectTo(reply, `/admin/series/${id}`);
  }

  @Post(':id/conferences')
  async add(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    try {
      await this.series.addConference(organiser.id, id, body.conferenceId ?? '');
      return redirectTo(reply, `/admin/series/${id}`);
    } catch (error) {
      const { errors, status } = refusal(error, 'conferenceId');
      return this.renderSeries({ reply, req, lang, organiser }, id, errors, status);
    }
  }

  @Post(':id/conferences/:conferenceId/remove')
  async remove(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('conferenceId') conferenceId: string, @Res() reply: FastifyReply) {
    await this.series.removeConference(organiser.id, id, conferenceId);
    return redirectTo(reply, `/admin/series/${id}`);
  }

  @Post(':id/delete')
  async delete(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Res() reply: FastifyReply) {
    await this.series.remove(organiser.id, id);
    return redirectTo(reply, '/admin/series');
  }

  private async renderList(ctx: PageContext, values: FormValues, errors: FieldErrors, status = 200) {
    const t = CATALOGUE[ctx.lang];
    const items = await this.series.list(ctx.organiser.id);
    const csrf = await this.auth.csrfTokenFor(ctx.organiser);
    const body = html`<h1>${t.series.list}</h1>
${items.length === 0 ? html`<p>${t.series.none}</p>` : html`<table><thead><tr><th scope="col">${t.series.name}</th><th scope="col" class="num">${t.series.conferences}</th></tr></thead><tbody>
${items.map(({ series, conferences }) => html`<tr><td><a href="/admin/series/${series.id}">${series.title}</a></td><td class="num">${conferences.length}</td></tr>`)}
</tbody></table>`}
<h2 id="create">${t.series.create}</h2>
${errorSummary(t.common.problem, errors)}
<form method="post" action="/admin/series" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  ${textField({ name: 'title', label: t.series.name, value: values.title, error: errors.title, required: true })}
  ${textField({ name: 'description', label: t.series.description, type: 'textarea', value: values.description, error: errors.description })}
  <button type="submit">${t.series.create}</button>
</form>`;
    return sendBackOffice(this.auth, ctx, t.series.list, body, { status });
  }

  private async renderSeries(ctx: PageContext, id: string, errors: FieldErrors, status = 200, values?: FormValues) {
    const { lang } = ctx;
    const t = CATALOGUE[lang];
    const { series, conferences, summary } = await this.series.summary(ctx.organiser.id, id);
    const csrf = await this.auth.csrfTokenFor(ctx.organiser);
    const print = isPrint(ctx.req);
    const inSeries = new Set(conferences.map((c) => c.id));
    // Only conferences the organiser may change can be added (as the service checks).
    const editable = new Set(await this.members.conferencesAllowing(ctx.organiser.id, 'conference.edit'));
    const candidates = (await this.members.memberships(ctx.organiser.id)).map((m) => m.conference).filter((c) => editable.has(c.id) && !inSeries.has(c.id));
    const n = (x: number) => new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB').format(x);
    const parties = summary.totals.byParty.map((p) => p.party);
    const table = html`<table><caption class="visually-hidden">${t.series.conferences}</caption><thead><tr>
<th scope="col">${t.series.conference}</th><th scope="col">${t.series.place}</th><th scope="col">${t.series.date}</th>
<th scope="col" class="num">${t.summary.registered}</th><th scope="col" class="num">${t.summary.attended}</th>
${parties.map((p) => html`<th scope="col" class="num">${PARTY_LABELS[p][lang]} <span class="hint">(${t.summary.legendRegistered.toLowerCase()} / ${t.summary.legendAttended.toLowerCase()})</span></th>`)}
<th scope="col" class="num">${t.summary.organisations}</th><th scope="col" class="num">${t.summary.municipalities}</th>${print ? '' : html`<td></td>`}
</tr></thead><tbody>
${summary.conferences.map((c) => html`<tr><th scope="row"><a href="/admin/conferences/${c.conferenceId}/attendance">${c.title}</a></th><td>${c.place}</td><td>${formatLongDate(c.startsAt, lang)}</td>
<td class="num">${n(c.summary.registered)}</td><td class="num">${n(c.summary.attended)}</td>${c.summary.byParty.map((p) => html`<td class="num">${n(p.registered)} / ${n(p.attended)}</td>`)}
<td class="num">${n(c.summary.organisations)}</td><td class="num">${n(c.summary.municipalities)}</td>
${print ? '' : html`<td><form method="post" action="/admin/series/${series.id}/conferences/${c.conferenceId}/remove" class="inline"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit" class="link">${t.series.remove}<span class="visually-hidden">: ${c.title}</span></button></form></td>`}</tr>`)}
</tbody><tfoot><tr><th scope="row">${t.series.totals}</th><td></td><td></td><td class="num">${n(summary.totals.registered)}</td><td class="num">${n(summary.totals.attended)}</td>
${summary.totals.byParty.map((p) => html`<td class="num">${n(p.registered)} / ${n(p.attended)}</td>`)}<td class="num">${n(summary.totals.organisations)}</td><td class="num">${n(summary.totals.municipalities)}</td>${print ? '' : html`<td></td>`}</tr></tfoot></table>`;
    const chart = barChart({
      id: 'series-conferences',
      title: t.series.chart,
      seriesNames: summary.totals.byParty.map((p) => PARTY_LABELS[p.party][lang]),
      groups: summary.conferences.map((c) => ({ label: c.place || c.title, values: c.summary.byParty.map((p) => p.attended) })),
    });
    const manage: SafeHtml = print ? html`` : html`<h2 id="add">${t.series.add}</h2>
${errorSummary(t.common.problem, errors)}
${candidates.length === 0 ? html`<p>${t.series.allInSeries}</p>` : html`<form method="post" action="/admin/series/${series.id}/conferences" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  ${selectField({ name: 'conferenceId', label: t.series.pick, required: true, error: errors.conferenceId, options: candidates.map((c) => ({ value: c.id, label: `${c.title} (${formatLongDate(c.startsAt, lang)})` })) })}
  <button type="submit">${t.series.addButton}</button>
</form>`}
<h2>${t.series.settings}</h2>
<form method="post" action="/admin/series/${series.id}" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  ${textField({ name: 'title', label: t.series.name, value: values?.title ?? series.title, error: errors.title, required: true })}
  ${textField({ name: 'description', label: t.series.description, type: 'textarea', value: values?.description ?? series.description, error: errors.description })}
  <button type="submit">${t.common.save}</button>
</form>
<form method="post" action="/admin/series/${series.id}/delete" class="actions"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit" class="danger">${t.series.deleteSeries}</button></form>`;
    const body = html`${REPORT_STYLE}
${print ? '' : html`<p><a href="/admin/series">${t.series.list}</a></p>`}
<h1>${series.title}</h1>
${series.description ? html`<p class="lead">${series.description}</p>` : ''}
${conferences.length === 0 ? html`<p>${t.series.noConferences}</p>` : html`
${figureList(summary.totals, lang, true)}
<p>${t.series.distinctNote}</p>
${print ? '' : html`<div class="actions"><a class="button secondary" href="/api/series/${series.id}/attendance-summary?format=csv&amp;lang=${lang}">${t.common.csv}</a>
<a class="button secondary" href="/admin/series/${series.id}?print=1">${t.common.print}</a></div>`}
<h2>${t.series.conferences}</h2>
${chart}
${table}
${breakdowns(summary.totals, lang, 'series')}`}
${manage}`;
    return sendBackOffice(this.auth, ctx, series.title, body, { status, print });
  }
}

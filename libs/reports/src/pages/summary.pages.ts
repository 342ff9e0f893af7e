import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessDeclarations, AuthenticatedOrganiser, AuthService, ConferenceRole, CurrentOrganiser, CurrentRole, Requires } from '@dialogdag/auth';
import { formatLongDate, Language } from '@dialogdag/shared';
import { html, Lang } from '@dialogdag/web';
import { CATALOGUE } from '../i18n';
import { SeriesService } from '../series/series.service';
import { AttendanceService } from '../summary/attendance.service';
import { isPrint, pageLinks, sendBackOffice } from './back-office';
import { breakdowns, figureList, REPORT_STYLE } from './summary.render';

@ApiExcludeController()
@Requires('figures.read')
@Controller('admin/conferences/:id')
export class SummaryPages {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly series: SeriesService,
    private readonly auth: AuthService,
    private readonly access: AccessDeclarations,
  ) {}

  @Get('attendance')
  async summary(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @CurrentRole() role: ConferenceRole, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const t = CATALOGUE[lang];
    const { conference: c, summary } = await this.attendance.summary(organiser.id, id);
    const series = await this.series.seriesOf(id);
    const print = isPrint(req);
    const base = `/admin/conferences/${c.id}`;
    const body = html`${REPORT_STYLE}
${print ? '' : html`<p>${pageLinks(this.access, role, [
    [base, t.common.back],
    ...(series ? [[`/admin/series/${series.id}`, `${t.summary.series}: ${series.title}`] as [string, string]] : []),
    [`${base}/report`, t.summary.report], [`${base}/group-notes`, t.summary.notes], [`${base}/evaluation`, t.summary.evaluation],
  ])}</p>`}
<h1>${t.summary.title}: ${c.title}</h1>
<p class="lead">${formatLongDate(c.startsAt, lang)}, ${[c.venueName, c.venueCity].filter(Boolean).join(', ')}</p>
${summary.ended ? '' : html`<p class="notice">${t.summary.beforeEnd}</p>`}
${figureList(summary, lang, summary.ended)}
<div class="actions">
  <a class="button secondary" href="/api/conferences/${c.id}/attendance-summary?format=csv&amp;lang=${lang}">${t.common.csv}</a>
  <a class="button secondary" href="/api/conferences/${c.id}/attendance-summary?format=xlsx&amp;lang=${lang}">${t.common.xlsx}</a>
  <a class="button secondary" href="${base}/attendance?print=1">${t.common.print}</a>
</div>
${breakdowns(summary, lang, 'conference')}`;
    return sendBackOffice(this.auth, { reply, req, lang, organiser }, `${t.summary.title}: ${c.title}`, body, { print });
  }
}

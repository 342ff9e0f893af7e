import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessDeclarations, AuthenticatedOrganiser, AuthService, ConferenceRole, CurrentOrganiser, CurrentRole, Requires } from '@dialogdag/auth';
import { Language } from '@dialogdag/shared';
import { html, Lang, SafeHtml } from '@dialogdag/web';
import { CATALOGUE } from '../i18n';
import { ReportBlock } from '../report/report.document';
import { ReportService } from '../report/report.service';
import { pageLinks, sendBackOffice } from './back-office';
import { REPORT_STYLE } from './summary.render';

/** The same blocks as the Markdown and the PDF, as HTML, one level down so the page keeps one h1. */
export function blocksToHtml(blocks: ReportBlock[]): SafeHtml {
  return html`${blocks.map((b) => {
    switch (b.kind) {
      case 'heading':
        return b.level === 1 ? html`<h2>${b.text}</h2>` : b.level === 2 ? html`<h3>${b.text}</h3>` : html`<h4>${b.text}</h4>`;
      case 'paragraph':
        return html`<p>${b.text}</p>`;
      case 'list':
        return html`<ul>${b.items.map((i) => html`<li>${i}</li>`)}</ul>`;
      case 'table':
        return html`<table><thead><tr>${b.header.map((h, i) => html`<th scope="col"${i > 0 ? html` class="num"` : ''}>${h}</th>`)}</tr></thead>
<tbody>${b.rows.map((r) => html`<tr>${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td class="num">${c}</td>`))}</tr>`)}</tbody></table>`;
    }
  })}`;
}

@ApiExcludeController()
@Requires('figures.read')
@Controller('admin/conferences/:id/report')
export class ReportPages {
  constructor(
    private readonly reports: ReportService,
    private readonly auth: AuthService,
    private readonly access: AccessDeclarations,
  ) {}

  @Get()
  async preview(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @CurrentRole() role: ConferenceRole, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const t = CATALOGUE[lang];
    const doc = await this.reports.draft(organiser.id, id, lang);
    const base = `/admin/conferences/${id}`;
    const body = html`${REPORT_STYLE}<p>${pageLinks(this.access, role, [
      [base, t.common.back], [`${base}/attendance`, t.summary.title], [`${base}/group-notes`, t.summary.notes], [`${base}/evaluation`, t.summary.evaluation],
    ])}</p>
<h1>${t.report.title}</h1>
<div class="actions">
  <a class="button secondary" href="/api/conferences/${id}/report.md?lang=${lang}">${t.report.markdown}</a>
  <a class="button secondary" href="/api/conferences/${id}/report.pdf?lang=${lang}">${t.report.pdf}</a>
</div>
<article class="report-draft" aria-label="${t.report.draft}">${blocksToHtml(doc.blocks)}</article>`;
    return sendBackOffice(this.auth, { reply, req, lang, organiser }, t.report.title, body);
  }
}

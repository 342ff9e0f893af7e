import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { ConferencesService } from '@dialogdag/conferences';
import { DomainError, Language } from '@dialogdag/shared';
import { errorSummary, FieldErrors, html, Lang, redirectTo, textField, validateForm } from '@dialogdag/web';
import { catalogue, errorText, FORM_ERRORS_STATUS, statusOf } from '../i18n';
import { OrganiserPage } from '../organiser/organiser-page';
import { BookTableDecisionDto, BookTableLimitDto } from './book-tables.dto';
import { BookTableRequest, BookTablesService } from './book-tables.service';

type Form = Record<string, string | undefined>;

/** The organisers' list of book-table requests: the limit, and approve or decline each. */
@ApiExcludeController()
@Requires('conference.edit')
@Controller('admin/conferences/:id/book-tables')
export class BookTablesPages {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly bookTables: BookTablesService,
    private readonly page: OrganiserPage,
  ) {}

  @Get()
  show(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.render(reply, req, lang, organiser, id, {});
  }

  @Post('limit')
  async setLimit(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: Form, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    await this.conferences.assertManages(organiser.id, id);
    const { dto, errors } = await validateForm(BookTableLimitDto, { limit: body?.limit });
    if (Object.keys(errors).length > 0) return this.render(reply, req, lang, organiser, id, { limit: errors.limit }, FORM_ERRORS_STATUS, body?.limit);
    return this.act(reply, req, lang, organiser, id, 'limit', () => this.bookTables.setLimit(organiser.id, id, dto.limit), body?.limit);
  }

  @Post(':requestId/decision')
  async decide(
    @Lang() lang: Language,
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Param('requestId') requestId: string,
    @Body() body: Form,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const { dto, errors } = await validateForm(BookTableDecisionDto, { decision: body?.decision });
    if (Object.keys(errors).length > 0) return this.render(reply, req, lang, organiser, id, { [`decision-${requestId}`]: errors.decision }, FORM_ERRORS_STATUS);
    return this.act(reply, req, lang, organiser, id, `decision-${requestId}`, () => this.bookTables.decide(organiser.id, id, requestId, dto.decision));
  }

  /** Post/Redirect/Get on success; a refusal is shown at the form that caused it, with the API's status. */
  private async act(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, id: string, field: string, action: () => Promise<unknown>, limit?: string) {
    try {
      await action();
      return redirectTo(reply, `/admin/conferences/${id}/book-tables`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.category === 'not_found') throw error;
      return this.render(reply, req, lang, organiser, id, { [field]: errorText(error, lang, 'organiser') }, statusOf(error), limit);
    }
  }

  private async render(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, id: string, errors: FieldErrors, status = 200, limitValue?: string) {
    const t = catalogue(lang);
    const b = t.bookTables;
    const c = await this.conferences.get(organiser.id, id);
    const csrf = await this.page.csrfToken(organiser);
    const overview = await this.bookTables.overview(organiser.id, id);
    const base = `/admin/conferences/${c.id}/book-tables`;
    const decision = (r: BookTableRequest, value: 'approved' | 'declined', label: string) =>
      html`<form method="post" action="${base}/${r.id}/decision" class="inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="decision" value="${value}">
<button type="submit" class="${value === 'approved' ? '' : 'secondary'}">${label}<span class="visually-hidden"> ${r.organisation}</span></button></form>`;
    const row = (r: BookTableRequest) => {
      const field = `decision-${r.id}`;
      return html`<tr id="${field}"><td>${r.organisation}<br><span class="hint">${r.name}, ${r.email}</span></td><td>${r.description}</td><td><span class="status">${b[r.status]}</span></td>
<td>${errors[field] ? html`<p class="field-error">${errors[field]}</p>` : ''}${r.status === 'withdrawn' ? '' : html`${r.status === 'approved' ? '' : decision(r, 'approved', b.approve)} ${r.status === 'declined' ? '' : decision(r, 'declined', b.decline)}`}</td></tr>`;
    };
    const body = html`${this.page.backLink(c, lang)}
<h1>${b.title}</h1>
<p>${b.intro}</p>
<p class="lead" id="book-table-count">${b.approvedOf(overview.approved, overview.limit)}</p>
${errorSummary(t.organiser.problem, Object.fromEntries(Object.entries(errors).filter(([field]) => field === 'limit')))}
<form method="post" action="${base}/limit" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  ${textField({ name: 'limit', label: b.limit, type: 'number', hint: b.limitHint, value: limitValue ?? String(overview.limit), error: errors.limit, required: true })}
  <button type="submit">${b.saveLimit}</button>
</form>
${overview.items.length === 0 ? html`<p>${b.none}</p>` : html`<table><caption class="visually-hidden">${b.title}</caption>
<thead><tr><th scope="col">${t.organiser.organisation}</th><th scope="col">${b.description}</th><th scope="col">${t.organiser.status}</th><th scope="col">${b.decision}</th></tr></thead>
<tbody>${overview.items.map(row)}</tbody></table>`}`;
    return this.page.send(reply, req, lang, organiser, { title: b.title, body, status });
  }
}

import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { ConferencesService } from '@dialogdag/conferences';
import { DomainError, formatMoney, Language } from '@dialogdag/shared';
import { errorSummary, FieldErrors, html, Lang, redirectTo } from '@dialogdag/web';
import { catalogue, errorText, statusOf } from '../i18n';
import { OrganiserRegistrationsService } from './organiser-registrations.service';
import { OrganiserPage } from './organiser-page';

/** Late cancellations and no-shows: what is owed, per person and organisation, and waivers with a reason. */
@ApiExcludeController()
@Requires('participants.read')
@Controller('admin/conferences/:id/fees')
export class FeesPages {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly organiserRegistrations: OrganiserRegistrationsService,
    private readonly page: OrganiserPage,
  ) {}

  @Get()
  show(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.render(reply, req, lang, organiser, id, {});
  }

  @Post(':rid/waive')
  @Requires('participants.manage')
  async waive(
    @Lang() lang: Language,
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Param('rid') rid: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    try {
      await this.organiserRegistrations.waiveFee(organiser.id, id, rid, body?.reason);
      return redirectTo(reply, `/admin/conferences/${id}/fees`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.category === 'not_found') throw error;
      return this.render(reply, req, lang, organiser, id, { [`reason-${rid}`]: errorText(error, lang, 'organiser') }, statusOf(error));
    }
  }

  private async render(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, id: string, errors: FieldErrors, status = 200) {
    const all = catalogue(lang);
    const t = all.fees;
    const o = all.organiser;
    const c = await this.conferences.get(organiser.id, id);
    const csrf = await this.page.csrfToken(organiser);
    const report = await this.organiserRegistrations.fees(organiser.id, id);
    const money = (ore: number) => formatMoney(ore, lang);
    const body = html`${this.page.backLink(c, lang)}
<h1>${o.fees}</h1>
${errorSummary(o.problem, errors)}
<div class="actions"><a class="button secondary" href="/api/conferences/${c.id}/fees?format=csv">${o.csv}</a></div>
${report.items.length === 0 ? html`<p>${t.noFees}</p>` : html`<table><thead><tr><th scope="col">${o.name}</th><th scope="col">${o.organisation}</th><th scope="col">${t.reason}</th><th scope="col">${t.amount}</th><th scope="col">${t.waived}</th></tr></thead>
<tbody>${report.items.map((i) => {
      const field = `reason-${i.registrationId}`;
      return html`<tr><td>${i.name}<br><span class="hint">${i.email}</span></td><td>${i.organisation}</td><td>${t[i.reason]}</td><td>${money(i.amount)}</td>
<td>${i.waived ? html`${o.yes}: ${i.waiverReason}` : html`<form method="post" action="/admin/conferences/${c.id}/fees/${i.registrationId}/waive" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  <div class="field${errors[field] ? ' has-error' : ''}"><label for="${field}">${t.waiverReason}<span class="visually-hidden"> (${i.name})</span></label>
  ${errors[field] ? html`<p class="field-error" id="${field}-error">${errors[field]}</p>` : ''}
  <input id="${field}" name="reason" type="text" maxlength="500"${errors[field] ? html` aria-invalid="true" aria-describedby="${field}-error"` : ''}></div>
  <button type="submit" class="secondary">${t.waive}<span class="visually-hidden"> ${i.name}</span></button></form>`}</td></tr>`;
    })}</tbody></table>`}
<h2>${t.perOrganisation}</h2>
<table><thead><tr><th scope="col">${o.organisation}</th><th scope="col">${t.count}</th><th scope="col">${t.amount}</th></tr></thead>
<tbody>${report.byOrganisation.map((g) => html`<tr><td>${g.organisation}</td><td>${g.count}</td><td>${money(g.amount)}</td></tr>`)}</tbody>
<tfoot><tr><th scope="row">${o.total}</th><td>${report.byOrganisation.reduce((n, g) => n + g.count, 0)}</td><td id="fees-total">${money(report.totalAmount)}</td></tr></tfoot></table>`;
    return this.page.send(reply, req, lang, organiser, { title: o.fees, body, status });
  }
}

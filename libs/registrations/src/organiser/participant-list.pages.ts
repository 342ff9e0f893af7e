import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { ConferencesService } from '@dialogdag/conferences';
import { formatClock, Language, SECTOR_LABELS, SECTORS } from '@dialogdag/shared';
import { html, Lang, selectField, textField, withQuery } from '@dialogdag/web';
import { AnnotationTable } from '../extensions/annotation-table';
import { RegistrationExtensions } from '../extensions/registration-extensions';
import { catalogue } from '../i18n';
import { parseFilter, REGISTRATION_STATUSES } from '../registration-filter';
import { OrganiserRegistrationsService } from './organiser-registrations.service';
import { OrganiserPage } from './organiser-page';

/** Who is coming: the participant list (with a print view) and the diets for the caterer. */
@ApiExcludeController()
@Requires('participants.read')
@Controller('admin/conferences/:id')
export class ParticipantListPages {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly organiserRegistrations: OrganiserRegistrationsService,
    private readonly extensions: RegistrationExtensions,
    private readonly page: OrganiserPage,
  ) {}

  @Get('registrations')
  async list(
    @Lang() lang: Language,
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const all = catalogue(lang);
    const t = all.organiser;
    const c = await this.conferences.get(organiser.id, id);
    const filter = parseFilter({ status: query.status, sector: query.sector, q: query.q });
    const items = await this.organiserRegistrations.search(organiser.id, id, filter);
    const annotations = await AnnotationTable.load(this.extensions, id, items.map((r) => r.id), lang);
    const print = query.print === '1' || query.print === 'true';
    const base = `/admin/conferences/${c.id}`;
    const table =
      items.length === 0
        ? html`<p>${t.none}</p>`
        : html`<table><caption class="visually-hidden">${t.registrations}</caption>
<thead><tr><th scope="col">${t.name}</th><th scope="col">${t.organisation}</th><th scope="col">${t.sector}</th><th scope="col">${t.status}</th><th scope="col">${t.checkedIn}</th>${annotations.columns.map((a) => html`<th scope="col">${a.label}</th>`)}</tr></thead>
<tbody>${items.map((r) => html`<tr><td>${print ? r.name : html`<a href="${base}/registrations/${r.id}">${r.name}</a>`}</td><td>${r.organisation}</td><td>${SECTOR_LABELS[r.sector][lang]}</td><td>${all.statuses[r.status]}</td><td>${r.checkedInAt ? formatClock(r.checkedInAt) : ''}</td>${annotations.row(r.id).map((v) => html`<td>${v}</td>`)}</tr>`)}</tbody></table>`;
    if (print) {
      const body = html`<h1>${c.title}: ${t.registrations}</h1>
<p>${t.shown(items.length)}</p>${table}`;
      return this.page.send(reply, req, lang, organiser, { title: `${t.registrations} – ${c.title}`, body, print: true });
    }
    const filters = { status: filter.status, sector: filter.sector, q: filter.q };
    const body = html`${this.page.backLink(c, lang)}
<h1>${t.registrations}</h1>
<div class="actions">
  <a class="button" href="${base}/check-in">${all.checkIn.title}</a>
  <a class="button secondary" href="${withQuery(`/api/conferences/${c.id}/registrations.csv`, filters)}">${t.csv}</a>
  <a class="button secondary" href="${withQuery(`${base}/registrations`, { ...filters, print: '1' })}">${t.print}</a>
  <a class="button secondary" href="${base}/diets">${t.diets}</a>
  <a class="button secondary" href="/api/conferences/${c.id}/badges.pdf">${t.badges}</a>
  <a class="button secondary" href="${base}/fees">${t.fees}</a>
  <a class="button secondary" href="${base}/book-tables">${t.bookTables}</a>
</div>
<form method="get" action="${base}/registrations" role="search">
  ${textField({ name: 'q', label: t.search, type: 'search', value: filter.q })}
  ${selectField({ name: 'status', label: t.status, value: filter.status, options: REGISTRATION_STATUSES.map((s) => ({ value: s, label: all.statuses[s] })) })}
  ${selectField({ name: 'sector', label: t.sector, value: filter.sector, options: SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s][lang] })) })}
  <button type="submit">${t.filter}</button>
</form>
<p>${t.shown(items.length)}</p>
${table}`;
    return this.page.send(reply, req, lang, organiser, { title: t.registrations, body });
  }

  @Get('diets')
  async diets(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Query('names') names: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const t = catalogue(lang).diets;
    const c = await this.conferences.get(organiser.id, id);
    const withNames = names === '1' || names === 'true';
    const summary = await this.organiserRegistrations.diets(organiser.id, id, withNames);
    const body = html`${this.page.backLink(c, lang)}
<h1>${t.title}</h1>
<dl class="facts"><dt>${t.seatHolders}</dt><dd>${summary.total}</dd><dt>${t.withDiet}</dt><dd>${summary.withDiet}</dd></dl>
<div class="actions"><a href="/admin/conferences/${c.id}/diets${withNames ? '' : '?names=1'}">${withNames ? t.hideNames : t.showNames}</a></div>
${summary.counts.length === 0
  ? html`<p>${t.none}</p>`
  : html`<table><thead><tr><th scope="col">${t.diet}</th><th scope="col">${t.count}</th>${withNames ? html`<th scope="col">${t.names}</th>` : ''}</tr></thead>
<tbody>${summary.counts.map((d) => html`<tr><td>${d.diet}</td><td>${d.count}</td>${withNames ? html`<td>${(d.names ?? []).join(', ')}</td>` : ''}</tr>`)}</tbody></table>`}`;
    return this.page.send(reply, req, lang, organiser, { title: t.title, body });
  }
}

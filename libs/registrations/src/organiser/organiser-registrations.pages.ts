import { Body, Controller, Get, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, AuthService, CurrentOrganiser, OrganiserGuard } from '@dialogdag/auth';
import { Conference, ConferencesService } from '@dialogdag/conferences';
import { DomainError, formatClock, formatMoney, Language, SECTOR_LABELS, SECTORS } from '@dialogdag/shared';
import {
  errorSummary,
  FieldErrors,
  html,
  Lang,
  redirectTo,
  renderPage,
  SafeHtml,
  selectField,
  sendPage,
  textField,
  Texts,
  validateForm,
  withQuery,
} from '@dialogdag/web';
import { RegisterDto } from '../registration.dto';
import { Registration } from '../registration.entity';
import { parseFilter, REGISTRATION_STATUSES } from './organiser-registrations.controller';
import { refusalText, WALK_IN_FIELD_ERRORS } from './organiser-messages';
import { NotCheckable, OrganiserRegistrationsService } from './organiser-registrations.service';
import { AnnotationTable } from '../extensions/annotation-table';
import { RegistrationExtensions } from '../extensions/registration-extensions';

type PageTexts = Record<string, string>;

const T: Texts<PageTexts> = {
  sv: {
    registrations: 'Anmälningar', name: 'Namn', email: 'E-post', organisation: 'Organisation', sector: 'Sektor', status: 'Status',
    checkedIn: 'Incheckad', search: 'Sök namn eller organisation', filter: 'Visa', all: 'Alla', none: 'Inga anmälningar matchar.',
    csv: 'Ladda ner som CSV (Excel)', print: 'Utskriftsvy', diets: 'Specialkost', badges: 'Namnbrickor (PDF)', fees: 'Avgifter',
    checkInPage: 'Incheckning', confirmed: 'bekräftad', waitlisted: 'väntelista', cancelled: 'avbokad', transferred: 'överlåten',
    count: '{n} av {m} incheckade', checkIn: 'Checka in', undo: 'Ångra', searchButton: 'Sök', walkIn: 'Lägg till på plats (walk-in)',
    addWalkIn: 'Registrera och checka in', problem: 'Rätta följande', yes: 'ja', total: 'Totalt', shown: '{n} visas',
    reason: 'Orsak', amount: 'Belopp', waived: 'Efterskänkt', waiverReason: 'Motivering', waive: 'Efterskänk', noFees: 'Inga avgifter att ta ut.',
    late_cancellation: 'sen avbokning', no_show: 'uteblev', perOrganisation: 'Per organisation', count2: 'Antal',
    dietTitle: 'Specialkost till cateringen', seatHolders: 'Deltagare med plats', withDiet: 'Med specialkost', diet: 'Kost',
    showNames: 'Visa namn', hideNames: 'Dölj namn', noDiets: 'Ingen har angett specialkost.', names: 'Namn', back: 'Tillbaka till konferensen',
    overCapacity: 'Alla platser var tagna; personen släpptes in över kapaciteten.',
    checkInOver: 'Checka in över kapaciteten',
  },
  en: {
    registrations: 'Registrations', name: 'Name', email: 'E-mail', organisation: 'Organisation', sector: 'Sector', status: 'Status',
    checkedIn: 'Checked in', search: 'Search name or organisation', filter: 'Show', all: 'All', none: 'No registrations match.',
    csv: 'Download as CSV (Excel)', print: 'Print view', diets: 'Special diets', badges: 'Name badges (PDF)', fees: 'Fees',
    checkInPage: 'Check-in', confirmed: 'confirmed', waitlisted: 'waiting list', cancelled: 'cancelled', transferred: 'transferred',
    count: '{n} of {m} checked in', checkIn: 'Check in', undo: 'Undo', searchButton: 'Search', walkIn: 'Add at the door (walk-in)',
    addWalkIn: 'Register and check in', problem: 'Please correct the following', yes: 'yes', total: 'Total', shown: '{n} shown',
    reason: 'Reason', amount: 'Amount', waived: 'Waived', waiverReason: 'Waiver reason', waive: 'Waive', noFees: 'No fees to charge.',
    late_cancellation: 'late cancellation', no_show: 'no-show', perOrganisation: 'Per organisation', count2: 'Count',
    dietTitle: 'Special diets for the caterer', seatHolders: 'Participants with a seat', withDiet: 'With a special diet', diet: 'Diet',
    showNames: 'Show names', hideNames: 'Hide names', noDiets: 'Nobody has stated a special diet.', names: 'Names', back: 'Back to the conference',
    overCapacity: 'Every seat was taken; the person was admitted over capacity.',
    checkInOver: 'Check in over capacity',
  },
};

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
const text = (value: unknown) => (typeof value === 'string' ? value : '');

@ApiExcludeController()
@UseGuards(OrganiserGuard)
@Controller('admin/conferences/:id')
export class OrganiserRegistrationPages {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly organiserRegistrations: OrganiserRegistrationsService,
    private readonly auth: AuthService,
    private readonly extensions: RegistrationExtensions,
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
    const t = T[lang];
    const c = await this.conferences.get(organiser.id, id);
    const filter = parseFilter({ status: query.status, sector: query.sector, q: query.q });
    const items = await this.organiserRegistrations.search(organiser.id, id, filter);
    const annotations = await AnnotationTable.load(this.extensions, id, items.map((r) => r.id), lang);
    const print = query.print === '1' || query.print === 'true';
    const base = `/admin/conferences/${c.id}`;
    const table = items.length === 0
      ? html`<p>${t.none}</p>`
      : html`<table><caption class="visually-hidden">${t.registrations}</caption>
<thead><tr><th scope="col">${t.name}</th><th scope="col">${t.organisation}</th><th scope="col">${t.sector}</th><th scope="col">${t.status}</th><th scope="col">${t.checkedIn}</th>${annotations.columns.map((a) => html`<th scope="col">${a.label}</th>`)}</tr></thead>
<tbody>${items.map((r) => html`<tr><td>${r.name}</td><td>${r.organisation}</td><td>${SECTOR_LABELS[r.sector][lang]}</td><td>${t[r.status]}</td><td>${r.checkedInAt ? formatClock(r.checkedInAt) : ''}</td>${annotations.row(r.id).map((v) => html`<td>${v}</td>`)}</tr>`)}</tbody></table>`;
    if (print) {
      return this.send(reply, req, lang, organiser, `${t.registrations} – ${c.title}`, html`<h1>${c.title}: ${t.registrations}</h1>
<p>${fill(t.shown, { n: items.length })}</p>${table}`, 200, true);
    }
    const filters = { status: filter.status, sector: filter.sector, q: filter.q };
    return this.send(reply, req, lang, organiser, t.registrations, html`${this.backLink(c, t)}
<h1>${t.registrations}</h1>
<div class="actions">
  <a class="button" href="${base}/check-in">${t.checkInPage}</a>
  <a class="button secondary" href="${withQuery(`/api/conferences/${c.id}/registrations.csv`, filters)}">${t.csv}</a>
  <a class="button secondary" href="${withQuery(`${base}/registrations`, { ...filters, print: '1' })}">${t.print}</a>
  <a class="button secondary" href="${base}/diets">${t.diets}</a>
  <a class="button secondary" href="/api/conferences/${c.id}/badges.pdf">${t.badges}</a>
  <a class="button secondary" href="${base}/fees">${t.fees}</a>
</div>
<form method="get" action="${base}/registrations" role="search">
  ${textField({ name: 'q', label: t.search, type: 'search', value: filter.q })}
  ${selectField({ name: 'status', label: t.status, value: filter.status, options: REGISTRATION_STATUSES.map((s) => ({ value: s, label: t[s] })) })}
  ${selectField({ name: 'sector', label: t.sector, value: filter.sector, options: SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s][lang] })) })}
  <button type="submit">${t.filter}</button>
</form>
<p>${fill(t.shown, { n: items.length })}</p>
${table}`);
  }

  // --- Check-in at the door: one tap per person, works on a phone without JavaScript ---

  @Get('check-in')
  async checkInPage(
    @Lang() lang: Language,
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Query('q') q: unknown,
    @Query('walkIn') walkIn: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const notice = walkIn === 'over' ? T[lang].overCapacity : undefined;
    return this.sendCheckIn(reply, req, lang, organiser, id, text(q), {}, {}, 200, notice);
  }

  @Post('check-in/:rid')
  async checkIn(
    @Lang() lang: Language,
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Param('rid') rid: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const overCapacity = body?.overCapacity === '1';
    return this.doorAction(reply, req, lang, organiser, id, text(body?.q), () => this.organiserRegistrations.checkIn(organiser.id, id, rid, { overCapacity }));
  }

  @Post('check-in/:rid/undo')
  async undoCheckIn(
    @Lang() lang: Language,
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Param('rid') rid: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.doorAction(reply, req, lang, organiser, id, text(body?.q), () => this.organiserRegistrations.undoCheckIn(organiser.id, id, rid));
  }

  @Post('walk-ins')
  async walkIn(
    @Lang() lang: Language,
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.conferences.assertManages(organiser.id, id);
    const values = Object.fromEntries(['name', 'email', 'organisation', 'sector'].map((k) => [k, text(body?.[k])]));
    const { dto, errors } = await validateForm(RegisterDto, values);
    const fieldErrors: FieldErrors = Object.fromEntries(Object.keys(errors).map((field) => [field, WALK_IN_FIELD_ERRORS[lang][field] ?? errors[field]]));
    if (Object.keys(fieldErrors).length > 0) return this.sendCheckIn(reply, req, lang, organiser, id, '', values, fieldErrors, 422);
    try {
      const { registration, overCapacity } = await this.organiserRegistrations.walkIn(organiser.id, id, dto, lang);
      return redirectTo(reply, withQuery(`/admin/conferences/${id}/check-in`, { q: registration.name, walkIn: overCapacity ? 'over' : undefined }));
    } catch (error) {
      if (!(error instanceof DomainError) || error.category === 'not_found') throw error;
      return this.sendCheckIn(reply, req, lang, organiser, id, '', values, { [error.field ?? 'name']: refusalText(error, lang) }, error.category === 'invalid' ? 422 : 409);
    }
  }

  // --- Fees ---

  @Get('fees')
  async feesPage(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.sendFees(reply, req, lang, organiser, id, {});
  }

  @Post('fees/:rid/waive')
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
      return this.sendFees(reply, req, lang, organiser, id, { [`reason-${rid}`]: refusalText(error, lang) }, error.category === 'invalid' ? 422 : 409);
    }
  }

  // --- Diets ---

  @Get('diets')
  async dietsPage(
    @Lang() lang: Language,
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Query('names') names: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = T[lang];
    const c = await this.conferences.get(organiser.id, id);
    const withNames = names === '1' || names === 'true';
    const summary = await this.organiserRegistrations.diets(organiser.id, id, withNames);
    return this.send(reply, req, lang, organiser, t.dietTitle, html`${this.backLink(c, t)}
<h1>${t.dietTitle}</h1>
<dl class="facts"><dt>${t.seatHolders}</dt><dd>${summary.total}</dd><dt>${t.withDiet}</dt><dd>${summary.withDiet}</dd></dl>
<div class="actions"><a href="/admin/conferences/${c.id}/diets${withNames ? '' : '?names=1'}">${withNames ? t.hideNames : t.showNames}</a></div>
${summary.counts.length === 0
  ? html`<p>${t.noDiets}</p>`
  : html`<table><thead><tr><th scope="col">${t.diet}</th><th scope="col">${t.count2}</th>${withNames ? html`<th scope="col">${t.names}</th>` : ''}</tr></thead>
<tbody>${summary.counts.map((d) => html`<tr><td>${d.diet}</td><td>${d.count}</td>${withNames ? html`<td>${(d.names ?? []).join(', ')}</td>` : ''}</tr>`)}</tbody></table>`}`);
  }

  // --- Rendering ---

  private async doorAction(
    reply: FastifyReply,
    req: FastifyRequest,
    lang: Language,
    organiser: AuthenticatedOrganiser,
    id: string,
    q: string,
    action: () => Promise<Registration>,
  ) {
    try {
      await action();
    } catch (error) {
      if (!(error instanceof DomainError) || error.category !== 'conflict') throw error;
      const status = error instanceof NotCheckable ? error.status : undefined;
      return this.sendCheckIn(reply, req, lang, organiser, id, q, {}, {}, 409, refusalText({ code: error.code, message: error.message, status }, lang));
    }
    return redirectTo(reply, withQuery(`/admin/conferences/${id}/check-in`, { q }));
  }

  private async sendCheckIn(
    reply: FastifyReply,
    req: FastifyRequest,
    lang: Language,
    organiser: AuthenticatedOrganiser,
    id: string,
    q: string,
    walkIn: Record<string, string>,
    errors: FieldErrors,
    status = 200,
    notice?: string,
  ) {
    const t = T[lang];
    const c = await this.conferences.get(organiser.id, id);
    const query = q.trim().slice(0, 200);
    const csrf = await this.auth.csrfTokenFor(organiser);
    const { checkedIn, seatHolders } = await this.organiserRegistrations.checkInCounts(organiser.id, id);
    const found = (await this.organiserRegistrations.search(organiser.id, id, { q: query || undefined })).filter(
      (r) => r.status === 'confirmed' || r.status === 'waitlisted',
    );
    const base = `/admin/conferences/${c.id}`;
    // Every seat taken: letting a waitlisted person in is the organiser's explicit decision, said on the button.
    const full = seatHolders >= c.capacity;
    const row = (r: Registration) => html`<tr>
  <td><strong>${r.name}</strong><br><span class="hint">${r.organisation}</span>${r.status === 'waitlisted' ? html` <span class="status">${t.waitlisted}</span>` : ''}</td>
  <td>${r.checkedInAt
    ? html`<span class="status">${t.checkedIn} ${formatClock(r.checkedInAt)}</span>
    <form method="post" action="${base}/check-in/${r.id}/undo" class="inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="q" value="${query}">
    <button type="submit" class="secondary">${t.undo}<span class="visually-hidden"> ${r.name}</span></button></form>`
    : r.status === 'waitlisted' && full
      ? html`<form method="post" action="${base}/check-in/${r.id}" class="inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="q" value="${query}"><input type="hidden" name="overCapacity" value="1">
    <button type="submit" class="secondary">${t.checkInOver}<span class="visually-hidden"> ${r.name}</span></button></form>`
      : html`<form method="post" action="${base}/check-in/${r.id}" class="inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="q" value="${query}">
    <button type="submit">${t.checkIn}<span class="visually-hidden"> ${r.name}</span></button></form>`}</td>
</tr>`;
    const sectorOptions = SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s][lang] }));
    return this.send(reply, req, lang, organiser, t.checkInPage, html`${this.backLink(c, t)}
<h1>${t.checkInPage}: ${c.title}</h1>
<p id="check-in-count" class="lead">${fill(t.count, { n: checkedIn, m: seatHolders })}</p>
${notice ? html`<div class="notice warn" role="alert">${notice}</div>` : ''}
<form method="get" action="${base}/check-in" role="search">
  ${textField({ name: 'q', label: t.search, type: 'search', value: query, autocomplete: 'off' })}
  <button type="submit">${t.searchButton}</button>
</form>
${found.length === 0 ? html`<p>${t.none}</p>` : html`<table class="check-in"><caption class="visually-hidden">${t.registrations}</caption>
<thead><tr><th scope="col">${t.name}</th><th scope="col">${t.checkedIn}</th></tr></thead><tbody>${found.map(row)}</tbody></table>`}
<h2 id="walk-in">${t.walkIn}</h2>
${errorSummary(t.problem, errors)}
<form method="post" action="${base}/walk-ins" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  ${textField({ name: 'name', label: t.name, value: walkIn.name, error: errors.name, required: true, autocomplete: 'off' })}
  ${textField({ name: 'email', label: t.email, type: 'email', value: walkIn.email, error: errors.email, required: true, autocomplete: 'off' })}
  ${textField({ name: 'organisation', label: t.organisation, value: walkIn.organisation, error: errors.organisation, required: true })}
  ${selectField({ name: 'sector', label: t.sector, value: walkIn.sector, error: errors.sector, required: true, options: sectorOptions })}
  <button type="submit">${t.addWalkIn}</button>
</form>`, status);
  }

  private async sendFees(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, id: string, errors: FieldErrors, status = 200) {
    const t = T[lang];
    const c = await this.conferences.get(organiser.id, id);
    const csrf = await this.auth.csrfTokenFor(organiser);
    const report = await this.organiserRegistrations.fees(organiser.id, id);
    const money = (ore: number) => formatMoney(ore, lang);
    return this.send(reply, req, lang, organiser, t.fees, html`${this.backLink(c, t)}
<h1>${t.fees}</h1>
${errorSummary(t.problem, errors)}
<div class="actions"><a class="button secondary" href="/api/conferences/${c.id}/fees?format=csv">${t.csv}</a></div>
${report.items.length === 0 ? html`<p>${t.noFees}</p>` : html`<table><thead><tr><th scope="col">${t.name}</th><th scope="col">${t.organisation}</th><th scope="col">${t.reason}</th><th scope="col">${t.amount}</th><th scope="col">${t.waived}</th></tr></thead>
<tbody>${report.items.map((i) => {
      const field = `reason-${i.registrationId}`;
      return html`<tr><td>${i.name}<br><span class="hint">${i.email}</span></td><td>${i.organisation}</td><td>${t[i.reason]}</td><td>${money(i.amount)}</td>
<td>${i.waived ? html`${t.yes}: ${i.waiverReason}` : html`<form method="post" action="/admin/conferences/${c.id}/fees/${i.registrationId}/waive" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  <div class="field${errors[field] ? ' has-error' : ''}"><label for="${field}">${t.waiverReason}<span class="visually-hidden"> (${i.name})</span></label>
  ${errors[field] ? html`<p class="field-error" id="${field}-error">${errors[field]}</p>` : ''}
  <input id="${field}" name="reason" type="text" maxlength="500"${errors[field] ? html` aria-invalid="true" aria-describedby="${field}-error"` : ''}></div>
  <button type="submit" class="secondary">${t.waive}<span class="visually-hidden"> ${i.name}</span></button></form>`}</td></tr>`;
    })}</tbody></table>`}
<h2>${t.perOrganisation}</h2>
<table><thead><tr><th scope="col">${t.organisation}</th><th scope="col">${t.count2}</th><th scope="col">${t.amount}</th></tr></thead>
<tbody>${report.byOrganisation.map((o) => html`<tr><td>${o.organisation}</td><td>${o.count}</td><td>${money(o.amount)}</td></tr>`)}</tbody>
<tfoot><tr><th scope="row">${t.total}</th><td>${report.byOrganisation.reduce((n, o) => n + o.count, 0)}</td><td id="fees-total">${money(report.totalAmount)}</td></tr></tfoot></table>`, status);
  }

  private backLink(c: Conference, t: PageTexts): SafeHtml {
    return html`<p><a href="/admin/conferences/${c.id}">${t.back}: ${c.title}</a></p>`;
  }

  private async send(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, title: string, body: SafeHtml, status = 200, print = false) {
    const csrfToken = await this.auth.csrfTokenFor(organiser);
    return sendPage(reply, renderPage({ lang, title, body, path: req.url, print, backOffice: { organiserName: organiser.name, csrfToken } }), status);
  }
}


import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AccessDeclarations, AuthenticatedOrganiser, AuthService, ConferenceRole, CurrentOrganiser, CurrentRole, Requires, SignedIn,
} from '@dialogdag/auth';
import { OutboxService } from '@dialogdag/mail';
import { formatDateTime, formatLongDate, formatMoney, Language } from '@dialogdag/shared';
import {
  checkboxField,
  errorSummary,
  FieldErrors,
  html,
  INVALID_FORM_STATUS,
  Lang,
  redirectTo,
  refusalForForm,
  renderPage,
  SafeHtml,
  sendPage,
  textField,
  validateForm,
} from '@dialogdag/web';
import { CreateConferenceDto, UpdateConferenceDto } from './conference.dto';
import { Conference } from './conference.entity';
import { conferenceFormErrors, conferenceFormToDto, conferenceFormValues, ConferenceFormValues, NEW_CONFERENCE_VALUES } from './conference.form';
import { CONFERENCE_TEXTS, ConferenceFormField } from './conference.texts';
import { ConferencesService } from './conferences.service';
import { ConferenceAdminExtensions } from './conference-admin.extensions';
import { MembersService } from './members/members.service';
import { outboxKindsHiddenFrom } from './members/invitations.service';
import { MEMBERS_TEXTS } from './members/members.texts';

/** A submitted form (not named Body: the decorator's name would become the parameter's runtime type). */
type FormBody = Record<string, string | undefined>;

@ApiExcludeController()
@Controller('admin')
export class ConferencePages {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly auth: AuthService,
    private readonly outbox: OutboxService,
    private readonly extensions: ConferenceAdminExtensions,
    private readonly members: MembersService,
    private readonly access: AccessDeclarations,
  ) {}

  @Get()
  @SignedIn()
  async list(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const t = CONFERENCE_TEXTS[lang];
    const roles = MEMBERS_TEXTS[lang].role;
    const items = await this.members.memberships(organiser.id);
    return this.send(reply, req, lang, organiser, t.page.conferences, html`<h1>${t.page.conferences}</h1>
<p><a class="button" href="/admin/conferences/new">${t.page.create}</a></p>
${items.length === 0 ? html`<p>${t.page.none}</p>` : html`<table><thead><tr><th>${t.label.title}</th><th>${t.label.startsAt}</th><th>${t.page.status}</th><th>${t.page.seats}</th><th>${t.page.yourRole}</th></tr></thead><tbody>
${items.map(({ conference: c, role }) => html`<tr><td><a href="/admin/conferences/${c.id}">${c.title}</a></td><td>${formatLongDate(c.startsAt, lang)}</td><td>${t.conferenceStatus[c.status]}</td><td>${c.seatsHeld} / ${c.capacity}</td><td>${roles[role]}</td></tr>`)}
</tbody></table>`}`);
  }

  @Get('conferences/new')
  @SignedIn()
  async newForm(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.sendForm(reply, req, lang, organiser, null, NEW_CONFERENCE_VALUES, {});
  }

  @Post('conferences')
  @SignedIn()
  async create(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Body() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { input, errors: amountErrors } = conferenceFormToDto(body, lang);
    const { dto, errors } = await validateForm(CreateConferenceDto, input);
    const all = { ...conferenceFormErrors(errors, lang), ...amountErrors };
    if (Object.keys(all).length) return this.sendForm(reply, req, lang, organiser, null, body, all, INVALID_FORM_STATUS);
    try {
      const conference = await this.conferences.create(organiser.id, dto);
      return redirectTo(reply, `/admin/conferences/${conference.id}`);
    } catch (error) {
      const refusal = refusalForForm(error, lang, 'title');
      return this.sendForm(reply, req, lang, organiser, null, body, refusal.errors, refusal.status);
    }
  }

  /** Shows only what the organiser's role lets them open: check-in staff see the check-in, viewers the figures. */
  @Get('conferences/:id')
  @Requires('conference.view')
  async overview(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @CurrentRole() role: ConferenceRole, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const t = CONFERENCE_TEXTS[lang];
    const c = await this.conferences.get(organiser.id, id);
    const csrf = await this.auth.csrfTokenFor(organiser);
    const panels = await this.extensions.panels({ organiserId: organiser.id, role, conference: c, lang });
    const base = `/admin/conferences/${c.id}`;
    const links = [
      { path: `${base}/edit`, label: t.page.edit },
      { path: `${base}/check-in`, label: t.page.checkIn },
      { path: `${base}/registrations`, label: t.page.registrations },
      { path: `${base}/outbox`, label: t.page.outbox },
      { path: `${base}/programme`, label: t.page.programme },
      { path: `${base}/speakers`, label: t.page.speakers },
      ...this.extensions.links.map((link) => ({ path: link.path(c.id), label: link.label[lang] })),
      { path: `${base}/members`, label: t.page.members },
    ].filter((link) => this.access.roleMay(role, 'GET', link.path));
    const mayPublish = this.access.roleMay(role, 'POST', `${base}/publish`);
    return this.send(reply, req, lang, organiser, c.title, html`<h1>${c.title}</h1>
<dl class="facts">
  <dt>${t.page.status}</dt><dd><span class="status">${t.conferenceStatus[c.status]}</span></dd>
  <dt>${t.label.startsAt}</dt><dd>${formatDateTime(c.startsAt, lang)} – ${formatDateTime(c.endsAt, lang)}</dd>
  <dt>${t.label['venue.name']}</dt><dd>${[c.venueName, c.venueAddress, c.venueCity].filter(Boolean).join(', ')}</dd>
  <dt>${t.page.seats}</dt><dd>${c.seatsHeld} / ${c.capacity}</dd>
  <dt>${t.label.registrationDeadline}</dt><dd>${formatDateTime(c.registrationDeadline, lang)}</dd>
  <dt>${t.label.cancellationDeadline}</dt><dd>${formatDateTime(c.cancellationDeadline, lang)}</dd>
  <dt>${t.page.fee}</dt><dd>${formatMoney(c.cancellationFee, lang)}</dd>
</dl>
<p>${t.page.yourRole}: ${MEMBERS_TEXTS[lang].role[role]}</p>
<div class="actions">
  ${links.map((link) => html`<a class="button secondary" href="${link.path}">${link.label}</a>`)}
  ${c.status === 'published'
    ? html`<a href="/c/${c.slug}">${t.page.publicPage}</a>`
    : mayPublish ? html`<form method="post" action="/admin/conferences/${c.id}/publish" class="inline"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit">${t.page.publish}</button></form>` : ''}
</div>
${panels}`);
  }

  @Get('conferences/:id/edit')
  @Requires('conference.edit')
  async editForm(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const c = await this.conferences.get(organiser.id, id);
    return this.sendForm(reply, req, lang, organiser, c, conferenceFormValues(c, lang), {});
  }

  @Post('conferences/:id/edit')
  @Requires('conference.edit')
  async update(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const c = await this.conferences.get(organiser.id, id);
    const { input, errors: amountErrors } = conferenceFormToDto(body, lang);
    const { dto, errors } = await validateForm(UpdateConferenceDto, input);
    const all = { ...conferenceFormErrors(errors, lang), ...amountErrors };
    if (Object.keys(all).length) return this.sendForm(reply, req, lang, organiser, c, body, all, INVALID_FORM_STATUS);
    try {
      await this.conferences.update(organiser.id, id, dto);
      return redirectTo(reply, `/admin/conferences/${id}`);
    } catch (error) {
      const refusal = refusalForForm(error, lang, 'title');
      return this.sendForm(reply, req, lang, organiser, c, body, refusal.errors, refusal.status);
    }
  }

  @Post('conferences/:id/publish')
  @Requires('conference.edit')
  async publish(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Res() reply: FastifyReply) {
    await this.conferences.publish(organiser.id, id);
    return redirectTo(reply, `/admin/conferences/${id}`);
  }

  /** The e-mails carry personal links, which act for the participant: as much as managing participants. */
  @Get('conferences/:id/outbox')
  @Requires('participants.manage')
  async outboxPage(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @CurrentRole() role: ConferenceRole, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const t = CONFERENCE_TEXTS[lang];
    const c = await this.conferences.get(organiser.id, id);
    const { items } = await this.outbox.listForConference(id, { limit: 200, exceptKinds: outboxKindsHiddenFrom(role) });
    return this.send(reply, req, lang, organiser, t.page.outbox, html`<p><a href="/admin/conferences/${c.id}">${c.title}</a></p>
<h1>${t.page.outbox}</h1>
${items.length === 0 ? html`<p>${t.page.outboxNone}</p>` : items.map((m) => html`<details class="mail">
  <summary>${m.subject} → ${m.recipient} <span class="status">${t.mailStatus[m.status]}</span></summary>
  <pre>${m.textBody}</pre>
</details>`)}`);
  }

  private async send(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, title: string, body: SafeHtml, status = 200) {
    const csrfToken = await this.auth.csrfTokenFor(organiser);
    return sendPage(reply, renderPage({ lang, title, body, path: req.url, backOffice: { organiserName: organiser.name, csrfToken } }), status);
  }

  private async sendForm(
    reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, existing: Conference | null,
    values: ConferenceFormValues, errors: FieldErrors, status = 200,
  ) {
    const t = CONFERENCE_TEXTS[lang];
    const csrf = await this.auth.csrfTokenFor(organiser);
    const f = (name: ConferenceFormField, type = 'text', required = false, hint?: string) =>
      textField({ name, label: t.label[name], type, value: values[name], error: errors[name], required, hint });
    // Amounts are text: browsers' number fields refuse the Swedish decimal comma.
    const kr = (name: ConferenceFormField, required = false) =>
      textField({ name, label: t.label[name], value: values[name], error: errors[name], required, hint: t.page.kronorHint, attributes: html` inputmode="decimal"` });
    const tick = (name: ConferenceFormField) =>
      checkboxField({ name, label: t.label[name], checked: values[name] === 'true' || values[name] === 'on', error: errors[name] });
    const title = existing ? t.page.editTitle : t.page.newTitle;
    const body = html`<h1>${title}</h1>
${errorSummary(t.page.problem, errors)}
<form method="post" action="${existing ? `/admin/conferences/${existing.id}/edit` : '/admin/conferences'}" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  <fieldset><legend>${t.page.basics}</legend>
    ${f('title', 'text', true)}
    ${f('slug', 'text', true, t.page.slugHint)}
    ${f('description', 'textarea')}
    ${f('targetAudience')}
    ${f('arrangers')}
    ${f('costNote', 'text', false, t.page.costHint)}
    ${f('contactEmail', 'email')}
  </fieldset>
  <fieldset><legend>${t.page.when}</legend>
    ${f('startsAt', 'datetime-local', true)}
    ${f('endsAt', 'datetime-local', true)}
    ${f('venue.name', 'text', true)}
    ${f('venue.address')}
    ${f('venue.city')}
  </fieldset>
  <fieldset><legend>${t.page.rules}</legend>
    ${f('capacity', 'number', true)}
    ${f('registrationOpensAt', 'datetime-local')}
    ${f('registrationDeadline', 'datetime-local', true)}
    ${f('modificationDeadline', 'datetime-local')}
    ${f('cancellationDeadline', 'datetime-local', true)}
    ${kr('cancellationFeeKr', true)}
  </fieldset>
  <fieldset><legend>${t.page.travel}</legend>
    <p class="hint">${t.page.travelHint}</p>
    ${f('travelPolicy.minRoundTripKm', 'number')}
    ${f('travelPolicy.requestDeadline', 'datetime-local')}
    ${kr('ratePerKmKr')}
    ${kr('budgetKr')}
    ${tick('travelPolicy.publicTransportAtCost')}
    ${tick('travelPolicy.lostEarningsAllowed')}
    ${kr('lostEarningsCapKr')}
    ${kr('fixedFeeKr')}
  </fieldset>
  <fieldset><legend>${t.page.privacy}</legend>
    ${f('privacyNotice', 'textarea', false, t.page.privacyHint)}
  </fieldset>
  <button type="submit">${t.page.save}</button>
</form>`;
    return sendPage(reply, renderPage({ lang, title, body, path: req.url, backOffice: { organiserName: organiser.name, csrfToken: csrf } }), status);
  }
}

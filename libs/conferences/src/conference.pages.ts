import { Body, Controller, Get, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, AuthService, CurrentOrganiser, OrganiserGuard } from '@dialogdag/auth';
import { OutboxService } from '@dialogdag/mail';
import {
  DomainError,
  formatDateTime,
  formatLongDate,
  formatMoney,
  Language,
  stockholmDateTimeInput,
  ValidationFailed,
} from '@dialogdag/shared';
import {
  errorSummary,
  FieldErrors,
  html,
  Lang,
  redirectTo,
  renderPage,
  SafeHtml,
  sendPage,
  textField,
  Texts,
  validateForm,
} from '@dialogdag/web';
import { CreateConferenceDto, UpdateConferenceDto } from './conference.dto';
import { Conference } from './conference.entity';
import { ConferencesService } from './conferences.service';

const T: Texts<Record<string, string>> = {
  sv: {
    conferences: 'Dina konferenser', none: 'Du har inga konferenser ännu.', create: 'Skapa konferens', edit: 'Ändra uppgifter',
    newTitle: 'Ny konferens', editTitle: 'Ändra konferens', save: 'Spara', problem: 'Rätta följande',
    title: 'Titel', slug: 'Webbadress (slug)', slugHint: 'Små bokstäver, siffror och bindestreck, t.ex. goteborg-2026',
    description: 'Beskrivning', targetAudience: 'Målgrupp', arrangers: 'Medarrangörer', costNote: 'Kostnad', costHint: 'Lämna tomt för "Konferensen är kostnadsfri. Lunch och fika ingår."',
    contactEmail: 'Kontaktadress (e-post)', startsAt: 'Börjar', endsAt: 'Slutar', venueName: 'Lokal', venueAddress: 'Adress', venueCity: 'Ort',
    capacity: 'Antal platser', registrationOpensAt: 'Anmälan öppnar (valfritt)', registrationDeadline: 'Sista anmälningsdag',
    modificationDeadline: 'Sista dag för ändringar (valfritt)', cancellationDeadline: 'Sista dag för kostnadsfri avbokning',
    cancellationFeeKr: 'Avgift vid sen avbokning eller utebliven närvaro (kr)',
    travel: 'Reseersättning för ideellt aktiva (valfritt)', minRoundTripKm: 'Kortaste resa tur och retur (km)', requestDeadline: 'Sista dag för ansökan',
    ratePerKmKr: 'Ersättning per km (kr)', budgetKr: 'Budget (kr)',
    basics: 'Om konferensen', when: 'Tid och plats', rules: 'Anmälan',
    status: 'Status', draft: 'Utkast', published: 'Publicerad', publish: 'Publicera och öppna anmälan', publicPage: 'Publik sida',
    seats: 'Platser', outbox: 'Utkorg (e-post)', outboxNone: 'Inga e-brev ännu.', pending: 'väntar', sent: 'skickat', failed: 'misslyckades',
    registrations: 'Anmälningar', fee: 'Avgift', deadline: 'Sista anmälningsdag', programme: 'Program', speakers: 'Talare', workshops: 'Workshoppar',
  },
  en: {
    conferences: 'Your conferences', none: 'You have no conferences yet.', create: 'Create conference', edit: 'Edit details',
    newTitle: 'New conference', editTitle: 'Edit conference', save: 'Save', problem: 'Please correct the following',
    title: 'Title', slug: 'Web address (slug)', slugHint: 'Lower-case letters, digits and dashes, e.g. goteborg-2026',
    description: 'Description', targetAudience: 'Target audience', arrangers: 'Co-arrangers', costNote: 'Cost', costHint: 'Leave empty for "Free of charge. Lunch and coffee included."',
    contactEmail: 'Contact e-mail', startsAt: 'Starts', endsAt: 'Ends', venueName: 'Venue', venueAddress: 'Address', venueCity: 'Town',
    capacity: 'Seats', registrationOpensAt: 'Registration opens (optional)', registrationDeadline: 'Registration deadline',
    modificationDeadline: 'Changes allowed until (optional)', cancellationDeadline: 'Free cancellation until',
    cancellationFeeKr: 'Fee for late cancellation or no-show (SEK)',
    travel: 'Travel reimbursement for volunteers (optional)', minRoundTripKm: 'Shortest round trip (km)', requestDeadline: 'Request deadline',
    ratePerKmKr: 'Rate per km (SEK)', budgetKr: 'Budget (SEK)',
    basics: 'About the conference', when: 'Time and place', rules: 'Registration',
    status: 'Status', draft: 'Draft', published: 'Published', publish: 'Publish and open registration', publicPage: 'Public page',
    seats: 'Seats', outbox: 'Outbox (e-mail)', outboxNone: 'No e-mails yet.', pending: 'pending', sent: 'sent', failed: 'failed',
    registrations: 'Registrations', fee: 'Fee', deadline: 'Registration deadline', programme: 'Programme', speakers: 'Speakers', workshops: 'Workshops',
  },
};

type FormValues = Record<string, string | undefined>;

const LABEL_KEYS: Record<string, string> = {
  'venue.name': 'venueName',
  'venue.address': 'venueAddress',
  'venue.city': 'venueCity',
  'travelPolicy.minRoundTripKm': 'minRoundTripKm',
  'travelPolicy.requestDeadline': 'requestDeadline',
};

const kr = (ore: number | null | undefined) => (ore === null || ore === undefined ? '' : String(ore / 100));
const toOre = (text: string | undefined) => (text === undefined || text.trim() === '' ? undefined : Math.round(Number(text.replace(',', '.')) * 100));

function valuesOf(c: Conference): FormValues {
  return {
    title: c.title, slug: c.slug, description: c.description, targetAudience: c.targetAudience, arrangers: c.arrangers,
    costNote: c.costNote ?? '', contactEmail: c.contactEmail ?? '',
    startsAt: stockholmDateTimeInput(c.startsAt), endsAt: stockholmDateTimeInput(c.endsAt),
    'venue.name': c.venueName, 'venue.address': c.venueAddress, 'venue.city': c.venueCity, capacity: String(c.capacity),
    registrationOpensAt: c.registrationOpensAt ? stockholmDateTimeInput(c.registrationOpensAt) : '',
    registrationDeadline: stockholmDateTimeInput(c.registrationDeadline),
    modificationDeadline: c.modificationDeadline ? stockholmDateTimeInput(c.modificationDeadline) : '',
    cancellationDeadline: stockholmDateTimeInput(c.cancellationDeadline), cancellationFeeKr: kr(c.cancellationFee),
    'travelPolicy.minRoundTripKm': c.travelMinRoundTripKm?.toString() ?? '',
    'travelPolicy.requestDeadline': c.travelRequestDeadline ? stockholmDateTimeInput(c.travelRequestDeadline) : '',
    ratePerKmKr: kr(c.travelRatePerKm), budgetKr: kr(c.travelBudget),
  };
}

/** Form fields in kronor become öre; an empty travel section means no travel policy. */
function formToDto(body: FormValues): Record<string, unknown> {
  const { cancellationFeeKr, ratePerKmKr, budgetKr, ...rest } = body;
  const dto: Record<string, unknown> = { ...rest, cancellationFee: toOre(cancellationFeeKr) ?? 0 };
  const travelGiven = [rest['travelPolicy.minRoundTripKm'], rest['travelPolicy.requestDeadline'], ratePerKmKr, budgetKr].some((v) => v && v.trim() !== '');
  if (travelGiven) {
    dto['travelPolicy.ratePerKm'] = toOre(ratePerKmKr);
    dto['travelPolicy.budget'] = toOre(budgetKr);
  } else {
    delete dto['travelPolicy.minRoundTripKm'];
    delete dto['travelPolicy.requestDeadline'];
    dto.travelPolicy = null;
  }
  for (const key of ['description', 'targetAudience', 'arrangers', 'costNote']) if (dto[key] === undefined) dto[key] = '';
  return dto;
}

/** DTO error keys map back onto form field names. */
function formErrors(errors: FieldErrors): FieldErrors {
  const renamed: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    const name = field === 'cancellationFee' ? 'cancellationFeeKr' : field === 'travelPolicy.ratePerKm' ? 'ratePerKmKr' : field === 'travelPolicy.budget' ? 'budgetKr' : field;
    renamed[name] = message;
  }
  return renamed;
}

@ApiExcludeController()
@UseGuards(OrganiserGuard)
@Controller('admin')
export class ConferencePages {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly auth: AuthService,
    private readonly outbox: OutboxService,
  ) {}

  @Get()
  async list(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const t = T[lang];
    const items = await this.conferences.listForOrganiser(organiser.id);
    return this.send(reply, req, lang, organiser, t.conferences, html`<h1>${t.conferences}</h1>
<p><a class="button" href="/admin/conferences/new">${t.create}</a></p>
${items.length === 0 ? html`<p>${t.none}</p>` : html`<table><thead><tr><th>${t.title}</th><th>${t.startsAt}</th><th>${t.status}</th><th>${t.seats}</th></tr></thead><tbody>
${items.map((c) => html`<tr><td><a href="/admin/conferences/${c.id}">${c.title}</a></td><td>${formatLongDate(c.startsAt, lang)}</td><td>${t[c.status]}</td><td>${c.seatsHeld} / ${c.capacity}</td></tr>`)}
</tbody></table>`}`);
  }

  @Get('conferences/new')
  async newForm(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.sendForm(reply, req, lang, organiser, null, { cancellationFeeKr: '400', capacity: '100' }, {});
  }

  @Post('conferences')
  async create(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { dto, errors } = await validateForm(CreateConferenceDto, formToDto(body));
    if (Object.keys(errors).length) return this.sendForm(reply, req, lang, organiser, null, body, formErrors(errors), 422);
    try {
      const conference = await this.conferences.create(organiser.id, dto);
      return redirectTo(reply, `/admin/conferences/${conference.id}`);
    } catch (error) {
      return this.sendForm(reply, req, lang, organiser, null, body, errorsOf(error), 422);
    }
  }

  @Get('conferences/:id')
  async overview(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const t = T[lang];
    const c = await this.conferences.get(organiser.id, id);
    const csrf = await this.auth.csrfTokenFor(organiser);
    return this.send(reply, req, lang, organiser, c.title, html`<h1>${c.title}</h1>
<dl class="facts">
  <dt>${t.status}</dt><dd><span class="status">${t[c.status]}</span></dd>
  <dt>${t.startsAt}</dt><dd>${formatDateTime(c.startsAt, lang)} – ${formatDateTime(c.endsAt, lang)}</dd>
  <dt>${t.venueName}</dt><dd>${[c.venueName, c.venueAddress, c.venueCity].filter(Boolean).join(', ')}</dd>
  <dt>${t.seats}</dt><dd>${c.seatsHeld} / ${c.capacity}</dd>
  <dt>${t.deadline}</dt><dd>${formatDateTime(c.registrationDeadline, lang)}</dd>
  <dt>${t.cancellationDeadline}</dt><dd>${formatDateTime(c.cancellationDeadline, lang)}</dd>
  <dt>${t.fee}</dt><dd>${formatMoney(c.cancellationFee, lang)}</dd>
</dl>
<div class="actions">
  <a class="button secondary" href="/admin/conferences/${c.id}/edit">${t.edit}</a>
  <a class="button secondary" href="/admin/conferences/${c.id}/registrations">${t.registrations}</a>
  <a class="button secondary" href="/admin/conferences/${c.id}/outbox">${t.outbox}</a>
  <a class="button secondary" href="/admin/conferences/${c.id}/programme">${t.programme}</a>
  <a class="button secondary" href="/admin/conferences/${c.id}/speakers">${t.speakers}</a>
  <a class="button secondary" href="/admin/conferences/${c.id}/workshops">${t.workshops}</a>
  ${c.status === 'published'
    ? html`<a href="/c/${c.slug}">${t.publicPage}</a>`
    : html`<form method="post" action="/admin/conferences/${c.id}/publish" class="inline"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit">${t.publish}</button></form>`}
</div>`);
  }

  @Get('conferences/:id/edit')
  async editForm(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const c = await this.conferences.get(organiser.id, id);
    return this.sendForm(reply, req, lang, organiser, c, valuesOf(c), {});
  }

  @Post('conferences/:id/edit')
  async update(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const c = await this.conferences.get(organiser.id, id);
    const { dto, errors } = await validateForm(UpdateConferenceDto, formToDto(body));
    if (Object.keys(errors).length) return this.sendForm(reply, req, lang, organiser, c, body, formErrors(errors), 422);
    try {
      await this.conferences.update(organiser.id, id, dto);
      return redirectTo(reply, `/admin/conferences/${id}`);
    } catch (error) {
      return this.sendForm(reply, req, lang, organiser, c, body, errorsOf(error), 422);
    }
  }

  @Post('conferences/:id/publish')
  async publish(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Res() reply: FastifyReply) {
    await this.conferences.publish(organiser.id, id);
    return redirectTo(reply, `/admin/conferences/${id}`);
  }

  @Get('conferences/:id/outbox')
  async outboxPage(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const t = T[lang];
    const c = await this.conferences.get(organiser.id, id);
    const { items } = await this.outbox.listForConference(id, { limit: 200 });
    return this.send(reply, req, lang, organiser, t.outbox, html`<p><a href="/admin/conferences/${c.id}">${c.title}</a></p>
<h1>${t.outbox}</h1>
${items.length === 0 ? html`<p>${t.outboxNone}</p>` : items.map((m) => html`<details class="mail">
  <summary>${m.subject} → ${m.recipient} <span class="status">${t[m.status]}</span></summary>
  <pre>${m.textBody}</pre>
</details>`)}`);
  }

  private async send(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, title: string, body: SafeHtml, status = 200) {
    const csrfToken = await this.auth.csrfTokenFor(organiser);
    return sendPage(reply, renderPage({ lang, title, body, path: req.url, backOffice: { organiserName: organiser.name, csrfToken } }), status);
  }

  private async sendForm(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, existing: Conference | null, values: FormValues, errors: FieldErrors, status = 200) {
    const t = T[lang];
    const csrf = await this.auth.csrfTokenFor(organiser);
    const f = (name: string, type = 'text', required = false, hint?: string) =>
      textField({ name, label: t[LABEL_KEYS[name] ?? name], type, value: values[name], error: errors[name], required, hint });
    const title = existing ? t.editTitle : t.newTitle;
    const body = html`<h1>${title}</h1>
${errorSummary(t.problem, errors)}
<form method="post" action="${existing ? `/admin/conferences/${existing.id}/edit` : '/admin/conferences'}" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  <fieldset><legend>${t.basics}</legend>
    ${f('title', 'text', true)}
    ${f('slug', 'text', true, t.slugHint)}
    ${f('description', 'textarea')}
    ${f('targetAudience')}
    ${f('arrangers')}
    ${f('costNote', 'text', false, t.costHint)}
    ${f('contactEmail', 'email')}
  </fieldset>
  <fieldset><legend>${t.when}</legend>
    ${f('startsAt', 'datetime-local', true)}
    ${f('endsAt', 'datetime-local', true)}
    ${f('venue.name', 'text', true)}
    ${f('venue.address')}
    ${f('venue.city')}
  </fieldset>
  <fieldset><legend>${t.rules}</legend>
    ${f('capacity', 'number', true)}
    ${f('registrationOpensAt', 'datetime-local')}
    ${f('registrationDeadline', 'datetime-local', true)}
    ${f('modificationDeadline', 'datetime-local')}
    ${f('cancellationDeadline', 'datetime-local', true)}
    ${f('cancellationFeeKr', 'number', true)}
  </fieldset>
  <fieldset><legend>${t.travel}</legend>
    ${f('travelPolicy.minRoundTripKm', 'number')}
    ${f('travelPolicy.requestDeadline', 'datetime-local')}
    ${f('ratePerKmKr', 'text')}
    ${f('budgetKr', 'number')}
  </fieldset>
  <button type="submit">${t.save}</button>
</form>`;
    return sendPage(reply, renderPage({ lang, title, body, path: req.url, backOffice: { organiserName: organiser.name, csrfToken: csrf } }), status);
  }
}

function errorsOf(error: unknown): FieldErrors {
  if (error instanceof ValidationFailed) return Object.fromEntries(error.problems.map((p) => [p.field, p.message]));
  if (error instanceof DomainError) return { [error.field ?? 'title']: error.message };
  throw error;
}

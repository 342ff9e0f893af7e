import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Conference, ConferencesService, ProgrammeService, renderProgramme } from '@dialogdag/conferences';
import {
  Clock,
  DomainError,
  formatClock,
  formatDateTime,
  formatLongDate,
  formatMoney,
  Language,
  SECTOR_LABELS,
  SECTORS,
} from '@dialogdag/shared';
import {
  checkboxField,
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
} from '@dialogdag/web';
import { RegisterDto } from './registration.dto';
import { Registration } from './registration.entity';
import { registrationWindow } from './registration.rules';
import { RegistrationsService } from './registrations.service';

interface PublicTexts {
  upcoming: string; noneUpcoming: string; when: string; where: string; cost: string; defaultCost: string; deadline: string;
  audience: string; arrangers: string; register: string; submit: string; problem: string; closed: string; notOpen: string;
  full: string; binding: (deadline: string, fee: string) => string; required: string;
  name: string; email: string; phone: string; organisation: string; organisationHint: string; sector: string; isPolitician: string; politicalParty: string;
  isVolunteer: string; isVolunteerHint: string; diet: string; dietHint: string; dietConsent: string; fieldErrors: Record<string, string>;
  yourRegistration: string; thanks: string; confirmed: string; waitlisted: (n: number) => string; cancelled: string; status: string;
  keepLink: string; programme: string;
}

const T: Texts<PublicTexts> = {
  sv: {
    upcoming: 'Kommande konferenser', noneUpcoming: 'Inga konferenser är öppna just nu.', when: 'När', where: 'Var', cost: 'Kostnad',
    defaultCost: 'Konferensen är kostnadsfri. Lunch och fika ingår.', deadline: 'Sista anmälningsdag', audience: 'Målgrupp', arrangers: 'Arrangörer',
    register: 'Anmälan', submit: 'Skicka anmälan', problem: 'Anmälan kunde inte skickas – rätta följande',
    closed: 'Anmälan är stängd.', notOpen: 'Anmälan har inte öppnat än.', full: 'Konferensen är fullbokad – anmäl dig till väntelistan.',
    binding: (d, fee) => `Anmälan är bindande men kan överlåtas till en kollega. Avbokning ska göras senast ${d}, annars debiteras en avgift på ${fee}.`,
    required: 'Fält markerade med * är obligatoriska.',
    name: 'Namn', email: 'E-postadress', phone: 'Telefon', organisation: 'Organisation, myndighet eller företag', organisationHint: 'Kommuner: ange kommunens namn.',
    sector: 'Sektor', isPolitician: 'Jag är förtroendevald politiker', politicalParty: 'Politiskt parti (för förtroendevalda)',
    isVolunteer: 'Jag deltar som ideellt aktiv i en idéburen organisation', isVolunteerHint: 'Ideellt aktiva kan ansöka om reseersättning.',
    diet: 'Särskild kost', dietHint: 'T.ex. vegetarisk, glutenfri, allergier.',
    dietConsent: 'Jag samtycker till att uppgiften om särskild kost sparas och lämnas till kök/catering (krävs om du fyller i särskild kost).',
    fieldErrors: {
      name: 'Fyll i ditt namn.', email: 'Fyll i en giltig e-postadress.', phone: 'Fyll i ett giltigt telefonnummer.', organisation: 'Fyll i din organisation.',
      sector: 'Välj sektor.', diet: 'Beskriv din särskilda kost kortare.', dietConsent: 'Kryssa i samtycket för att vi ska kunna spara din särskilda kost.',
      politicalParty: 'Ange partiet kortare.',
    },
    yourRegistration: 'Din anmälan', thanks: 'Tack för din anmälan!', confirmed: 'Din plats är bekräftad.',
    waitlisted: (n) => `Du står på väntelistan som nummer ${n}.`, cancelled: 'Anmälan är avbokad.', status: 'Status',
    keepLink: 'Spara den här sidans adress – den är din personliga länk. Vi har också skickat den med e-post.', programme: 'Program',
  },
  en: {
    upcoming: 'Upcoming conferences', noneUpcoming: 'No conferences are open right now.', when: 'When', where: 'Where', cost: 'Cost',
    defaultCost: 'Free of charge. Lunch and coffee included.', deadline: 'Registration deadline', audience: 'Target audience', arrangers: 'Arranged by',
    register: 'Registration', submit: 'Register', problem: 'Your registration could not be sent – please correct the following',
    closed: 'Registration has closed.', notOpen: 'Registration has not opened yet.', full: 'The conference is full – register for the waiting list.',
    binding: (d, fee) => `Registration is binding but can be transferred to a colleague. Cancel by ${d}, otherwise a fee of ${fee} is charged.`,
    required: 'Fields marked * are required.',
    name: 'Name', email: 'E-mail address', phone: 'Phone', organisation: 'Organisation, authority or company', organisationHint: 'Municipalities: give the municipality’s name.',
    sector: 'Sector', isPolitician: 'I am an elected politician', politicalParty: 'Political party (for elected politicians)',
    isVolunteer: 'I take part as a volunteer of a civil-society organisation', isVolunteerHint: 'Volunteers may request travel reimbursement.',
    diet: 'Special diet', dietHint: 'E.g. vegetarian, gluten-free, allergies.',
    dietConsent: 'I consent to my special diet being stored and passed to the kitchen/caterer (required if you state a special diet).',
    fieldErrors: {
      name: 'Enter your name.', email: 'Enter a valid e-mail address.', phone: 'Enter a valid phone number.', organisation: 'Enter your organisation.',
      sector: 'Choose a sector.', diet: 'Describe your special diet more briefly.', dietConsent: 'Tick the consent box so that we may store your special diet.',
      politicalParty: 'Give the party more briefly.',
    },
    yourRegistration: 'Your registration', thanks: 'Thank you for registering!', confirmed: 'Your seat is confirmed.',
    waitlisted: (n) => `You are number ${n} on the waiting list.`, cancelled: 'This registration is cancelled.', status: 'Status',
    keepLink: 'Keep this page’s address – it is your personal link. We have also sent it by e-mail.', programme: 'Programme',
  },
};

type FormValues = Record<string, string | undefined>;

@ApiExcludeController()
@Controller()
export class PublicPages {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly registrations: RegistrationsService,
    private readonly clock: Clock,
    private readonly programme: ProgrammeService,
  ) {}

  @Get()
  async home(@Lang() lang: Language, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const t = T[lang];
    const items = await this.conferences.listUpcomingPublished(this.clock.now());
    return sendPage(reply, renderPage({ lang, path: req.url, title: t.upcoming, body: html`<h1>${t.upcoming}</h1>
${items.length === 0 ? html`<p>${t.noneUpcoming}</p>` : html`<ul>${items.map((c) => html`<li><a href="/c/${c.slug}">${c.title}</a> – ${formatLongDate(c.startsAt, lang)}, ${c.venueCity || c.venueName}</li>`)}</ul>`}` }));
  }

  @Get('c/:slug')
  async conferencePage(@Lang() lang: Language, @Param('slug') slug: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const conference = await this.conferences.findPublishedBySlug(slug);
    return sendPage(reply, await this.renderConference(lang, req.url, conference, {}, {}));
  }

  @Post('c/:slug')
  async submit(@Lang() lang: Language, @Param('slug') slug: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const conference = await this.conferences.findPublishedBySlug(slug);
    const t = T[lang];
    const { dto, errors } = await validateForm(RegisterDto, body);
    const fieldErrors: FieldErrors = Object.fromEntries(Object.keys(errors).map((field) => [field, t.fieldErrors[field] ?? errors[field]]));
    if (dto.diet && !dto.dietConsent) fieldErrors.dietConsent = t.fieldErrors.dietConsent;
    if (Object.keys(fieldErrors).length > 0) {
      return sendPage(reply, await this.renderConference(lang, req.url, conference, body, fieldErrors), 422);
    }
    try {
      const { manageToken } = await this.registrations.registerPublic(slug, { ...dto, language: lang }, lang);
      return redirectTo(reply, `/r/${manageToken}?welcome=1`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const general = error.field ? [] : [error.message];
      const errs = error.field ? { [error.field]: localise(error, lang) } : {};
      return sendPage(reply, await this.renderConference(lang, req.url, conference, body, errs, general.map(() => localise(error, lang))), error.category === 'conflict' ? 409 : 422);
    }
  }

  @Get('r/:token')
  async manage(@Lang() lang: Language, @Param('token') token: string, @Query('welcome') welcome: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const t = T[lang];
    const { registration, conference, waitlistPosition } = await this.registrations.findByToken(token);
    const body = html`${welcome ? html`<div class="notice ok" role="status"><p><strong>${t.thanks}</strong></p><p>${t.keepLink}</p></div>` : ''}
<h1>${t.yourRegistration}</h1>
<p class="lead">${conference.title}</p>
<dl class="facts">
  <dt>${t.status}</dt><dd>${statusText(registration, waitlistPosition, lang)}</dd>
  <dt>${t.name}</dt><dd>${registration.name}</dd>
  <dt>${t.email}</dt><dd>${registration.email}</dd>
  <dt>${t.organisation}</dt><dd>${registration.organisation}</dd>
  <dt>${t.sector}</dt><dd>${SECTOR_LABELS[registration.sector][lang]}</dd>
  ${registration.phone ? html`<dt>${t.phone}</dt><dd>${registration.phone}</dd>` : ''}
  ${registration.diet ? html`<dt>${t.diet}</dt><dd>${registration.diet}</dd>` : ''}
</dl>
${conferenceFacts(conference, lang)}
<!-- personal-actions -->`;
    return sendPage(reply, renderPage({ lang, path: req.url, title: t.yourRegistration, body }));
  }

  private async renderConference(lang: Language, path: string, c: Conference, values: FormValues, errors: FieldErrors, general: string[] = []): Promise<string> {
    const t = T[lang];
    const window = registrationWindow(c, this.clock.now());
    const full = c.seatsHeld >= c.capacity;
    const body = html`<h1>${c.title}</h1>
${c.description ? html`<p class="lead">${c.description}</p>` : ''}
${conferenceFacts(c, lang)}
${renderProgramme(await this.programme.forConference(c.id), lang, { links: `/c/${c.slug}` })}
<h2 id="register">${t.register}</h2>
${window === 'closed' ? html`<div class="notice warn"><p>${t.closed}</p></div>` : window === 'not_open_yet' ? html`<div class="notice"><p>${t.notOpen}</p></div>` : html`
${full ? html`<div class="notice warn"><p>${t.full}</p></div>` : ''}
<p>${t.binding(formatDateTime(c.cancellationDeadline, lang), formatMoney(c.cancellationFee, lang))}</p>
${errorSummary(t.problem, errors, general)}
<form method="post" action="/c/${c.slug}?lang=${lang}" novalidate>
  <p class="hint">${t.required}</p>
  ${textField({ name: 'name', label: t.name, value: values.name, error: errors.name, required: true, autocomplete: 'name' })}
  ${textField({ name: 'email', label: t.email, type: 'email', value: values.email, error: errors.email, required: true, autocomplete: 'email' })}
  ${textField({ name: 'phone', label: t.phone, type: 'tel', value: values.phone, error: errors.phone, autocomplete: 'tel' })}
  ${textField({ name: 'organisation', label: t.organisation, value: values.organisation, error: errors.organisation, required: true, autocomplete: 'organization', hint: t.organisationHint })}
  ${selectField({ name: 'sector', label: t.sector, value: values.sector, error: errors.sector, required: true, options: SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s][lang] })) })}
  ${checkboxField({ name: 'isPolitician', label: t.isPolitician, checked: values.isPolitician === 'true' })}
  ${textField({ name: 'politicalParty', label: t.politicalParty, value: values.politicalParty, error: errors.politicalParty })}
  ${checkboxField({ name: 'isVolunteer', label: t.isVolunteer, hint: t.isVolunteerHint, checked: values.isVolunteer === 'true' })}
  ${textField({ name: 'diet', label: t.diet, hint: t.dietHint, value: values.diet, error: errors.diet })}
  ${checkboxField({ name: 'dietConsent', label: t.dietConsent, checked: values.dietConsent === 'true', error: errors.dietConsent })}
  <div class="honeypot" aria-hidden="true"><label for="website">Website</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
  <button type="submit">${t.submit}</button>
</form>`}`;
    return renderPage({ lang, path, title: c.title, body });
  }
}

function conferenceFacts(c: Conference, lang: Language): SafeHtml {
  const t = T[lang];
  return html`<dl class="facts">
  <dt>${t.when}</dt><dd>${formatLongDate(c.startsAt, lang)}, ${formatClock(c.startsAt)}–${formatClock(c.endsAt)}</dd>
  <dt>${t.where}</dt><dd>${[c.venueName, c.venueAddress, c.venueCity].filter(Boolean).join(', ')}</dd>
  <dt>${t.cost}</dt><dd>${c.costNote || t.defaultCost}</dd>
  <dt>${t.deadline}</dt><dd>${formatDateTime(c.registrationDeadline, lang)}</dd>
  ${c.targetAudience ? html`<dt>${t.audience}</dt><dd>${c.targetAudience}</dd>` : ''}
  ${c.arrangers ? html`<dt>${t.arrangers}</dt><dd>${c.arrangers}</dd>` : ''}
</dl>`;
}

function statusText(r: Registration, waitlistPosition: number | null, lang: Language): string {
  const t = T[lang];
  if (r.status === 'confirmed') return t.confirmed;
  if (r.status === 'waitlisted') return t.waitlisted(waitlistPosition ?? 1);
  return t.cancelled;
}

const SWEDISH_MESSAGES: Record<string, string> = {
  already_registered: 'Den här e-postadressen är redan anmäld till konferensen.',
  registration_closed: 'Anmälan till konferensen har stängt.',
  registration_not_open: 'Anmälan till konferensen har inte öppnat än.',
};

function localise(error: DomainError, lang: Language): string {
  return lang === 'sv' ? (SWEDISH_MESSAGES[error.code] ?? error.message) : error.message;
}

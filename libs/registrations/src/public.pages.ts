import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Conference, ConferencesService, seatsLeft } from '@dialogdag/conferences';
import { ProgrammeService, renderProgramme } from '@dialogdag/programme';
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
import { RegisterDto, TransferDto, UpdateRegistrationDto } from './registration.dto';
import { Registration } from './registration.entity';
import { hasStarted, modificationDeadlineOf, registrationWindow } from './registration.rules';
import { personalActions } from './registration.view';
import { RegistrationsService } from './registrations.service';
import { AnnotationTable } from './extensions/annotation-table';
import { toParticipant } from './extensions/participant';
import { ChoiceRound, RegistrationExtensions } from './extensions/registration-extensions';
import { ChoiceTexts, choiceValues, readChoices, renderChoiceRounds, roundErrorField } from './public/choice-rounds';

interface PublicTexts {
  upcoming: string; noneUpcoming: string; when: string; where: string; cost: string; defaultCost: string; deadline: string;
  audience: string; arrangers: string; register: string; registerNow: string; submit: string; problem: string; closed: string; notOpen: string;
  full: string; binding: (deadline: string, fee: string) => string; required: string;
  name: string; email: string; phone: string; organisation: string; organisationHint: string; sector: string; isPolitician: string; politicalParty: string;
  isVolunteer: string; isVolunteerHint: string; diet: string; dietHint: string; dietConsent: string; fieldErrors: Record<string, string>;
  yourRegistration: string; thanks: string; confirmed: string; waitlisted: (n: number) => string; cancelled: string; status: string;
  keepLink: string; programme: string; personal: PersonalTexts;
}

interface PersonalTexts {
  updated: string; cancelledNotice: (fee: string | null) => string; transferred: string; promotedNote: string;
  feeOwed: (fee: string) => string; noFee: string; cancelledAt: string; fee: string;
  changeDetails: string; changeUntil: (d: string) => string; changeClosed: string; save: string; clearHint: string;
  transferHeading: string; transferIntro: string; transferLink: string; transferSubmit: string; colleagueName: string; colleagueEmail: string;
  cancelHeading: string; cancelLink: string; cancelConfirm: string; cancelBack: string; cancelCostsNow: (fee: string) => string;
  cancelFreeUntil: (d: string, fee: string) => string; cancelWaitlistFree: string; cancelFinal: string; startedNote: string;
  receiptHeading: string; receipt: (name: string, email: string, title: string) => string; receiptLinkDead: string;
  problem: string; workshops: string; colleagueErrors: Record<string, string>;
}

const CHOICES_SV: ChoiceTexts = {
  hint: (n) => (n === 1 ? 'Välj ett alternativ.' : `Rangordna upp till ${n} alternativ, det du helst vill först.`),
  rank: (n) => (['Förstahandsval', 'Andrahandsval', 'Tredjehandsval', 'Fjärdehandsval', 'Femtehandsval'][n - 1] ?? `Val ${n}`),
  repeated: 'Du har valt samma alternativ mer än en gång.',
  invalid: 'Välj bland alternativen i listan.',
};
const CHOICES_EN: ChoiceTexts = {
  hint: (n) => (n === 1 ? 'Choose one option.' : `Rank up to ${n} options, the one you want most first.`),
  rank: (n) => `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'} choice`,
  repeated: 'You have chosen the same option more than once.',
  invalid: 'Choose from the options in the list.',
};
const CHOICES: Record<Language, ChoiceTexts> = { sv: CHOICES_SV, en: CHOICES_EN };

const T: Texts<PublicTexts> = {
  sv: {
    upcoming: 'Kommande konferenser', noneUpcoming: 'Inga konferenser är öppna just nu.', when: 'När', where: 'Var', cost: 'Kostnad',
    defaultCost: 'Konferensen är kostnadsfri. Lunch och fika ingår.', deadline: 'Sista anmälningsdag', audience: 'Målgrupp', arrangers: 'Arrangörer',
    register: 'Anmälan', registerNow: 'Anmäl dig', submit: 'Skicka anmälan', problem: 'Anmälan kunde inte skickas – rätta följande',
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
    personal: {
      updated: 'Dina uppgifter är sparade.', cancelledNotice: (fee) => (fee ? `Din anmälan är avbokad. En avgift på ${fee} debiteras.` : 'Din anmälan är avbokad, utan avgift.'),
      transferred: 'Anmälan är överlåten.', promotedNote: '',
      feeOwed: (fee) => `Avgift för sen avbokning: ${fee}`, noFee: 'Ingen avgift', cancelledAt: 'Avbokad', fee: 'Avgift',
      changeDetails: 'Ändra dina uppgifter', changeUntil: (d) => `Du kan ändra dina uppgifter till och med ${d}. Namn och e-postadress ändras genom att överlåta anmälan.`,
      changeClosed: 'Sista dag för att ändra uppgifter har passerat. Kontakta arrangörerna om något behöver ändras.',
      save: 'Spara ändringar', clearHint: 'Töm fältet för att ta bort uppgiften.',
      transferHeading: 'Överlåt till en kollega', transferIntro: 'Anmälan är bindande men kan överlåtas till en kollega utan avgift. Kollegan tar över din plats och får en egen personlig länk; din länk slutar då att fungera.',
      transferLink: 'Överlåt anmälan till en kollega', transferSubmit: 'Överlåt anmälan', colleagueName: 'Kollegans namn', colleagueEmail: 'Kollegans e-postadress',
      cancelHeading: 'Avboka', cancelLink: 'Avboka anmälan', cancelConfirm: 'Bekräfta avbokning', cancelBack: 'Tillbaka utan att avboka',
      cancelCostsNow: (fee) => `Avbokning nu kostar ${fee}. Sista dag för kostnadsfri avbokning har passerat. Du kan i stället överlåta platsen till en kollega utan kostnad.`,
      cancelFreeUntil: (d, fee) => `Avbokning är kostnadsfri till och med ${d}. Därefter debiteras ${fee}.`,
      cancelWaitlistFree: 'Du står på väntelistan: att lämna den är kostnadsfritt.', cancelFinal: 'Avbokningen kan inte ångras.',
      startedNote: 'Konferensen har börjat; anmälan kan inte längre avbokas eller överlåtas.',
      receiptHeading: 'Anmälan är överlåten', receipt: (n, e, t) => `Din anmälan till ${t} är överlåten till ${n} (${e}), utan avgift. ${n} har fått en bekräftelse med en egen personlig länk.`,
      receiptLinkDead: 'Din personliga länk fungerar inte längre. Vi har skickat ett kvitto till din e-post.',
      problem: 'Något behöver rättas', workshops: 'Workshopval',
      colleagueErrors: { name: 'Fyll i kollegans namn.', email: 'Fyll i kollegans e-postadress.' },
    },
  },
  en: {
    upcoming: 'Upcoming conferences', noneUpcoming: 'No conferences are open right now.', when: 'When', where: 'Where', cost: 'Cost',
    defaultCost: 'Free of charge. Lunch and coffee included.', deadline: 'Registration deadline', audience: 'Target audience', arrangers: 'Arranged by',
    register: 'Registration', registerNow: 'Register now', submit: 'Register', problem: 'Your registration could not be sent – please correct the following',
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
    personal: {
      updated: 'Your details are saved.', cancelledNotice: (fee) => (fee ? `Your registration is cancelled. A fee of ${fee} is charged.` : 'Your registration is cancelled, free of charge.'),
      transferred: 'The registration has been transferred.', promotedNote: '',
      feeOwed: (fee) => `Late cancellation fee: ${fee}`, noFee: 'No fee', cancelledAt: 'Cancelled', fee: 'Fee',
      changeDetails: 'Change your details', changeUntil: (d) => `You can change your details until ${d}. To change the name or e-mail address, transfer the registration.`,
      changeClosed: 'The last day for changing details has passed. Please contact the organisers if something must change.',
      save: 'Save changes', clearHint: 'Empty the field to remove it.',
      transferHeading: 'Transfer to a colleague', transferIntro: 'Registration is binding but can be transferred to a colleague free of charge. Your colleague takes over your seat and gets a personal link of their own; yours then stops working.',
      transferLink: 'Transfer the registration to a colleague', transferSubmit: 'Transfer registration', colleagueName: 'Colleague’s name', colleagueEmail: 'Colleague’s e-mail address',
      cancelHeading: 'Cancel', cancelLink: 'Cancel the registration', cancelConfirm: 'Confirm cancellation', cancelBack: 'Back without cancelling',
      cancelCostsNow: (fee) => `Cancelling now costs ${fee}. The last day for free cancellation has passed. You can transfer your seat to a colleague free of charge instead.`,
      cancelFreeUntil: (d, fee) => `Cancellation is free until ${d}. After that, ${fee} is charged.`,
      cancelWaitlistFree: 'You are on the waiting list: leaving it is free of charge.', cancelFinal: 'The cancellation cannot be undone.',
      startedNote: 'The conference has started; the registration can no longer be cancelled or transferred.',
      receiptHeading: 'Registration transferred', receipt: (n, e, t) => `Your registration for ${t} has been transferred to ${n} (${e}), free of charge. ${n} has been sent a confirmation with a personal link of their own.`,
      receiptLinkDead: 'Your personal link no longer works. We have sent a receipt to your e-mail.',
      problem: 'Something needs correcting', workshops: 'Workshop choices',
      colleagueErrors: { name: 'Enter your colleague’s name.', email: 'Enter your colleague’s e-mail address.' },
    },
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
    private readonly extensions: RegistrationExtensions,
  ) {}

  /** The ranked-choice rounds another lib offers for this conference; none without a provider. */
  private async choiceRounds(conferenceId: string, lang: Language): Promise<ChoiceRound[]> {
    return (await this.extensions.preferences?.rounds(conferenceId, lang)) ?? [];
  }

  /** Posted ranked choices, checked per round; `preferences` undefined when the form offers none. */
  private async postedChoices(conferenceId: string, lang: Language, body: FormValues): Promise<{ preferences?: string[]; errors: FieldErrors }> {
    const rounds = await this.choiceRounds(conferenceId, lang);
    const provider = this.extensions.preferences;
    if (rounds.length === 0 || !provider) return { errors: {} };
    return readChoices(provider, conferenceId, rounds, body, CHOICES[lang]);
  }

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
    const choices = await this.postedChoices(conference.id, lang, body);
    Object.assign(fieldErrors, choices.errors);
    if (Object.keys(fieldErrors).length > 0) {
      return sendPage(reply, await this.renderConference(lang, req.url, conference, body, fieldErrors), 422);
    }
    try {
      const workshopPreferences = choices.preferences ?? dto.workshopPreferences;
      const { manageToken } = await this.registrations.registerPublic(slug, { ...dto, workshopPreferences, language: lang }, lang);
      return redirectTo(reply, `/r/${manageToken}?welcome=1`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const general = error.field ? [] : [error.message];
      const errs = error.field ? { [formField(error.field)]: localise(error, lang) } : {};
      return sendPage(reply, await this.renderConference(lang, req.url, conference, body, errs, general.map(() => localise(error, lang))), error.category === 'conflict' ? 409 : 422);
    }
  }

  @Get('r/:token')
  async manage(@Lang() lang: Language, @Param('token') token: string, @Query() query: Record<string, string>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const found = await this.registrations.findByToken(token);
    return sendPage(reply, await this.renderPersonal(lang, req.url, token, found, { query }));
  }

  @Post('r/:token/details')
  async changeDetails(@Lang() lang: Language, @Param('token') token: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const t = T[lang];
    const found = await this.registrations.findByToken(token);
    const form = { ...body, isPolitician: body.isPolitician ?? 'false', isVolunteer: body.isVolunteer ?? 'false' };
    const { dto, errors } = await validateForm(UpdateRegistrationDto, form);
    const fieldErrors: FieldErrors = Object.fromEntries(Object.keys(errors).map((field) => [field, t.fieldErrors[field] ?? errors[field]]));
    for (const field of ['phone', 'diet', 'politicalParty'] as const) if (!body[field]?.trim()) dto[field] = null;
    if (dto.diet && body.dietConsent !== 'true') fieldErrors.dietConsent = t.fieldErrors.dietConsent;
    const choices = await this.postedChoices(found.conference.id, lang, body);
    Object.assign(fieldErrors, choices.errors);
    if (Object.keys(fieldErrors).length > 0) {
      return sendPage(reply, await this.renderPersonal(lang, req.url, token, found, { values: body, errors: fieldErrors }), 422);
    }
    if (choices.preferences) dto.workshopPreferences = choices.preferences;
    try {
      await this.registrations.updateByToken(token, dto);
      return redirectTo(reply, `/r/${token}?lang=${lang}&updated=1`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.category === 'not_found') throw error;
      const fresh = await this.registrations.findByToken(token);
      const at = error.field ? { errors: { [formField(error.field)]: localise(error, lang) } } : { general: [localise(error, lang)] };
      return sendPage(reply, await this.renderPersonal(lang, req.url, token, fresh, { values: body, ...at }), statusFor(error));
    }
  }

  @Get('r/:token/cancel')
  async cancelStep(@Lang() lang: Language, @Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const t = T[lang].personal;
    const { registration, conference } = await this.registrations.findByToken(token);
    const actions = personalActions(registration, conference, this.clock.now());
    if (!actions.canCancel) return redirectTo(reply, `/r/${token}?lang=${lang}`);
    const fee = actions.cancellationFeeNow ?? 0;
    const feeText = formatMoney(conference.cancellationFee, lang);
    const statement =
      registration.status === 'waitlisted'
        ? t.cancelWaitlistFree
        : fee > 0
          ? t.cancelCostsNow(formatMoney(fee, lang))
          : t.cancelFreeUntil(formatDateTime(conference.cancellationDeadline, lang), feeText);
    const body = html`<h1>${t.cancelHeading}: ${conference.title}</h1>
<div class="notice${fee > 0 ? ' warn' : ''}" id="cancellation-fee"><p><strong>${statement}</strong></p><p>${t.cancelFinal}</p></div>
<form method="post" action="/r/${token}/cancel?lang=${lang}" class="actions">
  <input type="hidden" name="expectedFee" value="${String(fee)}">
  <button type="submit" class="danger">${t.cancelConfirm}</button>
  <a class="button secondary" href="/r/${token}?lang=${lang}">${t.cancelBack}</a>
</form>
${registration.status === 'confirmed' ? html`<p><a href="/r/${token}/transfer?lang=${lang}">${t.transferLink}</a></p>` : ''}`;
    return sendPage(reply, renderPage({ lang, path: req.url, title: t.cancelHeading, body }));
  }

  @Post('r/:token/cancel')
  async cancel(@Lang() lang: Language, @Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    try {
      const { fee } = await this.registrations.cancelByToken(token);
      return redirectTo(reply, `/r/${token}?lang=${lang}&cancelled=${fee}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.category === 'not_found') throw error;
      const fresh = await this.registrations.findByToken(token);
      return sendPage(reply, await this.renderPersonal(lang, req.url, token, fresh, { general: [localise(error, lang)] }), statusFor(error));
    }
  }

  @Get('r/:token/transfer')
  async transferForm(@Lang() lang: Language, @Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { registration, conference } = await this.registrations.findByToken(token);
    if (!personalActions(registration, conference, this.clock.now()).canTransfer) return redirectTo(reply, `/r/${token}?lang=${lang}`);
    const values = { organisation: registration.organisation, sector: registration.sector };
    return sendPage(reply, this.renderTransfer(lang, req.url, token, conference, values, {}));
  }

  @Post('r/:token/transfer')
  async transfer(@Lang() lang: Language, @Param('token') token: string, @Body() body: FormValues, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const t = T[lang];
    const { conference } = await this.registrations.findByToken(token);
    const { dto, errors } = await validateForm(TransferDto, body);
    const messages: Record<string, string> = { ...t.fieldErrors, ...t.personal.colleagueErrors };
    const fieldErrors: FieldErrors = Object.fromEntries(Object.keys(errors).map((field) => [field, messages[field] ?? errors[field]]));
    if (Object.keys(fieldErrors).length > 0) return sendPage(reply, this.renderTransfer(lang, req.url, token, conference, body, fieldErrors), 422);
    try {
      await this.registrations.transferByToken(token, { ...dto, language: dto.language ?? lang });
      return redirectTo(reply, `/r/${token}/transferred?lang=${lang}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.category === 'not_found') throw error;
      const errs = error.field ? { [error.field]: localise(error, lang) } : {};
      const general = error.field ? [] : [localise(error, lang)];
      return sendPage(reply, this.renderTransfer(lang, req.url, token, conference, body, errs, general), statusFor(error));
    }
  }

  @Get('r/:token/transferred')
  async transferReceipt(@Lang() lang: Language, @Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const t = T[lang].personal;
    const { to, conference } = await this.registrations.findTransferReceipt(token);
    const body = html`<div class="notice ok" role="status"><h1>${t.receiptHeading}</h1>
<p>${t.receipt(to.name, to.email, conference.title)}</p><p>${t.receiptLinkDead}</p></div>
${conferenceFacts(conference, lang)}`;
    return sendPage(reply, renderPage({ lang, path: req.url, title: t.receiptHeading, body }));
  }

  private async renderPersonal(
    lang: Language,
    path: string,
    token: string,
    found: { registration: Registration; conference: Conference; waitlistPosition: number | null },
    o: { query?: Record<string, string>; values?: FormValues; errors?: FieldErrors; general?: string[] },
  ): Promise<string> {
    const t = T[lang];
    const p = t.personal;
    const { registration: r, conference, waitlistPosition } = found;
    const now = this.clock.now();
    const actions = personalActions(r, conference, now);
    const query = o.query ?? {};
    const errors = o.errors ?? {};
    const rounds = actions.canChangeDetails ? await this.choiceRounds(conference.id, lang) : [];
    const values: FormValues = o.values ?? {
      phone: r.phone ?? '', organisation: r.organisation, sector: r.sector, isPolitician: String(r.isPolitician),
      politicalParty: r.politicalParty ?? '', isVolunteer: String(r.isVolunteer), diet: r.diet ?? '', dietConsent: String(r.dietConsentAt !== null),
      ...choiceValues(rounds, r.workshopPreferences),
    };
    const annotations = (await AnnotationTable.load(this.extensions, conference.id, [r.id], lang)).present(r.id);
    const context = { participant: toParticipant(r), conference, token, lang, now };
    const sections = await Promise.all(this.extensions.personalSections.map((section) => section.render(context)));
    const cancelledFee = query.cancelled !== undefined ? Number(query.cancelled) || 0 : null;
    const notices = html`${query.welcome ? html`<div class="notice ok" role="status"><p><strong>${t.thanks}</strong></p><p>${t.keepLink}</p></div>` : ''}
${query.updated ? html`<div class="notice ok" role="status"><p>${p.updated}</p></div>` : ''}
${cancelledFee !== null && r.status === 'cancelled' ? html`<div class="notice ok" role="status"><p>${p.cancelledNotice(r.fee > 0 ? formatMoney(r.fee, lang) : null)}</p></div>` : ''}
${o.general?.length ? html`<div class="notice warn" role="alert">${o.general.map((m) => html`<p>${m}</p>`)}</div>` : ''}`;
    const body = html`${notices}
<h1>${t.yourRegistration}</h1>
<p class="lead">${conference.title}</p>
<dl class="facts" id="registration-facts">
  <dt>${t.status}</dt><dd id="registration-status">${statusText(r, waitlistPosition, lang)}</dd>
  ${r.status === 'cancelled' && r.cancelledAt ? html`<dt>${p.cancelledAt}</dt><dd>${formatDateTime(r.cancelledAt, lang)}</dd>` : ''}
  ${r.status === 'cancelled' ? html`<dt>${p.fee}</dt><dd id="registration-fee">${r.feeWaivedAt ? p.noFee : r.fee > 0 ? p.feeOwed(formatMoney(r.fee, lang)) : p.noFee}</dd>` : ''}
  <dt>${t.name}</dt><dd>${r.name}</dd>
  <dt>${t.email}</dt><dd>${r.email}</dd>
  <dt>${t.organisation}</dt><dd>${r.organisation}</dd>
  <dt>${t.sector}</dt><dd>${SECTOR_LABELS[r.sector][lang]}</dd>
  ${r.phone ? html`<dt>${t.phone}</dt><dd>${r.phone}</dd>` : ''}
  ${r.diet ? html`<dt>${t.diet}</dt><dd>${r.diet}</dd>` : ''}
  ${annotations.map((a) => html`<dt>${a.label}</dt><dd>${a.value}</dd>`)}
</dl>
${conferenceFacts(conference, lang)}
${sections}
${actions.canTransfer || actions.canCancel ? html`<h2>${p.transferHeading} / ${p.cancelHeading}</h2>
<p>${p.transferIntro}</p>
<p class="actions">
  <a class="button secondary" href="/r/${token}/transfer?lang=${lang}" id="transfer-link">${p.transferLink}</a>
  <a class="button secondary" href="/r/${token}/cancel?lang=${lang}" id="cancel-link">${p.cancelLink}</a>
</p>` : (r.status === 'confirmed' || r.status === 'waitlisted') && hasStarted(conference, now) ? html`<p>${p.startedNote}</p>` : ''}
${actions.canChangeDetails ? html`<h2 id="details">${p.changeDetails}</h2>
<p>${p.changeUntil(formatDateTime(modificationDeadlineOf(conference), lang))}</p>
${errorSummary(p.problem, errors)}
<form method="post" action="/r/${token}/details?lang=${lang}" novalidate>
  ${textField({ name: 'phone', label: t.phone, type: 'tel', value: values.phone, error: errors.phone, autocomplete: 'tel', hint: p.clearHint })}
  ${textField({ name: 'organisation', label: t.organisation, value: values.organisation, error: errors.organisation, required: true, autocomplete: 'organization' })}
  ${selectField({ name: 'sector', label: t.sector, value: values.sector, error: errors.sector, required: true, options: SECTORS.map((sec) => ({ value: sec, label: SECTOR_LABELS[sec][lang] })) })}
  ${checkboxField({ name: 'isPolitician', label: t.isPolitician, checked: values.isPolitician === 'true' })}
  ${textField({ name: 'politicalParty', label: t.politicalParty, value: values.politicalParty, error: errors.politicalParty })}
  ${checkboxField({ name: 'isVolunteer', label: t.isVolunteer, hint: t.isVolunteerHint, checked: values.isVolunteer === 'true' })}
  ${textField({ name: 'diet', label: t.diet, hint: t.dietHint, value: values.diet, error: errors.diet })}
  ${checkboxField({ name: 'dietConsent', label: t.dietConsent, checked: values.dietConsent === 'true', error: errors.dietConsent })}
  ${renderChoiceRounds(rounds, values, errors, CHOICES[lang])}
  <button type="submit">${p.save}</button>
</form>` : r.status === 'confirmed' || r.status === 'waitlisted' ? html`<p>${p.changeClosed}</p>` : ''}
${renderProgramme(await this.programme.forConference(conference.id), lang, { links: `/c/${conference.slug}` })}
`;
    return renderPage({ lang, path, title: t.yourRegistration, body });
  }

  private renderTransfer(lang: Language, path: string, token: string, c: Conference, values: FormValues, errors: FieldErrors, general: string[] = []): string {
    const t = T[lang];
    const p = t.personal;
    const body = html`<h1>${p.transferHeading}</h1>
<p class="lead">${c.title}</p>
<p>${p.transferIntro}</p>
${errorSummary(p.problem, errors, general)}
<form method="post" action="/r/${token}/transfer?lang=${lang}" novalidate>
  <p class="hint">${t.required}</p>
  ${textField({ name: 'name', label: p.colleagueName, value: values.name, error: errors.name, required: true })}
  ${textField({ name: 'email', label: p.colleagueEmail, type: 'email', value: values.email, error: errors.email, required: true })}
  ${textField({ name: 'phone', label: t.phone, type: 'tel', value: values.phone, error: errors.phone })}
  ${textField({ name: 'organisation', label: t.organisation, value: values.organisation, error: errors.organisation, required: true })}
  ${selectField({ name: 'sector', label: t.sector, value: values.sector, error: errors.sector, required: true, options: SECTORS.map((sec) => ({ value: sec, label: SECTOR_LABELS[sec][lang] })) })}
  <p class="actions"><button type="submit">${p.transferSubmit}</button> <a href="/r/${token}?lang=${lang}">${p.cancelBack}</a></p>
</form>`;
    return renderPage({ lang, path, title: p.transferHeading, body });
  }

  private async renderConference(lang: Language, path: string, c: Conference, values: FormValues, errors: FieldErrors, general: string[] = []): Promise<string> {
    const t = T[lang];
    const window = registrationWindow(c, this.clock.now());
    const full = seatsLeft(c) === 0;
    const rounds = window === 'open' ? await this.choiceRounds(c.id, lang) : [];
    const body = html`<h1>${c.title}</h1>
${c.description ? html`<p class="lead">${c.description}</p>` : ''}
${conferenceFacts(c, lang)}
${window === 'open' ? html`<p><a class="button" href="#register">${t.registerNow}</a></p>` : ''}
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
  ${renderChoiceRounds(rounds, values, errors, CHOICES[lang])}
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
  if (r.status === 'transferred') return t.personal.transferred;
  return t.cancelled;
}

/** Errors about the ranked list are shown at the first round's choices. */
const formField = (field: string) => (field === 'workshopPreferences' ? roundErrorField(0) : field);

const statusFor = (error: DomainError) => (error.category === 'conflict' ? 409 : error.category === 'not_found' ? 404 : 422);

const SWEDISH_MESSAGES: Record<string, string> = {
  already_registered: 'Den här e-postadressen är redan anmäld till konferensen.',
  registration_closed: 'Anmälan till konferensen har stängt.',
  registration_not_open: 'Anmälan till konferensen har inte öppnat än.',
  already_cancelled: 'Anmälan är redan avbokad.',
  conference_started: 'Konferensen har börjat; anmälan kan inte längre avbokas eller överlåtas.',
  modification_closed: 'Sista dag för att ändra uppgifter har passerat.',
  registration_not_active: 'Bara en aktiv anmälan kan ändras.',
};

const COLLEAGUE_SV = 'Kollegans e-postadress är redan anmäld till konferensen.';

function localise(error: DomainError, lang: Language): string {
  if (lang === 'sv' && error.code === 'already_registered' && error.message.includes('colleague')) return COLLEAGUE_SV;
  return lang === 'sv' ? (SWEDISH_MESSAGES[error.code] ?? error.message) : error.message;
}

import { Injectable } from '@nestjs/common';
import { Conference, conferenceFacts } from '@dialogdag/conferences';
import { ProgrammeService, renderProgramme } from '@dialogdag/programme';
import { Clock, formatDateTime, formatMoney, Language, qrSvg, SECTOR_LABELS, SECTORS } from '@dialogdag/shared';
import { checkboxField, errorSummary, FieldErrors, html, renderPage, SafeHtml, selectField, textField, unsafeRaw } from '@dialogdag/web';
import { formatCheckInCode } from '../check-in/check-in-code';
import { AnnotationTable } from '../extensions/annotation-table';
import { toParticipant } from '../extensions/participant';
import { RegistrationExtensions } from '../extensions/registration-extensions';
import { catalogue } from '../i18n';
import { personalDataSection } from '../privacy/privacy.view';
import { Registration } from '../registration.entity';
import { cancellationQuote, feeOwed, modificationDeadlineOf, transferRefusal } from '../registration.rules';
import { personalActions } from '../registration.view';
import { choiceValues, FormValues, renderChoiceRounds } from './choice-rounds';

export interface Found {
  registration: Registration;
  conference: Conference;
  waitlistPosition: number | null;
}

export interface PersonalPageState {
  query?: Record<string, string>;
  values?: FormValues;
  errors?: FieldErrors;
  general?: string[];
}

/** The pages behind a personal link: the registration, cancelling (fee shown first) and transferring. */
@Injectable()
export class PersonalPageView {
  constructor(
    private readonly clock: Clock,
    private readonly programme: ProgrammeService,
    private readonly extensions: RegistrationExtensions,
  ) {}

  async personal(lang: Language, path: string, token: string, found: Found, o: PersonalPageState = {}): Promise<string> {
    const t = catalogue(lang);
    const p = t.personal;
    const { registration: r, conference, waitlistPosition } = found;
    const now = this.clock.now();
    const actions = personalActions(r, conference, now);
    const query = o.query ?? {};
    const errors = o.errors ?? {};
    const rounds = actions.canChangeDetails ? ((await this.extensions.preferences?.rounds(conference.id, lang)) ?? []) : [];
    const values: FormValues = o.values ?? {
      phone: r.phone ?? '', organisation: r.organisation, sector: r.sector, isPolitician: String(r.isPolitician),
      politicalParty: r.politicalParty ?? '', isVolunteer: String(r.isVolunteer), diet: r.diet ?? '', dietConsent: String(r.dietConsentAt !== null),
      ...choiceValues(rounds, r.workshopPreferences),
    };
    const annotations = (await AnnotationTable.load(this.extensions, conference.id, [r.id], lang)).present(r.id);
    const context = { participant: toParticipant(r), conference, token, lang, now };
    const sections = await Promise.all(this.extensions.personalSections.map((section) => section.render(context)));
    const owed = feeOwed(r, conference, now);
    const notices = html`${query.welcome ? html`<div class="notice ok" role="status"><p><strong>${p.thanks}</strong></p><p>${p.keepLink}</p></div>` : ''}
${query.updated ? html`<div class="notice ok" role="status"><p>${p.updated}</p></div>` : ''}
${query.cancelled !== undefined && r.status === 'cancelled' ? html`<div class="notice ok" role="status"><p>${p.cancelledNotice(owed > 0 ? formatMoney(owed, lang) : null)}</p></div>` : ''}
${o.general?.length ? html`<div class="notice warn" role="alert">${o.general.map((m) => html`<p>${m}</p>`)}</div>` : ''}`;
    const f = t.fields;
    const body = html`${notices}
<h1>${p.yourRegistration}</h1>
<p class="lead">${conference.title}</p>
<dl class="facts" id="registration-facts">
  <dt>${p.status}</dt><dd id="registration-status">${statusText(r, waitlistPosition, lang)}</dd>
  ${r.status === 'cancelled' && r.cancelledAt ? html`<dt>${p.cancelledAt}</dt><dd>${formatDateTime(r.cancelledAt, lang)}</dd>` : ''}
  ${r.status === 'cancelled' ? html`<dt>${p.fee}</dt><dd id="registration-fee">${owed > 0 ? p.feeOwed(formatMoney(owed, lang)) : p.noFee}</dd>` : ''}
  <dt>${f.name}</dt><dd>${r.name}</dd>
  <dt>${f.email}</dt><dd>${r.email}</dd>
  <dt>${f.organisation}</dt><dd>${r.organisation}</dd>
  <dt>${f.sector}</dt><dd>${SECTOR_LABELS[r.sector][lang]}</dd>
  ${r.phone ? html`<dt>${f.phone}</dt><dd>${r.phone}</dd>` : ''}
  ${r.diet ? html`<dt>${f.diet}</dt><dd>${r.diet}</dd>` : ''}
  ${annotations.map((a) => html`<dt>${a.label}</dt><dd>${a.value}</dd>`)}
</dl>
${r.status === 'confirmed' ? await checkInPass(r, lang) : ''}
${conferenceFacts(conference, lang)}
${sections}
${actions.canTransfer || actions.canCancel ? html`<h2>${t.transfer.heading} / ${t.cancel.heading}</h2>
<p>${t.transfer.intro}</p>
<p class="actions">
  ${actions.canTransfer ? html`<a class="button secondary" href="/r/${token}/transfer?lang=${lang}" id="transfer-link">${t.transfer.link}</a>` : ''}
  ${actions.canCancel ? html`<a class="button secondary" href="/r/${token}/cancel?lang=${lang}" id="cancel-link">${t.cancel.link}</a>` : ''}
</p>` : transferRefusal(r.status, conference, now) === 'conference_started' ? html`<p>${p.startedNote}</p>` : ''}
${actions.canChangeDetails ? html`<h2 id="details">${p.changeDetails}</h2>
<p>${p.changeUntil(formatDateTime(modificationDeadlineOf(conference), lang))}</p>
${errorSummary(p.problem, errors)}
<form method="post" action="/r/${token}/details?lang=${lang}" novalidate>
  ${textField({ name: 'phone', label: f.phone, type: 'tel', value: values.phone, error: errors.phone, autocomplete: 'tel', hint: p.clearHint })}
  ${textField({ name: 'organisation', label: f.organisation, value: values.organisation, error: errors.organisation, required: true, autocomplete: 'organization' })}
  ${selectField({ name: 'sector', label: f.sector, value: values.sector, error: errors.sector, required: true, options: SECTORS.map((sec) => ({ value: sec, label: SECTOR_LABELS[sec][lang] })) })}
  ${checkboxField({ name: 'isPolitician', label: f.isPolitician, checked: values.isPolitician === 'true' })}
  ${textField({ name: 'politicalParty', label: f.politicalParty, value: values.politicalParty, error: errors.politicalParty })}
  ${checkboxField({ name: 'isVolunteer', label: f.isVolunteer, hint: f.isVolunteerHint, checked: values.isVolunteer === 'true' })}
  ${textField({ name: 'diet', label: f.diet, hint: f.dietHint, value: values.diet, error: errors.diet })}
  ${checkboxField({ name: 'dietConsent', label: f.dietConsent, checked: values.dietConsent === 'true', error: errors.dietConsent })}
  ${renderChoiceRounds(rounds, values, errors, t.choices)}
  <button type="submit">${p.save}</button>
</form>` : r.status === 'confirmed' || r.status === 'waitlisted' ? html`<p>${p.changeClosed}</p>` : ''}
${personalDataSection(token, conference, lang)}
${renderProgramme(await this.programme.forConference(conference.id), lang, { links: `/c/${conference.slug}` })}
`;
    return renderPage({ lang, path, title: p.yourRegistration, body });
  }

  /** The step before a cancellation: what it costs now, carried by the form so that exactly that is confirmed. null: it cannot be cancelled. */
  cancelStep(lang: Language, path: string, token: string, found: Found, feeChanged = false): string | null {
    const t = catalogue(lang).cancel;
    const { registration, conference } = found;
    const now = this.clock.now();
    const quote = cancellationQuote(registration.status, conference, now, 'participant');
    if (quote.refusal !== null) return null;
    const statement =
      registration.status === 'waitlisted'
        ? t.waitlistFree
        : quote.fee > 0
          ? t.costsNow(formatMoney(quote.fee, lang))
          : t.freeUntil(formatDateTime(conference.cancellationDeadline, lang), formatMoney(conference.cancellationFee, lang));
    const body = html`<h1>${t.heading}: ${conference.title}</h1>
${feeChanged ? html`<div class="notice warn" role="alert" id="fee-changed"><p>${t.feeChanged}</p></div>` : ''}
<div class="notice${quote.fee > 0 ? ' warn' : ''}" id="cancellation-fee"><p><strong>${statement}</strong></p><p>${t.final}</p></div>
<form method="post" action="/r/${token}/cancel?lang=${lang}" class="actions">
  <input type="hidden" name="expectedFee" value="${String(quote.fee)}">
  <button type="submit" class="danger">${t.confirm}</button>
  <a class="button secondary" href="/r/${token}?lang=${lang}">${t.back}</a>
</form>
${transferRefusal(registration.status, conference, now) === null ? html`<p><a href="/r/${token}/transfer?lang=${lang}">${catalogue(lang).transfer.link}</a></p>` : ''}`;
    return renderPage({ lang, path, title: t.heading, body });
  }

  mayTransfer(r: Registration, conference: Conference): boolean {
    return transferRefusal(r.status, conference, this.clock.now()) === null;
  }

  transferForm(lang: Language, path: string, token: string, c: Conference, values: FormValues, errors: FieldErrors, general: string[] = []): string {
    const t = catalogue(lang);
    const p = t.transfer;
    const f = t.fields;
    const body = html`<h1>${p.heading}</h1>
<p class="lead">${c.title}</p>
<p>${p.intro}</p>
${errorSummary(t.personal.problem, errors, general)}
<form method="post" action="/r/${token}/transfer?lang=${lang}" novalidate>
  <p class="hint">${t.form.required}</p>
  ${textField({ name: 'name', label: p.colleagueName, value: values.name, error: errors.name, required: true })}
  ${textField({ name: 'email', label: p.colleagueEmail, type: 'email', value: values.email, error: errors.email, required: true })}
  ${textField({ name: 'phone', label: f.phone, type: 'tel', value: values.phone, error: errors.phone })}
  ${textField({ name: 'organisation', label: f.organisation, value: values.organisation, error: errors.organisation, required: true })}
  ${selectField({ name: 'sector', label: f.sector, value: values.sector, error: errors.sector, required: true, options: SECTORS.map((sec) => ({ value: sec, label: SECTOR_LABELS[sec][lang] })) })}
  <p class="actions"><button type="submit">${p.submit}</button> <a href="/r/${token}?lang=${lang}">${p.back}</a></p>
</form>`;
    return renderPage({ lang, path, title: p.heading, body });
  }

  receipt(lang: Language, path: string, to: Registration, conference: Conference): string {
    const t = catalogue(lang).transfer;
    const body = html`<div class="notice ok" role="status"><h1>${t.receiptHeading}</h1>
<p>${t.receipt(to.name, to.email, conference.title)}</p><p>${t.receiptLinkDead}</p></div>
${conferenceFacts(conference, lang)}`;
    return renderPage({ lang, path, title: t.receiptHeading, body });
  }
}

/** The QR code to show at the door, with the code to read out when scanning fails. */
async function checkInPass(r: Registration, lang: Language): Promise<SafeHtml> {
  const p = catalogue(lang).personal;
  const code = formatCheckInCode(r.checkInCode);
  // The SVG comes from the QR library and encodes only our own code alphabet.
  const svg = unsafeRaw(await qrSvg(r.checkInCode));
  return html`<section id="check-in" aria-labelledby="check-in-heading"><h2 id="check-in-heading">${p.checkIn}</h2>
<p>${p.checkInIntro}</p>
<figure class="qr"><div role="img" aria-label="${p.checkInQr(code)}">${svg}</div><figcaption><strong id="check-in-code">${code}</strong></figcaption></figure>
</section>`;
}

function statusText(r: Registration, waitlistPosition: number | null, lang: Language): string {
  const p = catalogue(lang).personal;
  if (r.status === 'confirmed') return p.confirmed;
  if (r.status === 'waitlisted') return p.waitlisted(waitlistPosition ?? 1);
  if (r.status === 'transferred') return p.transferred;
  return p.cancelled;
}

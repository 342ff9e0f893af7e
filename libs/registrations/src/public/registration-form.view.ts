import type { Conference } from '@dialogdag/conferences';
import { formatDateTime, formatMoney, Language, SECTOR_LABELS, SECTORS } from '@dialogdag/shared';
import { checkboxField, errorSummary, FieldErrors, html, SafeHtml, selectField, textField } from '@dialogdag/web';
import type { ChoiceRound } from '../extensions/registration-extensions';
import { catalogue } from '../i18n';
import { noticeLink } from '../privacy/privacy.view';
import type { RegistrationWindow } from '../registration.rules';
import { FormValues, renderChoiceRounds } from './choice-rounds';

/** What the form depends on besides the conference, decided by the rules and the other libs. */
export interface RegistrationFormContext {
  window: RegistrationWindow;
  full: boolean;
  rounds: ChoiceRound[];
  /** The conference offers book tables: the form asks. */
  bookTables: boolean;
  /** The bot check's hidden fields (honeypot and signed stamp), fresh each time the form is shown. */
  botCheck: SafeHtml;
}

/** What the person sent, when the form comes back with errors. */
export interface RegistrationFormState {
  values: FormValues;
  errors: FieldErrors;
  general: string[];
}

export const emptyFormState = (): RegistrationFormState => ({ values: {}, errors: {}, general: [] });

/** "Register now" above the programme, while registration is open. */
export function registerNowLink(window: RegistrationWindow, lang: Language): SafeHtml {
  return window === 'open' ? html`<p><a class="button" href="#register">${catalogue(lang).form.registerNow}</a></p>` : html``;
}

/** The registration section of the public conference page: the form, or why there is none. */
export function registrationFormSection(c: Conference, lang: Language, ctx: RegistrationFormContext, state: RegistrationFormState): SafeHtml {
  const t = catalogue(lang);
  const f = t.fields;
  const { values, errors } = state;
  const notice =
    ctx.window === 'closed'
      ? html`<div class="notice warn"><p>${t.form.closed}</p></div>`
      : ctx.window === 'not_open_yet'
        ? html`<div class="notice"><p>${t.form.notOpen}</p></div>`
        : null;
  return html`<h2 id="register">${t.form.register}</h2>
${notice ?? html`
${ctx.full ? html`<div class="notice warn"><p>${t.form.full}</p></div>` : ''}
<p>${t.form.binding(formatDateTime(c.cancellationDeadline, lang), formatMoney(c.cancellationFee, lang))}</p>
${errorSummary(t.form.problem, errors, state.general)}
<form method="post" action="/c/${c.slug}?lang=${lang}" novalidate>
  <p class="hint">${t.form.required}</p>
  ${textField({ name: 'name', label: f.name, value: values.name, error: errors.name, required: true, autocomplete: 'name' })}
  ${textField({ name: 'email', label: f.email, type: 'email', value: values.email, error: errors.email, required: true, autocomplete: 'email' })}
  ${textField({ name: 'phone', label: f.phone, type: 'tel', value: values.phone, error: errors.phone, autocomplete: 'tel' })}
  ${textField({ name: 'organisation', label: f.organisation, value: values.organisation, error: errors.organisation, required: true, autocomplete: 'organization', hint: f.organisationHint })}
  ${selectField({ name: 'sector', label: f.sector, value: values.sector, error: errors.sector, required: true, options: SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s][lang] })) })}
  ${checkboxField({ name: 'isPolitician', label: f.isPolitician, checked: values.isPolitician === 'true' })}
  ${textField({ name: 'politicalParty', label: f.politicalParty, value: values.politicalParty, error: errors.politicalParty })}
  ${checkboxField({ name: 'isVolunteer', label: f.isVolunteer, hint: f.isVolunteerHint, checked: values.isVolunteer === 'true' })}
  ${textField({ name: 'diet', label: f.diet, hint: f.dietHint, value: values.diet, error: errors.diet })}
  ${checkboxField({ name: 'dietConsent', label: f.dietConsent, checked: values.dietConsent === 'true', error: errors.dietConsent })}
  ${renderChoiceRounds(ctx.rounds, values, errors, t.choices)}
  ${ctx.bookTables ? bookTableFields(lang, values, errors) : ''}
  ${ctx.botCheck}
  <p class="actions"><button type="submit">${t.form.submit}</button> ${noticeLink(c, lang)}</p>
</form>`}`;
}

function bookTableFields(lang: Language, values: FormValues, errors: FieldErrors): SafeHtml {
  const f = catalogue(lang).fields;
  return html`${checkboxField({ name: 'bookTable', label: f.bookTable, hint: f.bookTableHint, checked: values.bookTable === 'true', error: errors.bookTable })}
  ${textField({ name: 'bookTableDescription', label: f.bookTableDescription, hint: f.bookTableDescriptionHint, value: values.bookTableDescription, error: errors.bookTableDescription })}`;
}

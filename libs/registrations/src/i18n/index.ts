import { DomainError, formatClock, formatMoney, httpStatusFor, Language } from '@dialogdag/shared';
import type { FieldErrors } from '@dialogdag/web';
import { AlreadyCheckedIn, FeeChanged, REGISTRATION_ERROR_CODES, RegistrationErrorCode } from '../registration.errors';
import { en } from './en';
import { sv } from './sv';

export type Catalogue = typeof en;

const CATALOGUES: Record<Language, Catalogue> = { sv, en };

export function catalogue(lang: Language): Catalogue {
  return CATALOGUES[lang];
}

// Every error code has a text: a code added without one fails the type-check here.
type Untranslated = Exclude<RegistrationErrorCode, keyof Catalogue['errors']>;
const everyCodeTranslated: [Untranslated] extends [never] ? true : Untranslated = true;
void everyCodeTranslated;

const isRegistrationErrorCode = (code: string): code is RegistrationErrorCode => (REGISTRATION_ERROR_CODES as readonly string[]).includes(code);

/** The sentence to show for a refusal, in the page's language; codes of other libs keep their own message. */
export function errorText(error: DomainError, lang: Language, audience: 'participant' | 'organiser' = 'participant'): string {
  const t = catalogue(lang);
  if (error instanceof FeeChanged) return t.errors.fee_changed(formatMoney(error.fee, lang));
  if (error instanceof AlreadyCheckedIn) return t.errors.already_checked_in(formatClock(error.at));
  if (!isRegistrationErrorCode(error.code)) return error.message;
  const own = audience === 'organiser' ? (t.organiserErrors as Partial<Record<RegistrationErrorCode, string>>)[error.code] : undefined;
  const text = own ?? t.errors[error.code];
  return typeof text === 'string' ? text : error.message;
}

/** Form fields' errors in the page's language; a field without a text keeps the validator's message. */
export function localiseFieldErrors(errors: FieldErrors, texts: Readonly<Record<string, string>>): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, texts[field] ?? message]));
}

/** Pages answer a refusal with the status the API gives the same error. */
export const statusOf = (error: DomainError) => httpStatusFor(error.category);

/** A form sent back with errors in its fields is invalid input, whoever found the errors. */
export const FORM_ERRORS_STATUS = httpStatusFor('invalid');

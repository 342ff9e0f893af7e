import { DomainError, ErrorCategory, inEveryLanguage } from '@dialogdag/shared';
import { AUTH_TEXTS } from './auth.texts';

type Errors = (typeof AUTH_TEXTS)['sv']['errors'];

// The English sentence is the API's message; pages show the reader's language.
const error = (code: string, category: ErrorCategory, key: keyof Errors, field?: string) => {
  const texts = inEveryLanguage(AUTH_TEXTS, (t) => t.errors[key]);
  return new DomainError(code, category, texts.en, field, texts);
};

export const notAuthenticated = () => error('not_authenticated', 'unauthenticated', 'notAuthenticated');
export const wrongCredentials = () => error('wrong_credentials', 'unauthenticated', 'wrongCredentials');
export const badCsrfToken = () => error('bad_csrf_token', 'forbidden', 'badCsrfToken');
export const organiserExists = () => error('organiser_exists', 'conflict', 'organiserExists', 'email');
export const apiTokenNotFound = () => error('api_token_not_found', 'not_found', 'apiTokenNotFound');

import { DomainError, ErrorCategory, inEveryLanguage } from '@dialogdag/shared';
import { AUTH_TEXTS } from './auth.texts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PasswordProblem } from './password/password.rules';

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
/** A member whose role lacks the route's permission. */
export const notPermitted = () => error('not_permitted', 'forbidden', 'notPermitted');
export const platformAdminOnly = () => error('platform_admin_only', 'forbidden', 'platformAdminOnly');
/** Not a member, or no such conference: the same 404, so outsiders cannot probe which conferences exist. */
export const noSuchConference = () => error('conference_not_found', 'not_found', 'noSuchConference');
/** Never reached while the start-up check holds: a route without an access declaration is denied. */
export const routeNotDeclared = () => error('route_not_declared', 'forbidden', 'routeNotDeclared');
export const crossOriginRequest = () =>
  new DomainError('cross_origin_request', 'forbidden', 'This request did not come from a Dialogdag page. Reload the page and try again.');
export const tooManyLoginAttempts = () =>
  new DomainError('too_many_login_attempts', 'too_many_requests', 'Too many log-in attempts. Wait a while and try again.');

const WEAK_PASSWORD: Record<PasswordProblem, string> = {
  too_short: `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`,
  too_long: `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`,
  common: 'That password is among the most common ones. Choose another, e.g. a few unrelated words.',
  personal: 'The password must be more than your e-mail address or the name of the site.',
};
export const weakPassword = (problem: PasswordProblem) => new DomainError(`password_${problem}`, 'invalid', WEAK_PASSWORD[problem], 'password');

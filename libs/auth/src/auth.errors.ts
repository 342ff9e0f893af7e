import { DomainError } from '@dialogdag/shared';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PasswordProblem } from './password/password.rules';

export const notAuthenticated = () =>
  new DomainError('not_authenticated', 'unauthenticated', 'Log in or send an API token to use this route.');
export const wrongCredentials = () =>
  new DomainError('wrong_credentials', 'unauthenticated', 'The e-mail address or password is wrong.');
export const badCsrfToken = () =>
  new DomainError('bad_csrf_token', 'forbidden', 'The form has expired. Reload the page and try again.');
export const organiserExists = () =>
  new DomainError('organiser_exists', 'conflict', 'An organiser with that e-mail address already exists.', 'email');
export const apiTokenNotFound = () => new DomainError('api_token_not_found', 'not_found', 'No such API token.');
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

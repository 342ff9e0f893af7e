import { DomainError } from '@dialogdag/shared';

export const notAuthenticated = () =>
  new DomainError('not_authenticated', 'unauthenticated', 'Log in or send an API token to use this route.');
export const wrongCredentials = () =>
  new DomainError('wrong_credentials', 'unauthenticated', 'The e-mail address or password is wrong.');
export const badCsrfToken = () =>
  new DomainError('bad_csrf_token', 'forbidden', 'The form has expired. Reload the page and try again.');
export const organiserExists = () =>
  new DomainError('organiser_exists', 'conflict', 'An organiser with that e-mail address already exists.', 'email');
export const apiTokenNotFound = () => new DomainError('api_token_not_found', 'not_found', 'No such API token.');

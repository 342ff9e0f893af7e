import type { CatalogueShape, Texts } from '@dialogdag/web';

const sv = {
  page: {
    title: 'Logga in som arrangör', email: 'E-postadress', password: 'Lösenord', submit: 'Logga in', problem: 'Det gick inte att logga in',
    account: 'Ditt konto', tokens: 'API-nycklar', tokenName: 'Namn på nyckeln', createToken: 'Skapa API-nyckel',
    newToken: 'Kopiera nyckeln nu – den visas bara en gång:', noTokens: 'Inga API-nycklar ännu.', lastUsed: 'Senast använd', never: 'aldrig',
  },
  errors: {
    notAuthenticated: 'Logga in för att fortsätta.',
    wrongCredentials: 'Fel e-postadress eller lösenord.',
    badCsrfToken: 'Formuläret har gått ut. Ladda om sidan och försök igen.',
    organiserExists: 'Det finns redan en arrangör med den e-postadressen.',
    apiTokenNotFound: 'API-nyckeln finns inte.',
    notPermitted: 'Din roll i konferensen ger inte tillgång till det här.',
    platformAdminOnly: 'Bara en administratör för tjänsten kan göra det här.',
    noSuchConference: 'Konferensen finns inte, eller så är du inte med och arrangerar den.',
    routeNotDeclared: 'Den här adressen är inte öppnad för någon.',
  },
} as const;

const en: CatalogueShape<typeof sv> = {
  page: {
    title: 'Organiser log in', email: 'E-mail address', password: 'Password', submit: 'Log in', problem: 'Could not log in',
    account: 'Your account', tokens: 'API tokens', tokenName: 'Token name', createToken: 'Create API token',
    newToken: 'Copy the token now – it is shown only once:', noTokens: 'No API tokens yet.', lastUsed: 'Last used', never: 'never',
  },
  errors: {
    notAuthenticated: 'Log in or send an API token to use this route.',
    wrongCredentials: 'The e-mail address or password is wrong.',
    badCsrfToken: 'The form has expired. Reload the page and try again.',
    organiserExists: 'An organiser with that e-mail address already exists.',
    apiTokenNotFound: 'No such API token.',
    notPermitted: 'Your role in this conference does not allow this.',
    platformAdminOnly: 'Only a platform administrator can do this.',
    noSuchConference: 'No such conference, or you do not take part in running it.',
    routeNotDeclared: 'This route is not open to anyone.',
  },
};

export const AUTH_TEXTS: Texts<CatalogueShape<typeof sv>> = { sv, en };

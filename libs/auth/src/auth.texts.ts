import type { CatalogueShape, Texts } from '@dialogdag/web';

const sv = {
  page: {
    title: 'Logga in som arrangör', email: 'E-postadress', password: 'Lösenord', submit: 'Logga in',
    failed: 'Fel e-postadress eller lösenord.', problem: 'Det gick inte att logga in',
    account: 'Ditt konto', tokens: 'API-nycklar', tokenName: 'Namn på nyckeln', createToken: 'Skapa API-nyckel',
    newToken: 'Kopiera nyckeln nu – den visas bara en gång:', noTokens: 'Inga API-nycklar ännu.', lastUsed: 'Senast använd', never: 'aldrig',
    throttled: 'För många inloggningsförsök. Vänta en stund och försök igen.', expired: 'Formuläret har gått ut. Försök igen.',
    forgot: 'Glömt lösenordet?', revoke: 'Återkalla', sessions: 'Inloggningar',
    sessionsHint: 'Logga ut överallt avslutar alla inloggningar på alla enheter, också den här.', logoutEverywhere: 'Logga ut överallt',
  },
  accounts: {
    title: 'Arrangörskonton', link: 'Skapa arrangörskonton',
    intro: 'Som administratör för tjänsten kan du skapa konton. Andra får konto genom att bjudas in till en konferens.',
    email: 'E-postadress', name: 'Namn', password: 'Lösenord', passwordHint: 'Minst 12 tecken, inte ett vanligt lösenord. Berätta det för personen på ett säkert sätt.',
    create: 'Skapa konto', created: (email: string) => `Kontot för ${email} är skapat.`, problem: 'Rätta följande',
    invalidEmail: 'Skriv en e-postadress, t.ex. namn@exempel.se.', invalidName: 'Skriv ett namn, högst 200 tecken.',
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
    title: 'Organiser log in', email: 'E-mail address', password: 'Password', submit: 'Log in',
    failed: 'Wrong e-mail address or password.', problem: 'Could not log in',
    account: 'Your account', tokens: 'API tokens', tokenName: 'Token name', createToken: 'Create API token',
    newToken: 'Copy the token now – it is shown only once:', noTokens: 'No API tokens yet.', lastUsed: 'Last used', never: 'never',
    throttled: 'Too many log-in attempts. Wait a while and try again.', expired: 'The form has expired. Please try again.',
    forgot: 'Forgot your password?', revoke: 'Revoke', sessions: 'Sessions',
    sessionsHint: 'Log out everywhere ends every session on every device, this one included.', logoutEverywhere: 'Log out everywhere',
  },
  accounts: {
    title: 'Organiser accounts', link: 'Create organiser accounts',
    intro: 'As a platform administrator you can create accounts. Others get an account by being invited to a conference.',
    email: 'E-mail address', name: 'Name', password: 'Password', passwordHint: 'At least 12 characters, not a common password. Tell it to the person in a safe way.',
    create: 'Create account', created: (email: string) => `The account for ${email} has been created.`, problem: 'Please correct the following',
    invalidEmail: 'Enter an e-mail address, e.g. name@example.org.', invalidName: 'Enter a name, at most 200 characters.',
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

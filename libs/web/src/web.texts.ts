import type { CatalogueShape, Texts } from './language';

/** The page chrome and the error page, in one catalogue per language. */
const sv = {
  chrome: {
    skip: 'Hoppa till innehållet',
    otherLanguage: 'English',
    logout: 'Logga ut',
    conferences: 'Konferenser',
    account: 'Konto',
    organiserMenu: 'Arrangörsmeny',
  },
  errorPage: {
    notFound: 'Sidan finns inte',
    notAllowed: 'Det här får du inte göra',
    invalid: 'Något stämmer inte med det som skickades',
    conflict: 'Det gick inte att genomföra',
    tooMany: 'För många försök',
    tooLarge: 'Det som skickades är för stort',
    failed: 'Något gick fel',
    notFoundText: 'Adressen leder inte till någon sida. Kontrollera länken.',
    notAllowedText: 'Du har inte behörighet till det här.',
    invalidText: 'Gå tillbaka och kontrollera uppgifterna.',
    tooManyText: 'Vänta en stund och försök igen.',
    tooLargeText: 'Skicka mindre på en gång.',
    failedText: 'Det blev fel hos oss. Försök igen om en stund.',
    home: 'Till startsidan',
  },
} as const;

const en: CatalogueShape<typeof sv> = {
  chrome: {
    skip: 'Skip to content',
    otherLanguage: 'Svenska',
    logout: 'Log out',
    conferences: 'Conferences',
    account: 'Account',
    organiserMenu: 'Organiser menu',
  },
  errorPage: {
    notFound: 'Page not found',
    notAllowed: 'You may not do this',
    invalid: 'Something is wrong with what was sent',
    conflict: 'This could not be done',
    tooMany: 'Too many attempts',
    tooLarge: 'What was sent is too large',
    failed: 'Something went wrong',
    notFoundText: 'This address leads to no page. Please check the link.',
    notAllowedText: 'You do not have access to this.',
    invalidText: 'Please go back and check what you entered.',
    tooManyText: 'Please wait a moment and try again.',
    tooLargeText: 'Please send less at a time.',
    failedText: 'Something went wrong on our side. Please try again in a moment.',
    home: 'To the start page',
  },
};

export const WEB_TEXTS: Texts<CatalogueShape<typeof sv>> = { sv, en };

/** The error page's heading and its sentence for an HTTP status, when the error itself has no text to show. */
export function errorPageTexts(status: number, lang: keyof typeof WEB_TEXTS): { title: string; text: string } {
  const t = WEB_TEXTS[lang].errorPage;
  if (status === 404) return { title: t.notFound, text: t.notFoundText };
  if (status === 401 || status === 403) return { title: t.notAllowed, text: t.notAllowedText };
  if (status === 409) return { title: t.conflict, text: t.invalidText };
  if (status === 413) return { title: t.tooLarge, text: t.tooLargeText };
  if (status === 429) return { title: t.tooMany, text: t.tooManyText };
  if (status >= 400 && status < 500) return { title: t.invalid, text: t.invalidText };
  return { title: t.failed, text: t.failedText };
}

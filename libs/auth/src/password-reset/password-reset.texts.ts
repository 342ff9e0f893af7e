import type { Texts } from '@dialogdag/web';

export const RESET_TEXTS: Texts<{
  subject: string; greeting: string; body: string; link: string; ignore: string; signature: string;
  title: string; email: string; send: string; sent: string; newTitle: string; password: string; passwordHint: string; save: string;
  invalid: string; problem: string; done: string; throttled: string;
}> = {
  sv: {
    subject: 'Återställ ditt lösenord i Dialogdag', greeting: 'Hej!',
    body: 'Någon (förhoppningsvis du) bad om att få välja ett nytt lösenord till ditt arrangörskonto. Länken gäller i en timme och kan användas en gång.',
    link: 'Välj ett nytt lösenord', ignore: 'Bad du inte om det? Då kan du bortse från det här e-brevet; lösenordet är oförändrat.', signature: '/Dialogdag',
    title: 'Glömt lösenordet', email: 'E-postadress', send: 'Skicka länk',
    sent: 'Om det finns ett konto med den adressen har vi skickat en länk dit. Den gäller i en timme.',
    newTitle: 'Välj ett nytt lösenord', password: 'Nytt lösenord', passwordHint: 'Minst 12 tecken, gärna några ord som inte hör ihop.', save: 'Spara lösenordet',
    invalid: 'Länken är ogiltig, redan använd eller för gammal. Be om en ny.', problem: 'Det gick inte att spara lösenordet',
    done: 'Lösenordet är bytt. Logga in med det nya.', throttled: 'För många försök. Vänta en stund och försök igen.',
  },
  en: {
    subject: 'Reset your Dialogdag password', greeting: 'Hello,',
    body: 'Someone (hopefully you) asked to choose a new password for your organiser account. The link works for one hour, once.',
    link: 'Choose a new password', ignore: 'Did not ask for this? Then ignore this e-mail; your password is unchanged.', signature: '/Dialogdag',
    title: 'Forgot your password', email: 'E-mail address', send: 'Send link',
    sent: 'If there is an account with that address, we have sent a link to it. It works for one hour.',
    newTitle: 'Choose a new password', password: 'New password', passwordHint: 'At least 12 characters; a few unrelated words work well.', save: 'Save password',
    invalid: 'The link is invalid, already used or too old. Ask for a new one.', problem: 'Could not save the password',
    done: 'Your password has been changed. Log in with the new one.', throttled: 'Too many attempts. Wait a while and try again.',
  },
};

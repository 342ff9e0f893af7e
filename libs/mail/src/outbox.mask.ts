/**
 * The addresses whose path carries a secret the app issued (a token stored only as its hash): personal
 * links (`/r/<token>` and the pages under it, such as `/r/<token>/travel-claim`), note-taker links
 * (`/n/<token>`), password-reset links and the personal link's JSON twin. Whoever holds one acts as its
 * owner, so only the recipient may ever see it. Not invitations to a conference's team (`/invitations/…`):
 * the conference's owners, who send them, may read those (and only they see that mail at all).
 */
const TOKEN_LINK = /(\/(?:r|n|admin\/password-reset|api\/public\/registrations)\/)[A-Za-z0-9_-]{16,}/g;

/** What stands where a token was: the reader still sees that the e-mail carried a personal link. */
export const MASK = '••••••';

/** The text with every personal link's token replaced by MASK; what organisers read of an e-mail. */
export function maskPersonalLinks(text: string): string {
  return text.replace(TOKEN_LINK, `$1${MASK}`);
}

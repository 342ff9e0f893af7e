export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'personal';

/** Words anyone guessing would try first against this site's accounts. */
const SITE_WORDS = ['dialogdag', 'dialogkonferens'];

/** The password with a trailing run of digits and symbols taken off: `summer2024!` → `summer`. */
export function withoutTrailingPadding(lower: string): string {
  return lower.replace(/[\d\W_]+$/u, '');
}

/** `aaaaaaaaaaaa`, `abcabcabcabc`, `121212121212`: one short unit repeated. */
function isRepetition(lower: string): boolean {
  return /^(.{1,4})\1+$/su.test(lower);
}

/**
 * What is wrong with a new password, or null (ASVS 6.2: at least 12 characters, at most 200, not a common
 * password, not just the e-mail address or the site’s name). Length counts characters, not UTF-16 units.
 * `isCommon` answers for a lower-cased candidate.
 */
export function passwordProblem(password: string, context: { email?: string }, isCommon: (lowerCased: string) => boolean): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  const base = withoutTrailingPadding(lower);
  if (isCommon(lower) || (base.length >= 3 && isCommon(base)) || isRepetition(lower)) return 'common';
  // Only what is little more than the account's own name or the site's: a passphrase may mention either.
  const email = (context.email ?? '').trim().toLowerCase();
  const local = email.split('@')[0];
  const core = base.replace(/^[\d\W_]+/u, '');
  if ((email !== '' && lower.includes(email)) || [...SITE_WORDS, local].includes(core)) return 'personal';
  return null;
}

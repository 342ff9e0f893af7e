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
 * password, nothing taken from the account or the site). Length counts characters, not UTF-16 units.
 * `isCommon` answers for a lower-cased candidate.
 */
export function passwordProblem(password: string, context: { email?: string }, isCommon: (lowerCased: string) => boolean): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  const base = withoutTrailingPadding(lower);
  if (isCommon(lower) || (base.length >= 3 && isCommon(base)) || isRepetition(lower)) return 'common';
  const local = (context.email ?? '').split('@')[0].toLowerCase();
  const personal = [...SITE_WORDS, ...(local.length >= 4 ? [local] : [])];
  if (personal.some((word) => lower.includes(word))) return 'personal';
  return null;
}

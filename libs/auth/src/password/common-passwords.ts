import list from './common-passwords.json';

/** The 10,000 most common passwords (source and licence in the JSON file), lower-cased. */
const COMMON = new Set<string>(list.passwords);

export function isCommonPassword(lowerCased: string): boolean {
  return COMMON.has(lowerCased);
}

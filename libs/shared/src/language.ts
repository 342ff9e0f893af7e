export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return value === 'sv' || value === 'en';
}

/** One text picked from a catalogue in every language, e.g. an error's sentence. */
export function inEveryLanguage<T>(catalogue: Readonly<Record<Language, T>>, pick: (texts: T) => string): Readonly<Record<Language, string>> {
  return { sv: pick(catalogue.sv), en: pick(catalogue.en) };
}

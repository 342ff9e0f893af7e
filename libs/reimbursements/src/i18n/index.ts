import type { Language } from '@dialogdag/shared';
import { en } from './en';
import { sv } from './sv';

export type Catalogue = typeof en;

const CATALOGUES: Record<Language, Catalogue> = { sv, en };

export function texts(lang: Language): Catalogue {
  return CATALOGUES[lang];
}

/** The same text in both languages, for refusals that the API answers in English and pages in the reader's language. */
export function bothLanguages(pick: (t: Catalogue, lang: Language) => string): Record<Language, string> {
  return { sv: pick(sv, 'sv'), en: pick(en, 'en') };
}

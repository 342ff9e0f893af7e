/** Money is always an integer number of öre (1 SEK = 100 öre). */
export type Ore = number;

export function isOre(value: unknown): value is Ore {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function sekToOre(sek: number): Ore {
  return Math.round(sek * 100);
}

const KRONOR = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d{1,2}))?$/;

/**
 * An amount in kronor as people type it ("400", "12,50", "12.5", "1 200") in öre, or null when it is not one:
 * no sign, at most two decimals, spaces only as thousands separators. Counted in whole numbers, never floats.
 */
export function parseKronor(text: string): Ore | null {
  const match = KRONOR.exec(text.trim());
  if (!match) return null;
  const kronor = Number(match[1].replace(/[ \u00a0\u202f]/g, ''));
  const ore = kronor * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(ore) ? ore : null;
}

/** Öre as a form field shows them in kronor: "400", "12,50" (Swedish) or "12.50" (English). */
export function kronorInput(amount: Ore, lang: 'sv' | 'en'): string {
  const kronor = Math.trunc(amount / 100);
  const ore = amount % 100;
  return ore === 0 ? String(kronor) : `${kronor}${lang === 'sv' ? ',' : '.'}${String(ore).padStart(2, '0')}`;
}

/**
 * Building an Intl.NumberFormat costs tens of microseconds, formatting with one well under one; every
 * registration e-mail formats a fee, so the four formatters (two languages, with and without öre) are kept.
 */
const MONEY_FORMATS = new Map<string, Intl.NumberFormat>();

function moneyFormat(lang: 'sv' | 'en', digits: 0 | 2): Intl.NumberFormat {
  const key = `${lang}${digits}`;
  let format = MONEY_FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    MONEY_FORMATS.set(key, format);
  }
  return format;
}

/** "400 kr" / "SEK 400"; öre are shown only when there are any. */
export function formatMoney(amount: Ore, lang: 'sv' | 'en'): string {
  const kronor = amount / 100;
  const number = moneyFormat(lang, Number.isInteger(kronor) ? 0 : 2).format(kronor);
  return lang === 'sv' ? `${number} kr` : `SEK ${number}`;
}

/** Money is always an integer number of öre (1 SEK = 100 öre). */
export type Ore = number;

export function isOre(value: unknown): value is Ore {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function sekToOre(sek: number): Ore {
  return Math.round(sek * 100);
}

/** "400 kr" / "SEK 400"; öre are shown only when there are any. */
export function formatMoney(amount: Ore, lang: 'sv' | 'en'): string {
  const kronor = amount / 100;
  const digits = Number.isInteger(kronor) ? 0 : 2;
  const number = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(kronor);
  return lang === 'sv' ? `${number} kr` : `SEK ${number}`;
}

import { stringify } from 'csv-stringify/sync';

/**
 * CSV for Swedish Excel: UTF-8 with a byte-order mark (so å, ä, ö survive), `;` as the
 * separator (the Swedish list separator), CRLF line ends. Text that a spreadsheet would
 * read as a formula is prefixed with `'` (CSV/formula injection, OWASP).
 */
export type CsvValue = string | number | boolean | null | undefined;

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

const OPTIONS = {
  delimiter: CSV_SEPARATOR,
  record_delimiter: 'windows' as const,
  escape_formulas: true,
  // Excel drops unquoted leading and trailing spaces, splits at line breaks, and reads a comma as a separator in other locales.
  quoted_match: /^\s|\s$|[,\r\n]/,
  cast: { boolean: (value: boolean) => (value ? 'ja' : 'nej') },
};

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return stringify([header, ...rows], { ...OPTIONS, bom: true });
}

/** One cell as it appears between separators. */
export function csvCell(value: CsvValue): string {
  return stringify([[value]], OPTIONS).replace(/\r\n$/, '');
}

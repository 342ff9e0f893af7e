import { stockholmDateInput } from '@dialogdag/shared';

const DAY_MS = 86_400_000;

/** Adds days to a YYYY-MM-DD calendar date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Payee details of a claim paid on or before this date are due for erasure: the retention
 * period counts whole days from the payment date (paid 1 November, 90 days: erased from 30 January).
 */
export function erasureCutoff(now: Date, retentionDays: number): string {
  return addDays(stockholmDateInput(now), -retentionDays);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A payment date: today in Stockholm when not given; 'invalid' or 'future' when it cannot be one. */
export function paymentDate(text: string | null | undefined, now: Date): string | 'invalid' | 'future' {
  const today = stockholmDateInput(now);
  if (text === undefined || text === null || text.trim() === '') return today;
  const value = text.trim();
  if (!DATE.test(value) || addDays(value, 0) !== value) return 'invalid';
  return value > today ? 'future' : value;
}

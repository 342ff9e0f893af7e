import type { Ore } from '@dialogdag/shared';

const KRONOR = /^(\d{1,9})(?:[.,](\d{1,2}))?$/;

/**
 * Kronor as people type them ("450", "450,50", "1 234.5", "450 kr") into whole öre;
 * null for anything else, negative amounts included.
 */
export function parseKronor(text: string): Ore | null {
  const compact = text.replace(/\s|\u00a0|kr$|sek$/gi, '').replace(/^sek/i, '');
  const match = KRONOR.exec(compact);
  if (!match) return null;
  const [, whole, fraction = ''] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Öre as a form field shows them: "450" or "450,50" (Swedish decimal comma, which parseKronor reads back). */
export function kronorInput(amount: Ore | null | undefined): string {
  if (amount === null || amount === undefined) return '';
  const whole = Math.floor(amount / 100);
  const fraction = amount % 100;
  return fraction === 0 ? String(whole) : `${whole},${String(fraction).padStart(2, '0')}`;
}

/** Kronor with two decimals and a decimal comma, for the Swedish payment list: 60000 → "600,00". */
export function kronorWithDecimals(amount: Ore): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

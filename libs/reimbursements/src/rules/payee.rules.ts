import type { FieldProblem, Language } from '@dialogdag/shared';
import { texts } from '../i18n';

/** Where the money goes; kept only encrypted, erased after payment and the retention period. */
export type PayeeDetails =
  | { method: 'bank_account'; clearingNumber: string; accountNumber: string }
  | { method: 'bankgiro'; bankgiro: string };

export interface PayeeInput {
  name?: string | null;
  clearingNumber?: string | null;
  accountNumber?: string | null;
  bankgiro?: string | null;
}

export type PayeeResult = { ok: true; name: string; details: PayeeDetails } | { ok: false; problems: FieldProblem[] };

/** Spaces, dashes and dots are how people group digits; they carry no meaning. */
const digitsOf = (text: string | null | undefined) => (text ?? '').replace(/[\s.\u2010-\u2015-]/g, '');

/** Luhn (modulus 10), which Bankgiro numbers use for their last digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Reads payee details: a bank account (clearing number of 4 or 5 digits, account number of 5–12)
 * or a Bankgiro number (7 or 8 digits, Luhn-checked), never both. The payee's name defaults to
 * the claimant's. Problems never repeat the numbers given, so they are safe to show and log.
 */
export function parsePayee(input: PayeeInput, defaultName: string, lang: Language): PayeeResult {
  const t = texts(lang).fields;
  const problems: FieldProblem[] = [];
  const name = (input.name ?? '').trim() || defaultName.trim();
  if (!name || name.length > 200) problems.push({ field: 'payee.name', message: t.payeeName });
  const clearing = digitsOf(input.clearingNumber);
  const account = digitsOf(input.accountNumber);
  const bankgiro = digitsOf(input.bankgiro);
  const wantsAccount = clearing !== '' || account !== '';
  if (wantsAccount === (bankgiro !== '')) {
    problems.push({ field: 'payee.method', message: t.payeeMethod });
    return { ok: false, problems };
  }
  if (bankgiro) {
    if (!/^\d{7,8}$/.test(bankgiro) || !luhnValid(bankgiro)) problems.push({ field: 'payee.bankgiro', message: t.bankgiro });
    return problems.length ? { ok: false, problems } : { ok: true, name, details: { method: 'bankgiro', bankgiro } };
  }
  if (!/^\d{4,5}$/.test(clearing)) problems.push({ field: 'payee.clearingNumber', message: t.clearingNumber });
  if (!/^\d{5,12}$/.test(account)) problems.push({ field: 'payee.accountNumber', message: t.accountNumber });
  return problems.length
    ? { ok: false, problems }
    : { ok: true, name, details: { method: 'bank_account', clearingNumber: clearing, accountNumber: account } };
}

/** "123-4567" style for a Bankgiro number; accounts as clearing, account. */
export function formatBankgiro(bankgiro: string): string {
  return `${bankgiro.slice(0, -4)}-${bankgiro.slice(-4)}`;
}

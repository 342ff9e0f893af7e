import { Workbook } from 'exceljs';
import { toCsv } from '@dialogdag/registrations';
import type { Language } from '@dialogdag/shared';
import { texts } from '../i18n';
import { kronorWithDecimals } from '../rules/money-input.rules';
import type { PayeeDetails } from '../rules/payee.rules';

export interface PaymentRow {
  reference: string;
  payee: string;
  organisation: string;
  /** null: not given yet, or no longer readable with the current key. */
  details: PayeeDetails | null;
  detailsUnreadable: boolean;
  /** Öre. */
  amount: number;
}

function cells(row: PaymentRow, lang: Language) {
  const t = texts(lang).exports;
  const d = row.details;
  return {
    method: d ? (d.method === 'bankgiro' ? t.bankgiro : t.bankAccount) : '',
    clearingNumber: d?.method === 'bank_account' ? d.clearingNumber : '',
    accountNumber: d?.method === 'bank_account' ? d.accountNumber : '',
    bankgiro: d?.method === 'bankgiro' ? d.bankgiro : '',
    note: row.detailsUnreadable ? t.payeeUnreadable : d ? '' : t.payeeMissing,
  };
}

const header = (lang: Language) => {
  const t = texts(lang).exports;
  return [t.reference, t.payee, t.organisation, t.method, t.clearingNumber, t.accountNumber, t.bankgiro, t.amount, t.note];
};

/** CSV as the participant list writes it (BOM, `;`, CRLF, formulas neutralised); kronor with two decimals and a decimal comma. */
export function paymentListCsv(rows: PaymentRow[], lang: Language): string {
  return toCsv(
    header(lang),
    rows.map((row) => {
      const c = cells(row, lang);
      return [row.reference, row.payee, row.organisation, c.method, c.clearingNumber, c.accountNumber, c.bankgiro, kronorWithDecimals(row.amount), c.note];
    }),
  );
}

/** The same list as a workbook: amounts are numbers in kronor shown with two decimals, account numbers text (leading zeros stay). */
export async function paymentListXlsx(rows: PaymentRow[], lang: Language): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Dialogdag';
  const sheet = workbook.addWorksheet(texts(lang).exports.sheet);
  const widths = [12, 28, 32, 14, 16, 18, 14, 14, 30];
  sheet.columns = header(lang).map((title, i) => ({ header: title, width: widths[i] }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const c = cells(row, lang);
    // Text is written as text: a cell is a formula only when given as one, so "=…" in a name stays inert.
    const text = (value: string) => value || null;
    sheet.addRow([row.reference, row.payee, row.organisation, text(c.method), text(c.clearingNumber), text(c.accountNumber), text(c.bankgiro), row.amount / 100, text(c.note)]);
  }
  sheet.getColumn(8).numFmt = '#,##0.00';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

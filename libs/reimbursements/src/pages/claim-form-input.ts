import type { FieldErrors } from '@dialogdag/web';
import type { Language } from '@dialogdag/shared';
import type { ClaimRequest } from '../claimant/claim-request';
import { texts } from '../i18n';
import { fieldList, fieldText, FormFields } from '../multipart-form';
import { parseKm } from '../rules/claim-input.rules';
import { parseKronor } from '../rules/money-input.rules';
import type { TravelMode } from '../rules/travel-policy';

export type ClaimFormValues = Record<string, string | string[] | undefined>;

/** Where a rule's problem shows on the page: payee problems name `payee.x`, the page's fields are flat. */
export const PAGE_FIELD: Record<string, string> = {
  'payee.name': 'payeeName',
  'payee.method': 'clearingNumber',
  'payee.clearingNumber': 'clearingNumber',
  'payee.accountNumber': 'accountNumber',
  'payee.bankgiro': 'bankgiro',
  expectedAmount: 'fromPlace',
};

/**
 * Reads the claim page's form into a claim request: kronor into öre, km with a decimal comma.
 * Fields that belong to the other mode are dropped, so a switch of mode needs no clearing.
 */
export function claimRequestFromForm(fields: FormFields, lang: Language): { request: ClaimRequest; errors: FieldErrors } {
  const t = texts(lang).fields;
  const errors: FieldErrors = {};
  const mode = fieldText(fields, 'mode') as TravelMode;
  if (mode !== 'car' && mode !== 'public_transport') errors.mode = t.mode;
  const fromPlace = fieldText(fields, 'fromPlace');
  if (!fromPlace || fromPlace.length > 200) errors.fromPlace = t.fromPlace;
  const km = parseKm(fieldText(fields, 'roundTripKm'));
  if (km === null || km <= 0) errors.roundTripKm = t.roundTripKm;
  const money = (name: string, message: string): number | null => {
    const text = fieldText(fields, name);
    if (!text) return null;
    const amount = parseKronor(text);
    if (amount === null) errors[name] = message;
    return amount;
  };
  const ticketCost = mode === 'public_transport' ? money('ticketCost', t.ticketCost) : null;
  const lostEarnings = money('lostEarnings', t.lostEarnings) ?? 0;
  const expected = fieldText(fields, 'expectedAmount');
  return {
    request: {
      input: {
        fromPlace,
        roundTripKm: km ?? 0,
        mode: mode === 'public_transport' ? 'public_transport' : 'car',
        passengers: mode === 'car' ? [...new Set(fieldList(fields, 'passengers'))] : [],
        ticketCost,
        lostEarnings,
        lostEarningsDescription: fieldText(fields, 'lostEarningsDescription').slice(0, 500) || null,
      },
      payee: {
        name: fieldText(fields, 'payeeName'),
        clearingNumber: fieldText(fields, 'clearingNumber'),
        accountNumber: fieldText(fields, 'accountNumber'),
        bankgiro: fieldText(fields, 'bankgiro'),
      },
      expectedAmount: /^\d{1,12}$/.test(expected) ? Number(expected) : undefined,
    },
    errors,
  };
}

/** What the form shows again after a round trip: what was typed, never a file. */
export function formValuesOf(fields: FormFields): ClaimFormValues {
  const values: ClaimFormValues = {};
  for (const name of ['fromPlace', 'roundTripKm', 'mode', 'ticketCost', 'lostEarnings', 'lostEarningsDescription', 'payeeName', 'clearingNumber', 'accountNumber', 'bankgiro', 'q']) {
    values[name] = fieldText(fields, name);
  }
  values.passengers = fieldList(fields, 'passengers');
  return values;
}

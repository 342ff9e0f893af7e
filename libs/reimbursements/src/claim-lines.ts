import { formatMoney, Language } from '@dialogdag/shared';
import { texts } from './i18n';
import type { AmountBreakdown } from './rules/amounts.rules';
import { formatKm } from './rules/eligibility.rules';
import type { TravelMode } from './rules/travel-policy';

export interface AmountSource {
  mode: TravelMode;
  roundTripKm: number;
  ratePerKm: number;
  /** The ticket was paid at cost (no km line). */
  atTicketCost: boolean;
  lostEarningsCap: number | null;
  amounts: Pick<AmountBreakdown, 'travel' | 'lostEarnings' | 'fixedFee' | 'total'> & { lostEarningsCapped?: boolean };
}

/** The amount's parts in words, the same on the claim page, the review page and in the e-mail. */
export function amountLines(s: AmountSource, lang: Language): Array<[string, string]> {
  const t = texts(lang).claimant;
  const money = (amount: number) => formatMoney(amount, lang);
  const km = formatKm(s.roundTripKm, lang);
  const lines: Array<[string, string]> = [
    [s.mode === 'car' ? t.carLine(km, money(s.ratePerKm)) : s.atTicketCost ? t.ticketLine : t.transitPerKmLine(km, money(s.ratePerKm)), money(s.amounts.travel)],
  ];
  if (s.amounts.lostEarnings > 0 || s.amounts.lostEarningsCapped) {
    const capped = s.amounts.lostEarningsCapped && s.lostEarningsCap !== null ? ` ${t.cappedAt(money(s.lostEarningsCap))}` : '';
    lines.push([`${t.lostEarningsLine}${capped}`, money(s.amounts.lostEarnings)]);
  }
  if (s.amounts.fixedFee > 0) lines.push([t.fixedFeeLine, money(s.amounts.fixedFee)]);
  lines.push([t.total, money(s.amounts.total)]);
  return lines;
}

/** A stored claim's amount as it was computed when submitted. */
export function amountSourceOf(c: {
  mode: TravelMode;
  roundTripKm: number;
  ratePerKm: number;
  ticketCost: number | null;
  lostEarnings: number;
  travelAmount: number;
  lostEarningsAmount: number;
  fixedFeeAmount: number;
  computedAmount: number;
}): AmountSource {
  return {
    mode: c.mode,
    roundTripKm: c.roundTripKm,
    ratePerKm: c.ratePerKm,
    // A ticket cost is kept only when the policy paid public transport at cost.
    atTicketCost: c.mode === 'public_transport' && c.ticketCost !== null,
    lostEarningsCap: c.lostEarningsAmount < c.lostEarnings ? c.lostEarningsAmount : null,
    amounts: {
      travel: c.travelAmount,
      lostEarnings: c.lostEarningsAmount,
      fixedFee: c.fixedFeeAmount,
      total: c.computedAmount,
      lostEarningsCapped: c.lostEarningsAmount < c.lostEarnings,
    },
  };
}

import { FeeState, FeeTerms, feeOwed, isNoShow } from '../registration.rules';

export type FeeReason = 'late_cancellation' | 'no_show';

export interface FeeRegistration extends FeeState {
  id: string;
  name: string;
  email: string;
  organisation: string;
  feeWaiverReason: string | null;
}

export interface FeeItem {
  registrationId: string;
  name: string;
  email: string;
  organisation: string;
  reason: FeeReason;
  /** Öre owed now; 0 when waived. */
  amount: number;
  waived: boolean;
  waiverReason: string | null;
}

export interface OrganisationFee {
  organisation: string;
  amount: number;
  /** Registrations that owe something. */
  count: number;
}

/** Why a registration would owe a fee now, waived or not; null when it owes nothing. */
export function feeReason(r: FeeState, terms: FeeTerms, now: Date): FeeReason | null {
  if (r.status === 'cancelled' && r.fee > 0) return 'late_cancellation';
  if (isNoShow(r, terms, now)) return 'no_show';
  return null;
}

/** Late cancellations with a fee and, once the conference has ended, no-shows; waived ones listed at 0. */
export function feeItems(registrations: FeeRegistration[], terms: FeeTerms, now: Date): FeeItem[] {
  const items: FeeItem[] = [];
  for (const r of registrations) {
    const reason = feeReason(r, terms, now);
    if (!reason) continue;
    const waived = r.feeWaivedAt !== null;
    const amount = feeOwed(r, terms, now);
    if (!waived && amount <= 0) continue;
    items.push({
      registrationId: r.id,
      name: r.name,
      email: r.email,
      organisation: r.organisation,
      reason,
      amount,
      waived,
      waiverReason: waived ? r.feeWaiverReason : null,
    });
  }
  return items.sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.registrationId.localeCompare(b.registrationId));
}

const organisationKey = (organisation: string) => organisation.replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');

/** Sums per organisation (spelled as first seen, grouped case-insensitively); waived fees count nowhere. */
export function aggregateFees(items: FeeItem[]): { byOrganisation: OrganisationFee[]; totalAmount: number } {
  const groups = new Map<string, OrganisationFee>();
  for (const item of items) {
    if (item.waived || item.amount <= 0) continue;
    const key = organisationKey(item.organisation);
    const group = groups.get(key) ?? { organisation: item.organisation.replace(/\s+/g, ' ').trim(), amount: 0, count: 0 };
    group.amount += item.amount;
    group.count += 1;
    groups.set(key, group);
  }
  const byOrganisation = [...groups.values()].sort((a, b) => b.amount - a.amount || a.organisation.localeCompare(b.organisation, 'sv'));
  return { byOrganisation, totalAmount: byOrganisation.reduce((sum, o) => sum + o.amount, 0) };
}

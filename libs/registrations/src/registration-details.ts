import { Language, Sector, SECTOR_LABELS } from '@dialogdag/shared';
import { UpdateRegistrationDto } from './registration.dto';
import { Registration } from './registration.entity';
import { catalogue } from './i18n';

/** Details a holder may change through the personal link; name and e-mail change by transfer. */
export type DetailField = keyof Omit<UpdateRegistrationDto, 'name' | 'email' | 'dietConsent'>;
const DETAIL_FIELDS: DetailField[] = ['phone', 'diet', 'organisation', 'sector', 'isPolitician', 'politicalParty', 'isVolunteer', 'workshopPreferences'];
/** These can be removed (null or ""); the others only changed. */
const CLEARABLE = new Set<DetailField>(['phone', 'diet', 'politicalParty']);

/** Applies the given fields; returns the ones that changed. */
export function applyDetails(r: Registration, dto: UpdateRegistrationDto, now: Date): DetailField[] {
  const changed: DetailField[] = [];
  const target = r as unknown as Record<DetailField, unknown>;
  for (const field of DETAIL_FIELDS) {
    const value = dto[field];
    if (value === undefined) continue;
    const next = CLEARABLE.has(field) ? (value ?? null) : value;
    if (next === null && !CLEARABLE.has(field)) continue;
    if (JSON.stringify(target[field]) === JSON.stringify(next)) continue;
    target[field] = next;
    changed.push(field);
  }
  // Consent is given with the diet it covers.
  if (changed.includes('diet')) r.dietConsentAt = r.diet ? now : null;
  if (!r.isPolitician && r.politicalParty !== null) {
    r.politicalParty = null;
    if (!changed.includes('politicalParty')) changed.push('politicalParty');
  }
  return changed;
}

/** A changed detail as the e-mail about the change lists it, in the holder's language. */
export function detailLine(field: DetailField, r: Registration, lang: Language = r.language): [string, string] {
  const t = catalogue(lang).details;
  const value = (r as unknown as Record<DetailField, unknown>)[field];
  const text =
    value === null || value === ''
      ? '–'
      : typeof value === 'boolean'
        ? value
          ? t.yes
          : t.no
        : field === 'sector'
          ? SECTOR_LABELS[value as Sector][lang]
          : field === 'workshopPreferences'
            ? String((value as string[]).length)
            : String(value);
  return [t[field], text];
}

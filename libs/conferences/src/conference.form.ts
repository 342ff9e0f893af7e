import { kronorInput, Language, parseKronor, stockholmDateTimeInput } from '@dialogdag/shared';
import type { FieldErrors } from '@dialogdag/web';
import { Conference } from './conference.entity';
import { CONFERENCE_FORM_FIELDS, CONFERENCE_TEXTS, ConferenceFormField } from './conference.texts';

/** What the conference form submits (and shows again): text, as typed. */
export type ConferenceFormValues = Partial<Record<ConferenceFormField, string>>;

/** Form fields in kronor and the DTO fields (öre) they fill. */
const KRONOR_FIELDS = {
  cancellationFeeKr: 'cancellationFee',
  ratePerKmKr: 'travelPolicy.ratePerKm',
  budgetKr: 'travelPolicy.budget',
  lostEarningsCapKr: 'travelPolicy.lostEarningsCap',
  fixedFeeKr: 'travelPolicy.fixedFee',
} as const satisfies Partial<Record<ConferenceFormField, string>>;
type KronorField = keyof typeof KRONOR_FIELDS;

const CHECKBOXES = ['travelPolicy.publicTransportAtCost', 'travelPolicy.lostEarningsAllowed'] as const;
/** Filling in any of these asks for a travel policy; the checkboxes alone do not (one is ticked by default). */
const TRAVEL_FIELDS: ConferenceFormField[] = ['travelPolicy.minRoundTripKm', 'travelPolicy.requestDeadline', 'ratePerKmKr', 'budgetKr', 'lostEarningsCapKr', 'fixedFeeKr'];

const isFormField = (name: string): name is ConferenceFormField => (CONFERENCE_FORM_FIELDS as readonly string[]).includes(name);
const filled = (text: string | undefined) => text !== undefined && text.trim() !== '';
const checked = (text: string | undefined) => text === 'true' || text === 'on';

/** A new conference's form: 400 kr fee and 100 seats, as invitations often say; public transport at cost. */
export const NEW_CONFERENCE_VALUES: ConferenceFormValues = { cancellationFeeKr: '400', capacity: '100', 'travelPolicy.publicTransportAtCost': 'true' };

export function conferenceFormValues(c: Conference, lang: Language): ConferenceFormValues {
  const dateTime = (d: Date | null) => (d ? stockholmDateTimeInput(d) : '');
  const kronor = (ore: number | null) => (ore === null ? '' : kronorInput(ore, lang));
  const travel = c.travelRequestDeadline !== null;
  return {
    title: c.title, slug: c.slug, description: c.description, targetAudience: c.targetAudience, arrangers: c.arrangers,
    costNote: c.costNote ?? '', contactEmail: c.contactEmail ?? '',
    startsAt: dateTime(c.startsAt), endsAt: dateTime(c.endsAt),
    'venue.name': c.venueName, 'venue.address': c.venueAddress, 'venue.city': c.venueCity, capacity: String(c.capacity),
    registrationOpensAt: dateTime(c.registrationOpensAt), registrationDeadline: dateTime(c.registrationDeadline),
    modificationDeadline: dateTime(c.modificationDeadline), cancellationDeadline: dateTime(c.cancellationDeadline),
    cancellationFeeKr: kronor(c.cancellationFee),
    'travelPolicy.minRoundTripKm': c.travelMinRoundTripKm?.toString() ?? '',
    'travelPolicy.requestDeadline': dateTime(c.travelRequestDeadline),
    ratePerKmKr: kronor(c.travelRatePerKm), budgetKr: kronor(c.travelBudget),
    'travelPolicy.publicTransportAtCost': c.travelPublicTransportAtCost ? 'true' : '',
    'travelPolicy.lostEarningsAllowed': c.travelLostEarningsAllowed ? 'true' : '',
    lostEarningsCapKr: travel ? kronor(c.travelLostEarningsCap) : '',
    fixedFeeKr: travel ? kronor(c.travelFixedFee) : '',
    privacyNotice: c.privacyNotice ?? '',
  };
}

/**
 * The submitted form as the DTO's input: kronor become öre (parseKronor, the one conversion), checkboxes
 * booleans, and an empty travel section no travel policy. Amounts that are not kronor are errors of the form.
 */
export function conferenceFormToDto(body: Record<string, string | undefined>, lang: Language): { input: Record<string, unknown>; errors: FieldErrors } {
  const t = CONFERENCE_TEXTS[lang];
  const input: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const [name, value] of Object.entries(body)) {
    if (name in KRONOR_FIELDS || (CHECKBOXES as readonly string[]).includes(name)) continue;
    input[name] = value;
  }
  const travelGiven = TRAVEL_FIELDS.some((name) => filled(body[name])) || checked(body['travelPolicy.lostEarningsAllowed']);
  for (const [field, dtoField] of Object.entries(KRONOR_FIELDS) as Array<[KronorField, string]>) {
    const text = body[field];
    if (!filled(text) || (dtoField.startsWith('travelPolicy.') && !travelGiven)) continue;
    const ore = parseKronor(text!);
    if (ore === null) errors[field] = t.invalid[field];
    else input[dtoField] = ore;
  }
  if (input.cancellationFee === undefined && !errors.cancellationFeeKr) input.cancellationFee = 0;
  if (travelGiven) {
    for (const name of CHECKBOXES) input[name] = checked(body[name]);
  } else {
    delete input['travelPolicy.minRoundTripKm'];
    delete input['travelPolicy.requestDeadline'];
    input.travelPolicy = null;
  }
  for (const key of ['description', 'targetAudience', 'arrangers', 'costNote', 'privacyNotice']) if (input[key] === undefined) input[key] = '';
  return { input, errors };
}

/** The DTO's errors on the form's fields, each with the form's sentence for that field in the reader's language. */
export function conferenceFormErrors(dtoErrors: FieldErrors, lang: Language): FieldErrors {
  const t = CONFERENCE_TEXTS[lang];
  const byDtoField = Object.fromEntries(Object.entries(KRONOR_FIELDS).map(([form, dto]) => [dto, form]));
  const errors: FieldErrors = {};
  for (const [key, message] of Object.entries(dtoErrors)) {
    const name = byDtoField[key] ?? (key === 'venue' ? 'venue.name' : key === 'travelPolicy' ? 'travelPolicy.requestDeadline' : key);
    errors[name] ??= isFormField(name) ? t.invalid[name] : message;
  }
  return errors;
}

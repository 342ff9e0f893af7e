/**
 * What the back-office pages say when an organiser's action is refused, in the page's
 * language. The API keeps the English messages; pages look errors up by code here.
 */
import type { Language } from '@dialogdag/shared';
import type { RegistrationStatus } from '../registration.entity';

export interface RefusalLike {
  code: string;
  message: string;
  /** For not_checkable: the registration's status. */
  status?: RegistrationStatus;
}

const NOT_CHECKABLE: Record<Language, Record<RegistrationStatus, string>> = {
  sv: {
    cancelled: 'Anmälan är avbokad och kan inte checkas in. Lägg till personen på plats i stället.',
    transferred: 'Anmälan är överlåten till en kollega; checka in kollegan i stället.',
    waitlisted: 'Personen står på väntelistan.',
    confirmed: 'Personen är redan incheckad.',
  },
  en: {
    cancelled: 'This registration is cancelled and cannot be checked in. Add the person at the door instead.',
    transferred: 'This registration was transferred to a colleague; check the colleague in instead.',
    waitlisted: 'This person is on the waiting list.',
    confirmed: 'This person is already checked in.',
  },
};

const MESSAGES: Record<Language, Record<string, string>> = {
  sv: {
    no_free_seat: 'Personen står på väntelistan och alla platser är tagna. Välj ”Checka in över kapaciteten” för att ändå släppa in personen, eller frigör en plats först.',
    no_fee: 'Anmälan har ingen avgift att efterskänka (bara sena avbokningar och deltagare med plats som inte kom).',
    reason_missing: 'Skriv varför avgiften efterskänks.',
    reason_too_long: 'Motiveringen får vara högst 500 tecken.',
    already_registered: 'Den här e-postadressen är redan anmäld till konferensen. Sök upp personen i listan i stället.',
    already_cancelled: 'Anmälan är redan avbokad.',
  },
  en: {
    no_free_seat: 'This person is on the waiting list and every seat is taken. Choose “Check in over capacity” to admit them anyway, or free a seat first.',
    no_fee: 'This registration owes no fee that could be waived (only late cancellations and seat-holders who did not come).',
    reason_missing: 'Say why the fee is waived.',
    reason_too_long: 'The reason may be at most 500 characters.',
    already_registered: 'This e-mail address is already registered for the conference. Look the person up in the list instead.',
    already_cancelled: 'This registration is already cancelled.',
  },
};

/** The sentence to show an organiser; unknown codes keep the service's own message. */
export function refusalText(error: RefusalLike, lang: Language): string {
  if (error.code === 'not_checkable' && error.status) return NOT_CHECKABLE[lang][error.status];
  if (error.code === 'invalid_reason') return MESSAGES[lang][/500/.test(error.message) ? 'reason_too_long' : 'reason_missing'];
  return MESSAGES[lang][error.code] ?? error.message;
}

/** Walk-in form fields, phrased for the organiser filling them in for someone else. */
export const WALK_IN_FIELD_ERRORS: Record<Language, Record<string, string>> = {
  sv: { name: 'Fyll i personens namn.', email: 'Fyll i en giltig e-postadress.', organisation: 'Fyll i personens organisation.', sector: 'Välj sektor.' },
  en: { name: 'Enter the person’s name.', email: 'Enter a valid e-mail address.', organisation: 'Enter the person’s organisation.', sector: 'Choose a sector.' },
};

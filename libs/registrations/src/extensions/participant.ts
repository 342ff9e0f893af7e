import { Language, Party, partyOf, Sector } from '@dialogdag/shared';
import type { Registration, RegistrationStatus } from '../registration.entity';

/** A registration as other libs see it: plain data, never the entity, so they cannot write through it. */
export interface Participant {
  id: string;
  conferenceId: string;
  status: RegistrationStatus;
  name: string;
  email: string;
  phone: string | null;
  organisation: string;
  sector: Sector;
  party: Party;
  isPolitician: boolean;
  politicalParty: string | null;
  isVolunteer: boolean;
  checkedInAt: Date | null;
  /** Ranked workshop choices, first choice first. */
  workshopPreferences: string[];
  language: Language;
  transferredFromId: string | null;
  createdAt: Date;
}

export function toParticipant(r: Registration): Participant {
  return {
    id: r.id,
    conferenceId: r.conferenceId,
    status: r.status,
    name: r.name,
    email: r.email,
    phone: r.phone,
    organisation: r.organisation,
    sector: r.sector,
    party: partyOf(r.sector),
    isPolitician: r.isPolitician,
    politicalParty: r.politicalParty,
    isVolunteer: r.isVolunteer,
    checkedInAt: r.checkedInAt,
    workshopPreferences: r.workshopPreferences,
    language: r.language,
    transferredFromId: r.transferredFromId,
    createdAt: r.createdAt,
  };
}

/** Registrations counted together for attendance summaries; one row per distinct combination. */
export interface AttendanceRow {
  conferenceId: string;
  sector: Sector;
  status: RegistrationStatus;
  attended: boolean;
  isPolitician: boolean;
  politicalParty: string | null;
  /** The organisation's name, case and surrounding space folded, so spellings of one organisation count once. */
  organisationKey: string;
  count: number;
}

import type { FieldProblem, Language, Party, Sector } from '@dialogdag/shared';

/** Who a message can go to. Participants by the state of their registration, and the programme's speakers. */
export const RECIPIENT_GROUPS = ['seat_holders', 'waitlisted', 'cancelled', 'speakers'] as const;
export type RecipientGroup = (typeof RECIPIENT_GROUPS)[number];

export const VOLUNTEER_CHOICES = ['all', 'with_travel_claim', 'without_travel_claim'] as const;
export type VolunteerChoice = (typeof VOLUNTEER_CHOICES)[number];

/**
 * A stored filter. Either groups narrowed by criteria (criteria narrow the participants; speakers are
 * a group of their own), or a hand-picked list of registrations and speakers.
 */
export interface RecipientFilter {
  groups?: RecipientGroup[];
  checkedIn?: boolean;
  sectors?: Sector[];
  parties?: Party[];
  volunteers?: VolunteerChoice;
  /** Workshop ids: participants placed in any of them. */
  workshops?: string[];
  /** With workshops: only places in this round (a round number, or the id of the workshop block in the programme). */
  workshopRound?: number | string;
  /** Tables, each by its id or its name: participants seated at any of them. */
  tables?: string[];
  registrationIds?: string[];
  speakerIds?: string[];
}

/** What the filter model needs of a participant; registrations' Participant has it all. */
export interface FilterableParticipant {
  id: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled' | 'transferred';
  checkedInAt: Date | null;
  sector: Sector;
  party: Party;
  isVolunteer: boolean;
}

export interface Recipient {
  kind: 'participant' | 'speaker';
  id: string;
  name: string;
  email: string;
  language: Language;
}

/**
 * A criterion answered by another lib (workshop, table, travel claim), resolved to registration ids:
 * a participant must be in the set (`in`), or not in it (`notIn`: volunteers without a travel claim).
 */
export type ResolvedCriterion = { in: ReadonlySet<string> } | { notIn: ReadonlySet<string> };
export type ResolvedCriteria = ReadonlyArray<ResolvedCriterion>;

export function satisfies(id: string, criterion: ResolvedCriterion): boolean {
  return 'in' in criterion ? criterion.in.has(id) : !criterion.notIn.has(id);
}

const STATUS_OF: Record<Exclude<RecipientGroup, 'speakers'>, FilterableParticipant['status']> = {
  seat_holders: 'confirmed',
  waitlisted: 'waitlisted',
  cancelled: 'cancelled',
};

export function isHandPicked(filter: RecipientFilter): boolean {
  return (filter.registrationIds?.length ?? 0) > 0 || (filter.speakerIds?.length ?? 0) > 0;
}

function hasCriteria(filter: RecipientFilter): boolean {
  return (
    filter.checkedIn !== undefined ||
    (filter.sectors?.length ?? 0) > 0 ||
    (filter.parties?.length ?? 0) > 0 ||
    filter.volunteers !== undefined ||
    (filter.workshops?.length ?? 0) > 0 ||
    filter.workshopRound !== undefined ||
    (filter.tables?.length ?? 0) > 0
  );
}

export function filterProblems(filter: RecipientFilter): FieldProblem[] {
  const groups = filter.groups ?? [];
  if (isHandPicked(filter) && (groups.length > 0 || hasCriteria(filter))) {
    return [{ field: 'filter', message: 'filter: choose either groups (with criteria) or a hand-picked list of recipients, not both.' }];
  }
  if (!isHandPicked(filter) && groups.length === 0) {
    return [{ field: 'filter.groups', message: 'filter.groups: choose who the message goes to (seat_holders, waitlisted, cancelled, speakers) or pick recipients by hand.' }];
  }
  if (filter.workshopRound !== undefined && (filter.workshops?.length ?? 0) === 0) {
    return [{ field: 'filter.workshopRound', message: 'filter.workshopRound: choose the workshops (filter.workshops) the round narrows.' }];
  }
  if (hasCriteria(filter) && groups.every((g) => g === 'speakers')) {
    return [{ field: 'filter.groups', message: 'filter.groups: the criteria narrow participants; choose seat_holders, waitlisted or cancelled with them.' }];
  }
  return [];
}

/** The registration statuses the groups ask for. */
export function statusesFor(filter: RecipientFilter): FilterableParticipant['status'][] {
  return (filter.groups ?? []).filter((g): g is Exclude<RecipientGroup, 'speakers'> => g !== 'speakers').map((g) => STATUS_OF[g]);
}

export function participantMatches(p: FilterableParticipant, filter: RecipientFilter, resolved: ResolvedCriteria): boolean {
  if (!statusesFor(filter).includes(p.status)) return false;
  if (filter.checkedIn !== undefined && (p.checkedInAt !== null) !== filter.checkedIn) return false;
  if (filter.sectors?.length && !filter.sectors.includes(p.sector)) return false;
  if (filter.parties?.length && !filter.parties.includes(p.party)) return false;
  if (filter.volunteers !== undefined && !p.isVolunteer) return false;
  return resolved.every((criterion) => satisfies(p.id, criterion));
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * One message per address: someone who is both registered and a speaker, or registered twice under
 * one address, gets it once. Participants come first, so the one kept has a personal link.
 */
export function uniqueRecipients(recipients: Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return recipients.filter((r) => {
    const key = emailKey(r.email);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

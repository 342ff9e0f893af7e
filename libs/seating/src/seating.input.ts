import type { Participant } from '@dialogdag/registrations';
import type { SeatingInput, SeatingPerson } from './algorithm';
import type { RequestKind } from './seating.entities';

/** What the service reads from the database for one run, as plain data. */
export interface SeatingSources {
  tables: ReadonlyArray<{ id: string; seats: number; reserved: boolean }>;
  /** Seat holders: confirmed registrations, checked in or not. */
  people: readonly Participant[];
  fixed: ReadonlyMap<string, string>;
  /** The stored placement: where people sat after the last run. */
  seats: ReadonlyMap<string, string>;
  requests: ReadonlyArray<{ kind: RequestKind; firstId: string; secondId: string }>;
  /** E-mail addresses of the conference's speakers. */
  speakerEmails: readonly string[];
}

/**
 * Spread groups: registrations whose e-mail is a speaker's (speakers, inspirers,
 * the moderator, who should not all sit together) and elected politicians.
 * Requests and fixings of people who no longer hold a seat are left out.
 */
export function seatingInput(sources: SeatingSources, seed = 0): SeatingInput {
  const speakers = new Set(sources.speakerEmails.map((e) => e.trim().toLowerCase()));
  const holders = new Set(sources.people.map((p) => p.id));
  const people: SeatingPerson[] = sources.people.map((p) => {
    const spreadGroups: string[] = [];
    if (speakers.has(p.email.trim().toLowerCase())) spreadGroups.push('speaker');
    if (p.isPolitician) spreadGroups.push('politician');
    return {
      id: p.id,
      group: p.party,
      organisation: p.organisation,
      fixedTableId: sources.fixed.get(p.id),
      previousTableId: sources.seats.get(p.id),
      spreadGroups,
    };
  });
  const pairs = (kind: RequestKind) =>
    sources.requests.filter((r) => r.kind === kind && holders.has(r.firstId) && holders.has(r.secondId)).map((r) => ({ a: r.firstId, b: r.secondId }));
  return {
    tables: sources.tables.map((t) => ({ id: t.id, seats: t.seats, reserved: t.reserved })),
    people,
    keepApart: pairs('apart'),
    keepTogether: pairs('together'),
    seed,
  };
}

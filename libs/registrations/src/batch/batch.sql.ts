import { EntityManager } from 'typeorm';
import { Registration } from '../registration.entity';

/**
 * The registrations lib's statements of a batch, one round trip each, whatever the batch's size:
 * arrays in, `unnest` in SQL. Plain SQL through the transaction's connection, no entity mapping.
 */

export interface EmailCheck {
  /** Each e-mail as the unique index compares it (lower()), in the order given. */
  keys: string[];
  /** Whether an active registration of the conference has it already. */
  taken: boolean[];
  /** Waiting-list orders drawn from the sequence (as many as asked for). */
  orders: string[];
  /** Registrations on the conference's waiting list before this batch. */
  waitlistedBefore: number;
}

const TAKEN = `EXISTS (SELECT 1 FROM registration r WHERE r.conference_id = $1 AND lower(r.email) = lower(e.email) AND r.status IN ('confirmed', 'waitlisted'))`;

/**
 * Under the seat lock, so every registration committed before it is seen (a separate statement from the
 * lock's: a statement's snapshot is taken when it starts, and one that waited for the lock would miss
 * what the previous holder committed). Draws `places` waiting-list orders and counts the queue only
 * when the batch may need them.
 */
export async function checkEmails(manager: EntityManager, conferenceId: string, emails: string[], places: number): Promise<EmailCheck> {
  const [row] = await manager.query(
    places > 0
      ? `SELECT array_agg(lower(e.email) ORDER BY e.ord) AS keys, array_agg(${TAKEN} ORDER BY e.ord) AS taken,
                (SELECT count(*)::int FROM registration WHERE conference_id = $1 AND status = 'waitlisted') AS "waitlistedBefore",
                ARRAY(SELECT nextval('registration_waitlist_order')::text FROM generate_series(1, $3::int)) AS orders
         FROM unnest($2::text[]) WITH ORDINALITY AS e(email, ord)`
      : `SELECT array_agg(lower(e.email) ORDER BY e.ord) AS keys, array_agg(${TAKEN} ORDER BY e.ord) AS taken
         FROM unnest($2::text[]) WITH ORDINALITY AS e(email, ord)`,
    places > 0 ? [conferenceId, emails, places] : [conferenceId, emails],
  );
  return { keys: row.keys ?? [], taken: row.taken ?? [], orders: row.orders ?? [], waitlistedBefore: row.waitlistedBefore ?? 0 };
}

/** Column, array type, and how a registration fills it; the insert below is built from this list. */
const COLUMNS: Array<[string, string, (r: Registration) => unknown]> = [
  ['id', 'uuid', (r) => r.id],
  ['conference_id', 'uuid', (r) => r.conferenceId],
  ['status', 'text', (r) => r.status],
  ['name', 'text', (r) => r.name],
  ['email', 'text', (r) => r.email],
  ['phone', 'text', (r) => r.phone],
  ['organisation', 'text', (r) => r.organisation],
  ['sector', 'text', (r) => r.sector],
  ['is_politician', 'boolean', (r) => r.isPolitician],
  ['political_party', 'text', (r) => r.politicalParty],
  ['is_volunteer', 'boolean', (r) => r.isVolunteer],
  ['diet', 'text', (r) => r.diet],
  ['diet_consent_at', 'timestamptz', (r) => r.dietConsentAt],
  // An array per row: sent as its text form, since unnest would flatten an array of arrays.
  ['workshop_preferences', 'text', (r) => `{${r.workshopPreferences.join(',')}}`],
  ['language', 'text', (r) => r.language],
  ['manage_token_hash', 'text', (r) => r.manageTokenHash],
  ['source', 'text', (r) => r.source],
  ['created_at', 'timestamptz', (r) => r.createdAt],
  ['confirmed_at', 'timestamptz', (r) => r.confirmedAt],
  ['waitlisted_at', 'timestamptz', (r) => r.waitlistedAt],
  ['waitlist_order', 'bigint', (r) => r.waitlistOrder],
  ['check_in_code', 'text', (r) => r.checkInCode],
  ['checked_in_at', 'timestamptz', (r) => r.checkedInAt],
  ['updated_at', 'timestamptz', (r) => r.updatedAt],
];

const INSERT = `INSERT INTO registration (${COLUMNS.map(([column]) => column).join(', ')})
  SELECT ${COLUMNS.map(([column]) => (column === 'workshop_preferences' ? `t.${column}::uuid[]` : `t.${column}`)).join(', ')}
  FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS t(${COLUMNS.map(([column]) => column).join(', ')})
  ON CONFLICT (conference_id, lower(email)) WHERE status IN ('confirmed', 'waitlisted') DO NOTHING
  RETURNING id`;

/**
 * One insert for the batch's rows. An e-mail that turns out to be taken after all (a registration
 * committed by a path this batch's check could not see) is skipped, not an error: the ids that went
 * in are returned, and the caller treats the others as duplicates.
 */
export async function insertRegistrations(manager: EntityManager, rows: Registration[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted: Array<{ id: string }> = await manager.query(
    INSERT,
    COLUMNS.map(([, , value]) => rows.map(value)),
  );
  return new Set(inserted.map((row) => row.id));
}

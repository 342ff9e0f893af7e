import { EntityManager } from 'typeorm';
import { Registration } from '../registration.entity';

/**
 * The registrations lib's statement of a batch: one insert, whatever the batch's size (arrays in,
 * `unnest` in SQL), plain SQL through the transaction's connection, no entity mapping.
 */

/** A row of the batch, and its place among the batch's waitlisted (1 = first to arrive; null: not queued). */
export interface BatchRow {
  registration: Registration;
  queueRank: number | null;
}

export interface Inserted {
  /** The rows that went in, with the waiting-list order each queued one drew. */
  orders: Map<string, string | null>;
  /** Registrations on the conference's waiting list before this batch (when it queued anyone). */
  waitlistedBefore: number;
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
  ['check_in_code', 'text', (r) => r.checkInCode],
  ['checked_in_at', 'timestamptz', (r) => r.checkedInAt],
  ['updated_at', 'timestamptz', (r) => r.updatedAt],
];

const n = COLUMNS.length;
const names = COLUMNS.map(([column]) => column);
const values = COLUMNS.map(([column]) => (column === 'workshop_preferences' ? `t.${column}::uuid[]` : `t.${column}`));

/**
 * `queued`: whether the batch queues anyone. Then the statement draws that many sequence values and
 * gives the k-th smallest to the k-th waitlisted (so the queue keeps arrival order whatever order
 * PostgreSQL draws them in), and counts the queue as it was: every part of one statement sees the
 * same snapshot, taken after the seat lock, so the count includes what earlier batches committed and
 * none of this one's rows.
 */
const insert = (queued: boolean) => `WITH ${queued ? `drawn AS (SELECT array_agg(o ORDER BY o) AS orders FROM (SELECT nextval('registration_waitlist_order') AS o FROM generate_series(1, $${n + 2}::int)) s),` : ''}
  written AS (
    INSERT INTO registration (${names.join(', ')}, waitlist_order)
    SELECT ${values.join(', ')}, ${queued ? 'd.orders[t.queue_rank]' : 'NULL::bigint'}
    FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}, $${n + 1}::int[]) WITH ORDINALITY AS t(${names.join(', ')}, queue_rank, ord)
    ${queued ? 'CROSS JOIN drawn d' : ''}
    ORDER BY t.ord
    ON CONFLICT (conference_id, lower(email)) WHERE status IN ('confirmed', 'waitlisted') DO NOTHING
    RETURNING id, waitlist_order
  )
  SELECT w.id, w.waitlist_order::text AS "waitlistOrder",
         ${queued ? `(SELECT count(*)::int FROM registration r WHERE r.conference_id = $${n + 3} AND r.status = 'waitlisted')` : '0'} AS "waitlistedBefore"
  FROM written w`;
// One line each, so that a statement log shows what they are.
const INSERT_QUEUED = insert(true).replace(/\s+/g, ' ');
const INSERT_SEATED = insert(false).replace(/\s+/g, ' ');

/**
 * One insert for the batch's rows, in the order given. A row whose e-mail is registered already
 * (committed before the seat lock was taken, or earlier in this batch as PostgreSQL compares
 * e-mails) is skipped, not an error: the caller treats the rows missing from the answer as duplicates.
 */
export async function insertRegistrations(manager: EntityManager, conferenceId: string, rows: BatchRow[]): Promise<Inserted> {
  if (rows.length === 0) return { orders: new Map(), waitlistedBefore: 0 };
  const queued = rows.filter((row) => row.queueRank !== null).length;
  const arrays = [...COLUMNS.map(([, , value]) => rows.map((row) => value(row.registration))), rows.map((row) => row.queueRank)];
  const inserted: Array<{ id: string; waitlistOrder: string | null; waitlistedBefore: number }> = await manager.query(
    queued > 0 ? INSERT_QUEUED : INSERT_SEATED,
    queued > 0 ? [...arrays, queued, conferenceId] : arrays,
  );
  return { orders: new Map(inserted.map((row) => [row.id, row.waitlistOrder])), waitlistedBefore: inserted[0]?.waitlistedBefore ?? 0 };
}

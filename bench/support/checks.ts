import { Pool } from 'pg';
import { Acknowledged } from './load';

export interface CheckResult {
  ok: boolean;
  problems: string[];
  capacity: number;
  seatsHeld: number;
  confirmed: number;
  waitlisted: number;
  /** Rows in the database without a 201 seen by the client: requests in flight when the load stopped. */
  unacknowledged: number;
  outboxRows: number;
  /** Registrations per writing transaction (distinct xmin): 1 one at a time, the mean batch size with group commit. */
  perTransaction: number;
}

/**
 * After a run on one conference: the seat counter equals the confirmed registrations and
 * stays within capacity; no e-mail is registered twice; every 201 is in the database with the
 * status it announced; each registration has exactly one e-mail in the outbox; when the run
 * filled the conference, the seats went to the first and the rest are on the waiting list.
 * `inFlight` bounds the rows that may lack a 201 (the load generator stops with requests open).
 */
export async function checkConference(pool: Pool, conferenceId: string, acknowledged: Acknowledged[], inFlight: number): Promise<CheckResult> {
  const problems: string[] = [];
  const { rows: [c] } = await pool.query(
    `SELECT c.capacity, c.seats_held AS "seatsHeld",
            count(r.id) FILTER (WHERE r.status = 'confirmed')::int AS confirmed,
            count(r.id) FILTER (WHERE r.status = 'waitlisted')::int AS waitlisted,
            count(r.id)::int AS total,
            count(DISTINCT lower(r.email))::int AS emails,
            count(DISTINCT r.waitlist_order) FILTER (WHERE r.status = 'waitlisted')::int AS "waitlistOrders",
            count(DISTINCT r.xmin::text)::int AS transactions
     FROM conference c LEFT JOIN registration r ON r.conference_id = c.id
     WHERE c.id = $1 GROUP BY c.id`,
    [conferenceId],
  );
  if (c.seatsHeld !== c.confirmed) problems.push(`seats_held ${c.seatsHeld} ≠ ${c.confirmed} confirmed registrations`);
  if (c.seatsHeld > c.capacity) problems.push(`seats_held ${c.seatsHeld} over capacity ${c.capacity}`);
  if (c.emails !== c.total) problems.push(`${c.total - c.emails} e-mail(s) registered twice`);
  if (c.waitlisted > 0 && c.confirmed < c.capacity) problems.push(`${c.waitlisted} waitlisted while ${c.capacity - c.confirmed} seats are free`);
  if (c.waitlistOrders !== c.waitlisted) problems.push(`waiting-list order not unique (${c.waitlistOrders} orders for ${c.waitlisted})`);

  const ids = acknowledged.map((a) => a.id);
  if (new Set(ids).size !== ids.length) problems.push(`${ids.length - new Set(ids).size} id(s) answered twice`);
  const { rows: found } = await pool.query(`SELECT id, status FROM registration WHERE id = ANY($1::uuid[])`, [ids]);
  const statusById = new Map<string, string>(found.map((row) => [row.id, row.status]));
  const missing = acknowledged.filter((a) => !statusById.has(a.id)).length;
  const wrongStatus = acknowledged.filter((a) => statusById.has(a.id) && statusById.get(a.id) !== a.status).length;
  if (missing > 0) problems.push(`${missing} registration(s) answered 201 but not in the database`);
  if (wrongStatus > 0) problems.push(`${wrongStatus} registration(s) stored with another status than answered`);

  const unacknowledged = c.total - (acknowledged.length - missing);
  if (unacknowledged > inFlight) problems.push(`${unacknowledged} registrations stored without a 201 (at most ${inFlight} were in flight)`);

  const { rows: [mail] } = await pool.query(
    `SELECT count(*)::int AS n, count(DISTINCT registration_id)::int AS registrations FROM mail_outbox WHERE conference_id = $1`,
    [conferenceId],
  );
  if (mail.n !== c.total || mail.registrations !== c.total) problems.push(`${mail.n} outbox rows for ${c.total} registrations`);

  return {
    ok: problems.length === 0,
    problems,
    capacity: c.capacity,
    seatsHeld: c.seatsHeld,
    confirmed: c.confirmed,
    waitlisted: c.waitlisted,
    unacknowledged,
    outboxRows: mail.n,
    perTransaction: c.transactions > 0 ? Math.round((c.total / c.transactions) * 10) / 10 : 0,
  };
}

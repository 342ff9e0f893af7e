import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { participant } from './api';
import { Acknowledged } from './load';
import { percentile } from './stats';

/** The e-mail the app composed for one real registration: the raw ceiling writes the same bytes. */
export interface MailTemplate {
  kind: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
}

export async function mailTemplate(pool: Pool, conferenceId: string): Promise<MailTemplate> {
  const { rows } = await pool.query(
    `SELECT kind, subject, text_body AS "textBody", html_body AS "htmlBody" FROM mail_outbox WHERE conference_id = $1 AND kind LIKE 'registration%' LIMIT 1`,
    [conferenceId],
  );
  if (!rows[0]) throw new Error('no registration e-mail in the outbox to copy');
  return rows[0];
}

export interface RawResult {
  clients: number;
  durationS: number;
  perSecond: number;
  created: number;
  errors: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  acknowledged: Acknowledged[];
}

/**
 * The raw ceiling: what one registration per transaction costs in PostgreSQL alone.
 * `clients` connections each loop over BEGIN; the conditional seat UPDATE; INSERT the
 * registration row; INSERT its outbox row; COMMIT — the rows the app writes, straight
 * through `pg`, one statement per round trip, as the app issues them.
 */
export async function rawCeiling(options: {
  databaseUrl: string;
  conferenceId: string;
  clients: number;
  durationS: number;
  emailPrefix: string;
  mail: MailTemplate;
}): Promise<RawResult> {
  const clients = await Promise.all(
    Array.from({ length: options.clients }, async () => {
      const client = new Client({ connectionString: options.databaseUrl });
      await client.connect();
      return client;
    }),
  );
  const latencies: number[] = [];
  const acknowledged: Acknowledged[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + options.durationS * 1000;

  const registerOne = async (client: Client) => {
    const person = participant(options.emailPrefix, next++);
    const now = new Date();
    await client.query('BEGIN');
    try {
      const seat = await client.query(`UPDATE conference SET seats_held = seats_held + 1 WHERE id = $1 AND seats_held < capacity`, [options.conferenceId]);
      const confirmed = seat.rowCount === 1;
      const waitlistOrder = confirmed ? null : (await client.query(`SELECT nextval('registration_waitlist_order')::text AS n`)).rows[0].n;
      const { rows } = await client.query(
        `INSERT INTO registration (conference_id, status, name, email, phone, organisation, sector, is_politician, political_party,
           is_volunteer, diet, diet_consent_at, workshop_preferences, language, manage_token_hash, source, created_at,
           confirmed_at, waitlisted_at, waitlist_order, fee, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, false, NULL, $8, NULL, NULL, '{}', 'sv', $9, 'public', $10, $11, $12, $13, 0, $10)
         RETURNING id`,
        [
          options.conferenceId, confirmed ? 'confirmed' : 'waitlisted', person.name, person.email, person.phone, person.organisation,
          person.sector, person.isVolunteer, createHash('sha256').update(randomBytes(32)).digest('base64url'), now,
          confirmed ? now : null, confirmed ? null : now, waitlistOrder,
        ],
      );
      await client.query(
        `INSERT INTO mail_outbox (message_id, conference_id, registration_id, kind, recipient, subject, text_body, html_body,
           attachments, status, attempts, next_attempt_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '[]', 'pending', 0, $9, $9) RETURNING id`,
        [`<${randomUUID()}@dialogdag.local>`, options.conferenceId, rows[0].id, options.mail.kind, person.email, options.mail.subject,
          options.mail.textBody, options.mail.htmlBody, now],
      );
      await client.query('COMMIT');
      return { id: rows[0].id as string, status: confirmed ? 'confirmed' : 'waitlisted' };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  };

  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          acknowledged.push(await registerOne(client));
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const durationS = (performance.now() - started) / 1000;
  await Promise.all(clients.map((client) => client.end()));
  latencies.sort((a, b) => a - b);
  return {
    clients: options.clients,
    durationS,
    perSecond: acknowledged.length / durationS,
    created: acknowledged.length,
    errors,
    latencyMs: {
      p50: percentile(latencies, 0.5),
      p90: percentile(latencies, 0.9),
      p99: percentile(latencies, 0.99),
      max: latencies[latencies.length - 1] ?? 0,
      mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
    },
    acknowledged,
  };
}

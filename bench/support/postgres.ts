import { createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { startEmbeddedPostgres } from '../../libs/database/src/embedded-postgres';

export interface BenchPostgres {
  url: string;
  /** A small pool for setup, checks and counters (not for the load itself). */
  pool: Pool;
  version: string;
  settings: Record<string, string>;
  /** The temporary folder with the cluster (removed on stop). */
  dataDir: string;
  /** PostgreSQL's log (stderr), with `statementLogging(true)` every statement and its duration. */
  logFile: string;
  stop(): Promise<void>;
}

/** What durability means here: every commit waits for its WAL to reach the disk. */
const DURABLE = { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' };

/**
 * How `statementLogging(true)` logs: time stamp and backend pid on each line, no bind parameters
 * (the e-mail bodies would swamp the log). Not the logging collector: embedded-postgres
 * watches stderr for the line that says the server is ready.
 */
const STATEMENT_LOG = { log_line_prefix: '%m [%p] app=%a ', log_parameter_max_length: '0' };

/** The bench's own connections say so, and their statements are left out of the analysis. */
export const BENCH_APPLICATION_NAME = 'dialogdag-bench';

/**
 * Starts the app's embedded PostgreSQL (same package and defaults as `npm start`)
 * in a temporary folder, durable, and removes the folder on stop.
 */
export async function startBenchPostgres(): Promise<BenchPostgres> {
  const dataDir = await mkdtemp(join(tmpdir(), 'dialogdag-bench-'));
  const logFile = join(dataDir, 'postgres.log');
  const log = createWriteStream(logFile);
  const database = await startEmbeddedPostgres({
    dataDir,
    database: 'bench',
    settings: { ...DURABLE, ...STATEMENT_LOG },
    log: (chunk) => log.write(chunk + '\n'),
  });
  const pool = new Pool({ connectionString: database.url, max: 4, application_name: BENCH_APPLICATION_NAME });
  let stopping = false;
  // An idle connection dropped by the server must not crash the bench; the next query reconnects.
  pool.on('error', (error) => stopping || process.stderr.write(`[bench] idle PostgreSQL connection: ${error.message}\n`));
  const names = ['server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'shared_buffers', 'max_connections'];
  const settings: Record<string, string> = {};
  for (const name of names) settings[name] = (await pool.query(`SELECT current_setting($1) AS v`, [name])).rows[0].v;
  for (const [name, value] of Object.entries(DURABLE)) {
    if (settings[name] !== value) throw new Error(`PostgreSQL runs with ${name}=${settings[name]}, expected ${value}`);
  }
  const version = settings.server_version;
  return {
    url: database.url,
    pool,
    version,
    settings,
    dataDir,
    logFile,
    stop: async () => {
      stopping = true;
      await pool.end().catch(() => undefined);
      await database.stop().catch(() => undefined);
      await new Promise((resolve) => log.end(resolve));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Turns logging of every statement (with its duration) on or off, without a restart
 * (ALTER SYSTEM, so never pass log_min_duration_statement on the command line: that would win).
 */
export async function statementLogging(pool: Pool, on: boolean): Promise<void> {
  await pool.query(`ALTER SYSTEM SET log_min_duration_statement = ${on ? 0 : -1}`);
  await pool.query(`SELECT pg_reload_conf()`);
  // The reload reaches backends at their next command; give it a moment.
  await new Promise((resolve) => setTimeout(resolve, 300));
}

export interface DatabaseCounters {
  xactCommit: number;
  xactRollback: number;
  tupInserted: number;
  tupUpdated: number;
  tupReturned: number;
  tupFetched: number;
  /** WAL flushes (pg_stat_io, PostgreSQL 16+); null where not available. */
  walFsyncs: number | null;
}

/** The postmaster's pid, from the cluster's postmaster.pid. */
export function postmasterPid(pg: BenchPostgres): number {
  return Number(readFileSync(join(pg.dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** Cumulative counters of the bench database; subtract two snapshots. Counters are flushed lazily, so wait ~1 s after the load. */
export async function databaseCounters(pool: Pool): Promise<DatabaseCounters> {
  await pool.query(`SELECT pg_stat_clear_snapshot()`);
  const { rows } = await pool.query(
    `SELECT xact_commit::float8 AS "xactCommit", xact_rollback::float8 AS "xactRollback", tup_inserted::float8 AS "tupInserted",
            tup_updated::float8 AS "tupUpdated", tup_returned::float8 AS "tupReturned", tup_fetched::float8 AS "tupFetched"
     FROM pg_stat_database WHERE datname = current_database()`,
  );
  let walFsyncs: number | null = null;
  try {
    const wal = await pool.query(`SELECT sum(fsyncs)::float8 AS n FROM pg_stat_io WHERE object = 'wal'`);
    walFsyncs = wal.rows[0].n;
  } catch {
    walFsyncs = null;
  }
  return { ...rows[0], walFsyncs };
}

export function counterDelta(before: DatabaseCounters, after: DatabaseCounters): DatabaseCounters {
  const delta = {} as Record<keyof DatabaseCounters, number | null>;
  for (const key of Object.keys(before) as Array<keyof DatabaseCounters>) {
    const a = after[key];
    const b = before[key];
    delta[key] = a === null || b === null ? null : a - b;
  }
  return delta as unknown as DatabaseCounters;
}

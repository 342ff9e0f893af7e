import './reports-paths';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { allMigrations } from '../apps/api/src/app.module';
import { dataSourceOptions, runMigrations, startEmbeddedPostgres } from '@dialogdag/database';
import { ParticipantsService } from '@dialogdag/registrations';
import { summariseAttendance, summariseSeries } from '@dialogdag/reports';

/**
 * `npm run bench:reports`: 1,000 conferences in 10 series, 1,000,000 registrations, generated in SQL
 * on an embedded PostgreSQL after the app's migrations. Times one conference's summary and a
 * 100-conference series summary (the real query through ParticipantsService, then the pure
 * summary function), p50/p95 over repeated runs, with and without the attendance index, and
 * keeps the query plans (EXPLAIN ANALYZE) so a miss shows where the time goes.
 */
const CONFERENCES = 1000;
const SERIES = 10;
const REGISTRATIONS = 1_000_000;
const TARGETS = { conferenceMs: 20, seriesMs: 500 };
const RUNS = { conference: 200, series: 30 };
// Compiled to bench/.build/reports/bench/: the results folder is bench/results.
const RESULTS = join(__dirname, '..', '..', '..', 'results');

const log = (message: string) => console.log(`[bench:reports] ${message}`);

async function generate(db: Client): Promise<void> {
  await db.query(`INSERT INTO conference (slug, title, starts_at, ends_at, venue_name, venue_city, capacity, registration_deadline, cancellation_deadline, status, created_at, updated_at)
    SELECT 'bench-' || i, 'Dialogkonferens ' || i, t, t + interval '7 hours', 'Folkets Hus', 'Ort ' || (i % 90), 1000, t - interval '14 days', t - interval '14 days', 'published', now(), now()
      FROM generate_series(1, ${CONFERENCES}) i, LATERAL (SELECT timestamptz '2024-01-08 09:00+01' + (i % 700) * interval '1 day' AS t) d`);
  await db.query(`INSERT INTO conference_series (title, created_by, created_at, updated_at)
    SELECT 'Serie ' || s, gen_random_uuid(), now(), now() FROM generate_series(1, ${SERIES}) s`);
  await db.query(`INSERT INTO conference_series_member (conference_id, series_id, added_at)
    SELECT c.id, s.id, now() FROM (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n FROM conference) c
      JOIN (SELECT id, row_number() OVER (ORDER BY title) - 1 AS n FROM conference_series) s ON s.n = c.n % ${SERIES}`);
  // Each conference about 1,000 registrations: 80 % seat-holders (nine in ten checked in), the rest
  // cancelled, waitlisted or transferred; sectors as at the regional conferences; ~300 organisations a region.
  await db.query(`
    WITH c AS (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n FROM conference)
    INSERT INTO registration (conference_id, status, name, email, organisation, sector, is_politician, political_party, manage_token_hash,
      created_at, updated_at, checked_in_at, waitlisted_at, waitlist_order)
    SELECT c.id, st.status, 'Deltagare ' || i, 'p' || i || '@example.org',
           CASE WHEN i % 7 = 0 THEN ' ' || upper(o.name) ELSE o.name END, sec.sector,
           i % 20 = 0, CASE WHEN i % 20 = 0 THEN (ARRAY['S','M','C','V','L','MP','KD'])[1 + i % 7] END, md5(i::text),
           now(), now(), CASE WHEN st.status = 'confirmed' AND i % 10 <> 0 THEN now() END,
           CASE WHEN st.status = 'waitlisted' THEN now() END, CASE WHEN st.status = 'waitlisted' THEN i END
      FROM generate_series(0, ${REGISTRATIONS - 1}) i
      JOIN c ON c.n = i % ${CONFERENCES}
      CROSS JOIN LATERAL (SELECT CASE WHEN i % 100 < 80 THEN 'confirmed' WHEN i % 100 < 88 THEN 'cancelled' WHEN i % 100 < 95 THEN 'waitlisted' ELSE 'transferred' END AS status) st
      CROSS JOIN LATERAL (SELECT (ARRAY['civil_society','civil_society','civil_society','civil_society','civil_society','civil_society','municipality','municipality',
        'region','county_board','state_agency','state_agency','government_offices','business','academia','other'])[1 + (i / ${CONFERENCES}) % 16] AS sector) sec
      CROSS JOIN LATERAL (SELECT 'Organisation ' || ((c.n % 50) * 7 + (i * 31) % 300) AS name) o`);
  log('VACUUM ANALYZE …');
  await db.query('VACUUM ANALYZE');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** CPU seconds the PostgreSQL backend has used so far (utime + stime from /proc, 100 ticks a second); null off Linux. */
function backendCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * Wall time per run (what a user waits), and CPU per run of the database backend and this process:
 * on a machine shared with other work the wall time grows with the load, the CPU time does not.
 */
async function time(runs: number, backendPid: number, once: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await once(i); // warm the caches, as a running app has them
  const cpuBefore = { db: backendCpuMs(backendPid), node: process.cpuUsage() };
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await once(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const dbAfter = backendCpuMs(backendPid);
  const node = process.cpuUsage(cpuBefore.node);
  samples.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    runs, p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), max: round(samples[samples.length - 1]),
    cpuMsPerRun: {
      database: dbAfter === null || cpuBefore.db === null ? null : round((dbAfter - cpuBefore.db) / runs),
      node: round((node.user + node.system) / 1000 / runs),
    },
  };
}

async function measure(db: Client, conferenceIds: string[], series: string[][]) {
  // The real query: ParticipantsService.attendanceRows, on this client (so a transaction can hide an index).
  const [{ pid }] = (await db.query('SELECT pg_backend_pid() AS pid')).rows;
  const participants = new ParticipantsService({ query: async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows } as never, null as never, null as never);
  const conference = await time(RUNS.conference, pid, async (i) => {
    const id = conferenceIds[(i * 37) % conferenceIds.length];
    return summariseAttendance(id, await participants.attendanceRows([id]), true);
  });
  const seriesTiming = await time(RUNS.series, pid, async (i) => {
    const ids = series[i % series.length];
    const members = ids.map((conferenceId) => ({ conferenceId, title: '', place: '', startsAt: new Date(0), ended: true }));
    return summariseSeries(members, await participants.attendanceRows(ids));
  });
  let sql = '';
  const capture = new ParticipantsService({ query: async (text: string) => ((sql = text), []) } as never, null as never, null as never);
  await capture.attendanceRows(['00000000-0000-4000-8000-000000000000']);
  const explain = async (ids: string[]) =>
    (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [ids])).rows.map((r: Record<string, string>) => r['QUERY PLAN']);
  return { conference, series: seriesTiming, plans: { conference: await explain([conferenceIds[0]]), series: await explain(series[0]) } };
}

async function main(): Promise<void> {
  // BENCH_REPORTS_DIR keeps the generated cluster for another run (generation takes minutes).
  const kept = process.env.BENCH_REPORTS_DIR;
  const dir = kept ?? (await mkdtemp(join(tmpdir(), 'dialogdag-bench-reports-')));
  log(`embedded PostgreSQL in ${dir} …`);
  const pg = await startEmbeddedPostgres({ dataDir: dir, settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_wal_size: '4GB' } });
  const db = new Client({ connectionString: pg.url });
  try {
    const source = await new DataSource(dataSourceOptions({ url: pg.url, migrations: allMigrations })).initialize();
    await runMigrations(source);
    await source.destroy();
    await db.connect();
    const started = Date.now();
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM conference`)).rows;
    if (n > 0) log(`reusing the ${n} conferences in ${dir}`);
    else {
      log(`generating ${CONFERENCES} conferences in ${SERIES} series, ${REGISTRATIONS.toLocaleString('en')} registrations …`);
      await generate(db);
    }
    const generationSeconds = Math.round((Date.now() - started) / 100) / 10;
    const conferenceIds = (await db.query(`SELECT id FROM conference ORDER BY slug`)).rows.map((r) => r.id as string);
    const series = (await db.query(`SELECT array_agg(conference_id ORDER BY conference_id) AS ids FROM conference_series_member GROUP BY series_id`)).rows.map((r) => r.ids as string[]);
    log('timing with the attendance index …');
    const withIndex = await measure(db, conferenceIds, series);
    log('timing without it (dropped inside a transaction, then restored) …');
    await db.query('BEGIN');
    await db.query('DROP INDEX registration_attendance');
    const withoutIndex = await measure(db, conferenceIds, series);
    await db.query('ROLLBACK');
    const targetsMet = withIndex.conference.p95 < TARGETS.conferenceMs && withIndex.series.p95 < TARGETS.seriesMs;
    const result = {
      name: 'reports',
      finishedAt: new Date().toISOString(),
      // Load averages over 1, 5 and 15 minutes at the end: above the core count, other work shared the machine.
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', loadAverage: loadavg().map((x) => Math.round(x * 10) / 10) },
      data: { conferences: CONFERENCES, series: SERIES, conferencesPerSeries: series[0]?.length ?? 0, registrations: REGISTRATIONS, generationSeconds },
      targets: TARGETS,
      targetsMet,
      summary:
        `conference p50 ${withIndex.conference.p50} ms / p95 ${withIndex.conference.p95} ms (target < ${TARGETS.conferenceMs}); ` +
        `100-conference series p50 ${withIndex.series.p50} ms / p95 ${withIndex.series.p95} ms (target < ${TARGETS.seriesMs}); ` +
        `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
      index: 'registration_attendance: the grouping keys of ParticipantsService.attendanceRows in its GROUP BY order, organisation and checked_in_at included (libs/registrations/src/migrations/1764000500100-registration-attendance-index.ts)',
      withIndex,
      withoutIndex,
    };
    await mkdir(RESULTS, { recursive: true });
    await writeFile(join(RESULTS, 'reports.json'), JSON.stringify(result, null, 2) + '\n');
    log(result.summary);
    log(`without the index: conference p95 ${withoutIndex.conference.p95} ms, series p95 ${withoutIndex.series.p95} ms`);
    log(`targets ${targetsMet ? 'met' : 'MISSED: see the plans in bench/results/reports.json'}`);
    process.exitCode = targetsMet ? 0 : 1;
  } finally {
    await db.end().catch(() => undefined);
    await pg.stop();
    if (!kept) await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

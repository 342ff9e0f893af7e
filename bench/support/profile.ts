import { readdirSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ActivitySummary, sampleActivity } from './activity';
import { Organiser } from './api';
import { REPO_ROOT, RunningApp, startApp } from './app';
import { checkConference } from './checks';
import { cpuMeter } from './cpu-time';
import { CpuSummary, summariseCpuProfile } from './cpu-profile';
import { postRegistrations } from './load';
import { BENCH_APPLICATION_NAME, BenchPostgres, counterDelta, DatabaseCounters, databaseCounters, postmasterPid, statementLogging } from './postgres';
import { MailTemplate } from './raw';
import { mean, round } from './stats';
import { analyseStatements, readStatementLog, StatementAnalysis } from './statement-log';
import { table } from './table';

/** Clients of the profiled run unless `--clients=N` says otherwise: the headline's concurrency. */
export const PROFILE_CLIENTS = 64;

export interface ProfileReport {
  clients: number;
  durationS: number;
  /** Throughput while instrumented (statement log, sampler, profiler): lower than the plain runs. */
  perSecond: number;
  p99Ms: number;
  registrations: number;
  /** TypeORM's pool (`extra.max` in libs/database), not configurable by environment today. */
  appPoolSize: number;
  statements: StatementAnalysis;
  counters: Record<keyof DatabaseCounters, number | null>;
  activity: ActivitySummary;
  /** CPU actually used (from /proc) in the load window: per registration, and in cores. */
  cpuTime: { windowS: number; msPerRegistration: Record<'app' | 'postgres' | 'loadGenerator', number>; coresUsed: Record<'app' | 'postgres' | 'loadGenerator', number> };
  cpu: CpuSummary;
  cpuProfileFile: string;
  mailBytes: number;
  /** appCpuMs: the app's CPU per registration (/proc), steadier than throughput on a shared machine. */
  logLevels: Array<{ level: string; perSecond: number; p50Ms: number; p99Ms: number; appCpuMs: number }>;
}

/**
 * One instrumented run of the current registration path, 64 clients (or `clients`) on one instance:
 * every statement logged with its duration (round trips, time in the conference row lock),
 * pg_stat_database counters before and after, pg_stat_activity sampled every 10 ms, and a
 * CPU profile of the app (`node --cpu-prof`) cut to the load window. Then the same load with
 * LOG_LEVEL info, warn and silent side by side, uninstrumented, for the cost of logging.
 */
export async function profileRegistration(options: {
  pg: BenchPostgres;
  app: RunningApp;
  organiser: Organiser;
  workDir: string;
  durationS: number;
  mail: MailTemplate;
  clients?: number;
}): Promise<ProfileReport> {
  const { pg, workDir, durationS } = options;
  const clients = options.clients ?? PROFILE_CLIENTS;
  // The instrumented app is the only one connected, so the sampler sees its connections alone.
  await options.app.stop();
  const profileDir = join(REPO_ROOT, 'bench', 'results', 'profile');
  await mkdir(profileDir, { recursive: true });
  const app = await startApp({ databaseUrl: pg.url, workDir, name: 'app-profiled', cpuProfileDir: profileDir });
  const organiser = options.organiser.at(app.url);
  const warm = await organiser.publishedConference('profile-warm', 100_000);
  await postRegistrations({ urls: [app.url], slug: warm.slug, clients: 16, durationS: 3, emailPrefix: `pw${Date.now().toString(36)}` });
  // Backends report their counters to pg_stat_database at most every second, idle ones after 10 s.
  await new Promise((resolve) => setTimeout(resolve, 11_000));

  const conference = await organiser.publishedConference('profile', 100_000);
  await pg.pool.query('CHECKPOINT');
  await statementLogging(pg.pool, true);
  const before = await databaseCounters(pg.pool);
  const sampler = await sampleActivity(pg.url);
  const cpuUsed = cpuMeter([app.pid], postmasterPid(pg));
  const fromUs = Number(process.hrtime.bigint() / 1000n);
  const load = await postRegistrations({ urls: [app.url], slug: conference.slug, clients: clients, durationS, emailPrefix: `p${Date.now().toString(36)}` });
  const toUs = Number(process.hrtime.bigint() / 1000n);
  // The bench process runs autocannon and the activity sampler.
  const cpuMs = cpuUsed();
  const activity = await sampler.stop();
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await statementLogging(pg.pool, false);
  await new Promise((resolve) => setTimeout(resolve, 9000));
  const after = await databaseCounters(pg.pool);
  const check = await checkConference(pg.pool, conference.id, load.acknowledged, clients);
  const registrations = check.confirmed + check.waitlisted;
  await app.stop();

  const statements = analyseStatements(readStatementLog(pg.logFile, BENCH_APPLICATION_NAME), registrations);
  const cpuProfileFile = newestCpuProfile(profileDir);
  const cpu = summariseCpuProfile(cpuProfileFile, fromUs, toUs, registrations);
  const delta = counterDelta(before, after);
  // Each sampler query is a transaction of its own.
  if (delta.xactCommit !== null) delta.xactCommit -= activity.samples;
  const counters = Object.fromEntries(
    Object.entries(delta).map(([k, v]) => [k, v === null ? null : round(v / registrations)]),
  ) as ProfileReport['counters'];
  const cpuTime = {
    windowS: round((toUs - fromUs) / 1e6),
    msPerRegistration: Object.fromEntries(Object.entries(cpuMs).map(([k, v]) => [k, round(v / registrations)])) as Record<keyof typeof cpuMs, number>,
    coresUsed: Object.fromEntries(Object.entries(cpuMs).map(([k, v]) => [k, round(v / ((toUs - fromUs) / 1000))])) as Record<keyof typeof cpuMs, number>,
  };

  const logLevels = await compareLogLevels(pg, options.organiser, workDir, durationS, clients);

  return {
    clients: clients,
    durationS: round(load.durationS),
    perSecond: round(load.perSecond),
    p99Ms: load.latencyMs.p99,
    registrations,
    appPoolSize: 20,
    statements,
    counters,
    activity,
    cpuTime,
    cpu,
    cpuProfileFile,
    mailBytes: options.mail.textBody.length + (options.mail.htmlBody?.length ?? 0),
    logLevels,
  };
}

/**
 * The same load on three instances that differ only in LOG_LEVEL, one at a time, in two rounds of
 * rotating order, so drift on a shared machine spreads over all three.
 */
async function compareLogLevels(pg: BenchPostgres, organiser: Organiser, workDir: string, durationS: number, clients: number): Promise<ProfileReport['logLevels']> {
  const levels = ['info', 'warn', 'silent'];
  const apps: RunningApp[] = [];
  try {
    const targets = [];
    for (const level of levels) {
      const app = await startApp({ databaseUrl: pg.url, workDir, name: `app-log-${level}`, logLevel: level });
      apps.push(app);
      const conference = await organiser.at(app.url).publishedConference(`log-${level}`, 100_000);
      await postRegistrations({ urls: [app.url], slug: conference.slug, clients: 16, durationS: 3, emailPrefix: `lw${level}${Date.now().toString(36)}` });
      targets.push({ level, app, conference, runs: [] as Array<{ created: number; durationS: number; p50: number; p99: number; appCpuMs: number }> });
    }
    for (const round of [0, 1]) {
      for (let i = 0; i < targets.length; i++) {
        const t = targets[(i + round) % targets.length];
        await pg.pool.query('CHECKPOINT');
        const cpuUsed = cpuMeter([t.app.pid], postmasterPid(pg));
        const r = await postRegistrations({ urls: [t.app.url], slug: t.conference.slug, clients, durationS, emailPrefix: `l${t.level}${round}${Date.now().toString(36)}` });
        t.runs.push({ created: r.created, durationS: r.durationS, p50: r.latencyMs.p50, p99: r.latencyMs.p99, appCpuMs: cpuUsed().app });
      }
    }
    return targets.map((t) => ({
      level: t.level,
      perSecond: round(t.runs.reduce((a, r) => a + r.created, 0) / t.runs.reduce((a, r) => a + r.durationS, 0)),
      p50Ms: round(mean(t.runs.map((r) => r.p50))),
      p99Ms: round(mean(t.runs.map((r) => r.p99))),
      appCpuMs: round(t.runs.reduce((a, r) => a + r.appCpuMs, 0) / t.runs.reduce((a, r) => a + r.created, 0)),
    }));
  } finally {
    for (const app of apps) await app.stop();
  }
}

function newestCpuProfile(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f));
  if (files.length === 0) throw new Error(`no .cpuprofile in ${dir}`);
  return files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

export function formatProfile(p: ProfileReport): string {
  const s = p.statements;
  const l = s.lock;
  return [
    `Profiled run: ${p.clients} clients, one instance, ${p.durationS} s: ${p.perSecond}/s, p99 ${p.p99Ms} ms (instrumented), ${p.registrations} registrations`,
    '',
    `Round trips per registration: ${s.perRegistration} statements (${s.backends} backends used; app pool max ${p.appPoolSize})`,
    table(['statement', 'per reg.', 'in tx', 'mean ms', 'p99 ms'], s.byKind.slice(0, 14).map((k) => [k.kind, k.perRegistration, k.inTransaction ? 'yes' : 'no', k.meanMs, k.p99Ms])),
    '',
    `Conference row lock: ${l.holds} holds, ${l.registrationsPerHold} registrations each; held ${l.holdMeanMs} ms mean (p50 ${l.holdP50Ms}, p99 ${l.holdP99Ms}) → at most ${l.impliedCeilingPerSecond}/s on one conference at that batch size`,
    `  of which statements after the lock statement ${l.statementsInLockMeanMs} ms, COMMIT (WAL flush) ${l.commitMeanMs} ms, app + round trips between statements ${l.appAndNetworkInLockMeanMs} ms`,
    `  waiting for the lock (the lock statement's duration): mean ${l.waitMeanMs} ms, p99 ${l.waitP99Ms} ms`,
    '',
    `pg_stat_database per registration: ${Object.entries(p.counters).map(([k, v]) => `${k} ${v ?? 'n/a'}`).join(', ')}`,
    `pg_stat_activity (mean connections of the app, ${p.activity.samples} samples, max open ${p.activity.maxOpenConnections}): ` +
      Object.entries(p.activity.meanConnections).map(([k, v]) => `${k} ${v}`).join(', '),
    '',
    `CPU used in the load window (/proc; PostgreSQL's includes the statement log and the sampler), ms per registration: app ${p.cpuTime.msPerRegistration.app}, PostgreSQL ${p.cpuTime.msPerRegistration.postgres}, load generator ${p.cpuTime.msPerRegistration.loadGenerator}` +
      ` (cores: ${p.cpuTime.coresUsed.app}, ${p.cpuTime.coresUsed.postgres}, ${p.cpuTime.coresUsed.loadGenerator})`,
    `App CPU profile (${p.cpu.windowed ? 'load window' : 'whole process'}; sampled wall time on the main thread, inflated when the machine is contended): ` +
      `${p.cpu.busyMsPerRegistration} ms per registration, ${Math.round(p.cpu.coreShare * 100)}% busy, GC ${p.cpu.gcMsPerRegistration} ms/registration`,
    table(['inclusive time per registration', 'ms'], Object.entries(p.cpu.groupsMsPerRegistration).map(([k, v]) => [k, v])),
    table(['self time by package', '% of busy'], p.cpu.selfByPackage.map((x) => [x.where, x.share])),
    table(['top self functions', '% of busy'], p.cpu.topSelfFunctions.map((x) => [x.fn, x.share])),
    `Mail composed per registration: ${p.mailBytes} characters (text + HTML). CPU profile: ${p.cpuProfileFile}`,
    '',
    'Logging: the same load, uninstrumented, on three instances differing only in LOG_LEVEL (two rounds each, rotating order):',
    table(['LOG_LEVEL', 'reg/s', 'p50 ms', 'p99 ms', 'app CPU ms/reg'], p.logLevels.map((x) => [x.level, x.perSecond, x.p50Ms, x.p99Ms, x.appCpuMs])),
  ].join('\n');
}

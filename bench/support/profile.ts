import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ActivitySummary, sampleActivity } from './activity';
import { Organiser } from './api';
import { REPO_ROOT, RunningApp, startApp } from './app';
import { checkConference } from './checks';
import { CpuSummary, summariseCpuProfile } from './cpu-profile';
import { postRegistrations } from './load';
import { BenchPostgres, counterDelta, DatabaseCounters, databaseCounters, statementLogging } from './postgres';
import { MailTemplate } from './raw';
import { round } from './stats';
import { analyseStatements, readStatementLog, StatementAnalysis } from './statement-log';
import { table } from './table';

const CLIENTS = 64;

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
  cpu: CpuSummary;
  cpuProfileFile: string;
  mailBytes: number;
  logLevels: Array<{ level: string; perSecond: number; p50Ms: number; p99Ms: number }>;
}

/**
 * One instrumented run of the current registration path, 64 clients on one instance:
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
}): Promise<ProfileReport> {
  const { pg, organiser, workDir, durationS } = options;
  // The instrumented app is the only one connected, so the sampler sees its connections alone.
  await options.app.stop();
  const profileDir = join(REPO_ROOT, 'bench', 'results', 'profile');
  await mkdir(profileDir, { recursive: true });
  const app = await startApp({ databaseUrl: pg.url, workDir, name: 'app-profiled', cpuProfileDir: profileDir });
  const warm = await organiser.publishedConference('profile-warm', 100_000);
  await postRegistrations({ urls: [app.url], slug: warm.slug, clients: 16, durationS: 3, emailPrefix: `pw${Date.now().toString(36)}` });

  const conference = await organiser.publishedConference('profile', 100_000);
  await pg.pool.query('CHECKPOINT');
  await statementLogging(pg.pool, true);
  const before = await databaseCounters(pg.pool);
  const sampler = await sampleActivity(pg.url);
  const fromUs = Number(process.hrtime.bigint() / 1000n);
  const load = await postRegistrations({ urls: [app.url], slug: conference.slug, clients: CLIENTS, durationS, emailPrefix: `p${Date.now().toString(36)}` });
  const toUs = Number(process.hrtime.bigint() / 1000n);
  const activity = await sampler.stop();
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await statementLogging(pg.pool, false);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = await databaseCounters(pg.pool);
  const check = await checkConference(pg.pool, conference.id, load.acknowledged, CLIENTS);
  const registrations = check.confirmed + check.waitlisted;
  await app.stop();

  const logFile = join(pg.dataDir, 'postgres', 'log', 'statements.log');
  if (!existsSync(logFile)) throw new Error(`no statement log at ${logFile}`);
  const statements = analyseStatements(readStatementLog(logFile, [sampler.pid]), registrations);
  const cpuProfileFile = newestCpuProfile(profileDir);
  const cpu = summariseCpuProfile(cpuProfileFile, fromUs, toUs, registrations);
  const delta = counterDelta(before, after);
  const counters = Object.fromEntries(
    Object.entries(delta).map(([k, v]) => [k, v === null ? null : round(v / registrations)]),
  ) as ProfileReport['counters'];

  const logLevels: ProfileReport['logLevels'] = [];
  for (const level of ['info', 'warn', 'silent']) {
    const levelApp = await startApp({ databaseUrl: pg.url, workDir, name: `app-log-${level}`, logLevel: level });
    try {
      const c = await organiser.publishedConference(`log-${level}`, 100_000);
      await postRegistrations({ urls: [levelApp.url], slug: c.slug, clients: 16, durationS: 3, emailPrefix: `lw${level}${Date.now().toString(36)}` });
      await pg.pool.query('CHECKPOINT');
      const r = await postRegistrations({ urls: [levelApp.url], slug: c.slug, clients: CLIENTS, durationS, emailPrefix: `l${level}${Date.now().toString(36)}` });
      logLevels.push({ level, perSecond: round(r.perSecond), p50Ms: r.latencyMs.p50, p99Ms: r.latencyMs.p99 });
    } finally {
      await levelApp.stop();
    }
  }

  return {
    clients: CLIENTS,
    durationS: round(load.durationS),
    perSecond: round(load.perSecond),
    p99Ms: load.latencyMs.p99,
    registrations,
    appPoolSize: 20,
    statements,
    counters,
    activity,
    cpu,
    cpuProfileFile,
    mailBytes: options.mail.textBody.length + (options.mail.htmlBody?.length ?? 0),
    logLevels,
  };
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
    `Conference row lock, per registration: held ${l.holdMeanMs} ms mean (p50 ${l.holdP50Ms}, p99 ${l.holdP99Ms}) → at most ${l.impliedCeilingPerSecond}/s on one conference`,
    `  of which statements after the seat UPDATE ${l.statementsInLockMeanMs} ms, COMMIT (WAL flush) ${l.commitMeanMs} ms, app + round trips between statements ${l.appAndNetworkInLockMeanMs} ms`,
    `  waiting for the lock (seat UPDATE duration): mean ${l.waitMeanMs} ms, p99 ${l.waitP99Ms} ms`,
    '',
    `pg_stat_database per registration: ${Object.entries(p.counters).map(([k, v]) => `${k} ${v ?? 'n/a'}`).join(', ')}`,
    `pg_stat_activity (mean connections of the app, ${p.activity.samples} samples, max open ${p.activity.maxOpenConnections}): ` +
      Object.entries(p.activity.meanConnections).map(([k, v]) => `${k} ${v}`).join(', '),
    '',
    `App CPU (${p.cpu.windowed ? 'load window' : 'whole process'}): ${p.cpu.busyMsPerRegistration} ms per registration, ${Math.round(p.cpu.coreShare * 100)}% of one core, GC ${p.cpu.gcMsPerRegistration} ms/registration`,
    table(['inclusive time per registration', 'ms'], Object.entries(p.cpu.groupsMsPerRegistration).map(([k, v]) => [k, v])),
    table(['self time by package', '% of busy'], p.cpu.selfByPackage.map((x) => [x.where, x.share])),
    table(['top self functions', '% of busy'], p.cpu.topSelfFunctions.map((x) => [x.fn, x.share])),
    `Mail composed per registration: ${p.mailBytes} characters (text + HTML). CPU profile: ${p.cpuProfileFile}`,
    '',
    'Logging, same load uninstrumented, side by side:',
    table(['LOG_LEVEL', 'reg/s', 'p50 ms', 'p99 ms'], p.logLevels.map((x) => [x.level, x.perSecond, x.p50Ms, x.p99Ms])),
  ].join('\n');
}

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Conference, Organiser } from './support/api';
import { REPO_ROOT, RunningApp, startApp } from './support/app';
import { checkConference, CheckResult } from './support/checks';
import { cpuMeter, CpuUse } from './support/cpu-time';
import { postRegistrations } from './support/load';
import { loadAverageNow, machine } from './support/machine';
import { BenchPostgres, postmasterPid, startBenchPostgres } from './support/postgres';
import { profileRegistration } from './support/profile';
import { mailTemplate, MailTemplate, rawCeiling } from './support/raw';
import { round } from './support/stats';
import { table } from './support/table';

/** Issue #10: where registration has to get to. */
export const TARGETS = { perSecond: 2000, timesRaw: 3, p99MsAt64: 100, errors: 0 };

/** A capacity no run reaches (the API allows 100,000; the bench raises it in SQL). */
const OPEN_CAPACITY = 10_000_000;
const WARM_UP_S = 3;

export interface RegistrationBenchOptions {
  durationS: number;
  clients: number[];
  instances: number[];
  /** Share of requests in the app runs that repeat a recent e-mail (0: every e-mail distinct, as in issue #10). */
  duplicates: number;
  /** Run the instrumented profiling pass instead of the measurements. */
  profile: boolean;
  /** --clients was given: the profiling pass uses its first value instead of 64. */
  clientsGiven?: boolean;
}

export interface Measurement {
  label: string;
  kind: 'raw' | 'app';
  instances: number;
  clients: number;
  /** open: capacity never reached; fills: capacity is half of what the open run registered, so it fills mid-run. */
  capacityMode: 'open' | 'fills';
  durationS: number;
  perSecond: number;
  created: number;
  /** perSecond over the raw ceiling at the same concurrency (mean of the raw runs before and after). */
  timesRaw: number | null;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  non2xx: number;
  /** 409s for repeated e-mails (with --duplicates): expected, not errors. */
  duplicatesRefused: number;
  errors: number;
  /** CPU ms per registration (from /proc): the app instances, PostgreSQL, the load generator. */
  cpuMsPerRegistration: CpuUse;
  statusCounts?: Record<string, number>;
  check: CheckResult;
  targets?: Record<'perSecond' | 'timesRaw' | 'p99' | 'errors', boolean | null>;
}

export interface RegistrationReport {
  name: 'registration';
  startedAt: string;
  finishedAt: string;
  machine: ReturnType<typeof machine> & { loadAverageAtEnd: number[]; note: string };
  postgres: { version: string; settings: Record<string, string> };
  options: RegistrationBenchOptions;
  targets: typeof TARGETS;
  measurements: Measurement[];
  headline: Measurement | null;
  summary: string;
  profile?: unknown;
}

export async function runRegistrationBench(options: RegistrationBenchOptions): Promise<RegistrationReport> {
  const startedAt = new Date().toISOString();
  const about = machine();
  const pg = await startBenchPostgres();
  const apps: RunningApp[] = [];
  const workDir = join(pg.dataDir, 'apps');
  const cleanUp = async () => {
    for (const app of apps) await app.stop();
    await pg.stop();
  };
  // Ctrl-C: stop the apps and PostgreSQL, remove the temporary folder.
  const interrupted = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    log(`PostgreSQL ${pg.version} (fsync=${pg.settings.fsync}, synchronous_commit=${pg.settings.synchronous_commit}) in ${pg.dataDir}`);
    apps.push(await startApp({ databaseUrl: pg.url, workDir, name: 'app-1' }));
    const organiser = await Organiser.login(apps[0].url);

    // One real registration's e-mail for the raw ceiling to copy; the warm-up also lets V8 compile the hot path.
    const warmUp = await organiser.publishedConference('warmup', 100_000);
    await warmUpApp(apps[0], warmUp);
    const mail = await mailTemplate(pg.pool, warmUp.id);

    const report = (measurements: Measurement[], profile?: unknown): RegistrationReport => {
      const headline = measurements.find((m) => m.kind === 'app' && m.instances === 1 && m.clients === 64 && m.capacityMode === 'open') ?? null;
      return {
        name: 'registration',
        startedAt,
        finishedAt: new Date().toISOString(),
        machine: { ...about, loadAverageAtEnd: loadAverageNow(), note: 'shared machine: app, PostgreSQL and load generator on the same cores, other work running' },
        postgres: { version: pg.version, settings: pg.settings },
        options,
        targets: TARGETS,
        measurements,
        headline,
        summary: headline ? summaryLine(headline) : 'no headline run (1 instance, 64 clients)',
        profile,
      };
    };

    if (options.profile) {
      const clients = options.clientsGiven ? options.clients[0] : undefined;
      const profile = await profileRegistration({ pg, app: apps[0], organiser, workDir, durationS: options.durationS, mail, clients });
      return report([], profile);
    }

    const measurements: Measurement[] = [];
    const rawBefore = new Map<number, Measurement>();
    for (const clients of options.clients) {
      const m = await measureRaw(pg, organiser, clients, options.durationS, mail, 'raw SQL (before)');
      rawBefore.set(clients, m);
      measurements.push(m);
    }
    for (const instances of options.instances) {
      while (apps.length < instances) {
        apps.push(await startApp({ databaseUrl: pg.url, workDir, name: `app-${apps.length + 1}` }));
        await warmUpApp(apps[apps.length - 1], warmUp);
      }
      for (const clients of options.clients) {
        const open = await measureApp(pg, organiser, apps.slice(0, instances), clients, options.durationS, 'open', OPEN_CAPACITY, options.duplicates);
        measurements.push(open);
        const fillAt = Math.max(1, Math.floor(open.created / 2));
        measurements.push(await measureApp(pg, organiser, apps.slice(0, instances), clients, options.durationS, 'fills', fillAt, options.duplicates));
      }
    }
    for (const clients of options.clients) {
      const after = await measureRaw(pg, organiser, clients, options.durationS, mail, 'raw SQL (after)');
      measurements.push(after);
      const ceiling = (rawBefore.get(clients)!.perSecond + after.perSecond) / 2;
      for (const m of measurements.filter((m) => m.clients === clients)) {
        m.timesRaw = round(m.perSecond / ceiling);
        if (m.kind === 'app') m.targets = targetsFor(m);
      }
    }
    return report(measurements);
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await cleanUp();
  }
}

async function warmUpApp(app: RunningApp, conference: Conference): Promise<void> {
  await postRegistrations({ urls: [app.url], slug: conference.slug, clients: 16, durationS: WARM_UP_S, emailPrefix: uniquePrefix('warm') });
}

async function measureRaw(pg: BenchPostgres, organiser: Organiser, clients: number, durationS: number, mail: MailTemplate, label: string): Promise<Measurement> {
  const conference = await organiser.publishedConference(`raw-${clients}`, 100_000);
  await pg.pool.query(`UPDATE conference SET capacity = $2 WHERE id = $1`, [conference.id, OPEN_CAPACITY]);
  await pg.pool.query('CHECKPOINT');
  log(`${label}, ${clients} clients, ${durationS} s …`);
  const cpuUsed = cpuMeter([], postmasterPid(pg));
  const r = await rawCeiling({ databaseUrl: pg.url, conferenceId: conference.id, clients, durationS, emailPrefix: uniquePrefix('raw'), mail });
  const cpu = perRegistration(cpuUsed(), r.created);
  const check = await checkConference(pg.pool, conference.id, r.acknowledged, clients);
  const m: Measurement = {
    label, kind: 'raw', instances: 0, clients, capacityMode: 'open', durationS: round(r.durationS), perSecond: round(r.perSecond),
    created: r.created, timesRaw: null, latencyMs: roundAll(r.latencyMs), non2xx: 0, duplicatesRefused: 0, errors: r.errors, cpuMsPerRegistration: cpu, check,
  };
  log(`  ${m.perSecond}/s, p99 ${m.latencyMs.p99} ms, check ${check.ok ? 'ok' : check.problems.join('; ')}`);
  return m;
}

async function measureApp(
  pg: BenchPostgres,
  organiser: Organiser,
  apps: RunningApp[],
  clients: number,
  durationS: number,
  capacityMode: 'open' | 'fills',
  capacity: number,
  duplicates: number,
): Promise<Measurement> {
  const label = `app ×${apps.length}, ${capacityMode === 'open' ? 'open capacity' : `fills at ${capacity}`}`;
  const conference = await organiser.publishedConference(`${apps.length}x${clients}-${capacityMode}`, Math.min(capacity, 100_000));
  await pg.pool.query(`UPDATE conference SET capacity = $2 WHERE id = $1`, [conference.id, capacity]);
  await pg.pool.query('CHECKPOINT');
  log(`${label}, ${clients} clients, ${durationS} s …`);
  const cpuUsed = cpuMeter(apps.map((a) => a.pid), postmasterPid(pg));
  const r = await postRegistrations({ urls: apps.map((a) => a.url), slug: conference.slug, clients, durationS, emailPrefix: uniquePrefix('app'), duplicates });
  const cpu = perRegistration(cpuUsed(), r.created);
  // Requests still in flight when the load stopped finish on the server; let them before counting.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const check = await checkConference(pg.pool, conference.id, r.acknowledged, clients);
  const m: Measurement = {
    label, kind: 'app', instances: apps.length, clients, capacityMode, durationS: round(r.durationS), perSecond: round(r.perSecond),
    created: r.created, timesRaw: null, latencyMs: roundAll(r.latencyMs), non2xx: r.unexpectedNon2xx,
    duplicatesRefused: r.non2xx - r.unexpectedNon2xx, errors: r.errors, cpuMsPerRegistration: cpu,
    statusCounts: r.statusCounts, check,
  };
  log(`  ${m.perSecond}/s, p99 ${m.latencyMs.p99} ms, ${m.non2xx} non-2xx, ${m.errors} errors, check ${check.ok ? 'ok' : check.problems.join('; ')}`);
  return m;
}

function targetsFor(m: Measurement): NonNullable<Measurement['targets']> {
  return {
    perSecond: m.perSecond >= TARGETS.perSecond,
    timesRaw: m.timesRaw === null ? null : m.timesRaw >= TARGETS.timesRaw,
    p99: m.clients === 64 ? m.latencyMs.p99 < TARGETS.p99MsAt64 : null,
    errors: m.non2xx + m.errors <= TARGETS.errors,
  };
}

const mark = (value: boolean | null | undefined) => (value === null || value === undefined ? '–' : value ? 'met' : 'MISSED');

function summaryLine(m: Measurement): string {
  return `${m.perSecond} registrations/s (${m.timesRaw ?? '?'}× raw), p99 ${m.latencyMs.p99} ms at ${m.clients} clients, one instance; ` +
    `${m.non2xx + m.errors} errors; check ${m.check.ok ? 'ok' : 'FAILED'}`;
}

export function formatReport(report: RegistrationReport): string {
  const rows = report.measurements.map((m) => [
    m.label,
    m.clients,
    m.perSecond,
    m.timesRaw === null ? '–' : `${m.timesRaw}×`,
    m.latencyMs.p50,
    m.latencyMs.p99,
    m.duplicatesRefused > 0 ? `${m.non2xx} (+${m.duplicatesRefused} dup. 409)` : m.non2xx,
    m.errors,
    `${m.kind === 'raw' ? '–' : m.cpuMsPerRegistration.app}/${m.cpuMsPerRegistration.postgres}/${m.cpuMsPerRegistration.loadGenerator}`,
    `${m.check.confirmed}+${m.check.waitlisted}`,
    m.check.perTransaction,
    m.check.ok ? 'ok' : `FAILED: ${m.check.problems.join('; ')}`,
  ]);
  const lines = [
    table(['run', 'clients', 'reg/s', '× raw', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'CPU ms/reg app/pg/gen', 'confirmed+waitlisted', 'reg/tx', 'check'], rows),
    '',
    `Targets (issue #10): ≥ ${TARGETS.perSecond}/s · ≥ ${TARGETS.timesRaw}× the raw ceiling measured in the same run · p99 < ${TARGETS.p99MsAt64} ms at 64 clients · zero errors`,
  ];
  const appRuns = report.measurements.filter((m) => m.kind === 'app');
  if (appRuns.length > 0) {
    lines.push(table(
      ['run', 'clients', `≥${TARGETS.perSecond}/s`, `≥${TARGETS.timesRaw}× raw`, `p99<${TARGETS.p99MsAt64}ms`, '0 errors'],
      appRuns.map((m) => [m.label, m.clients, mark(m.targets?.perSecond), mark(m.targets?.timesRaw), mark(m.targets?.p99), mark(m.targets?.errors)]),
    ));
  }
  lines.push('', `Headline: ${report.summary}`);
  lines.push(`Machine: ${report.machine.cpus} × ${report.machine.cpuModel}, load average ${report.machine.loadAverage.join(' ')} → ${report.machine.loadAverageAtEnd.join(' ')} (${report.machine.note}); commit ${report.machine.commit}${report.machine.appOrLibsModified ? ' (apps/libs modified)' : ''}; PostgreSQL ${report.postgres.version}, fsync=${report.postgres.settings.fsync}, synchronous_commit=${report.postgres.settings.synchronous_commit}`);
  return lines.join('\n');
}

function perRegistration(cpu: CpuUse, registrations: number): CpuUse {
  const per = (ms: number) => round(ms / Math.max(1, registrations));
  return { app: per(cpu.app), postgres: per(cpu.postgres), loadGenerator: per(cpu.loadGenerator) };
}

function roundAll<T extends Record<string, number>>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, round(v)])) as T;
}

let prefixCounter = 0;
function uniquePrefix(label: string): string {
  return `${label}${Date.now().toString(36)}${prefixCounter++}`;
}

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');

export function parseOptions(argv: string[]): RegistrationBenchOptions {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const list = (name: string, fallback: number[]) => value(name)?.split(',').map(Number) ?? fallback;
  const profile = argv.includes('--profile');
  return {
    durationS: Number(value('duration') ?? (profile ? 10 : 15)),
    clients: list('clients', [16, 64]),
    instances: list('instances', [1, 2]),
    duplicates: Number(value('duplicates') ?? 0),
    profile,
    clientsGiven: value('clients') !== undefined,
  };
}

/** `npm run bench:registration [-- --duration=15 --clients=16,64 --instances=1,2 --duplicates=0.05 | --profile [--clients=64]]` */
async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const report = await runRegistrationBench(options);
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, options.profile ? 'registration-profile.json' : 'registration.json');
  await writeFile(file, JSON.stringify(report, null, 2) + '\n');
  if (options.profile) {
    const { formatProfile } = await import('./support/profile');
    console.log(formatProfile(report.profile as Parameters<typeof formatProfile>[0]));
  } else {
    console.log(formatReport(report));
  }
  console.log(`\nWritten to ${file}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

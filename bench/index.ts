import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from './support/app';
import { table } from './support/table';
import { formatReport, log, parseOptions, RegistrationReport, RESULTS_DIR, runRegistrationBench } from './registration.bench';

/**
 * Benchmarks written for the other capabilities, run when their npm script exists. Each is
 * expected to write `bench/results/<name>.json`; the table shows its `summary` (a one-line
 * string) and `targetsMet` (boolean) when present.
 */
const OTHERS = ['workshops', 'seating', 'reports'];

interface OtherResult {
  name: string;
  ran: boolean;
  exitCode: number | null;
  summary: string;
  targetsMet: boolean | null;
  result: unknown;
}

function runOther(name: string, scripts: Record<string, string>, since: number): OtherResult {
  const script = `bench:${name}`;
  if (!scripts[script]) return { name, ran: false, exitCode: null, summary: `no "${script}" script yet`, targetsMet: null, result: null };
  log(`npm run ${script} …`);
  const run = spawnSync('npm', ['run', '--silent', script], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  const file = join(RESULTS_DIR, `${name}.json`);
  let result: Record<string, unknown> | null = null;
  if (existsSync(file) && statSync(file).mtimeMs >= since) {
    try {
      result = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      result = null;
    }
  }
  const summary = typeof result?.summary === 'string' ? result.summary : result ? 'results written (no summary field)' : `no fresh ${name}.json`;
  const targetsMet = typeof result?.targetsMet === 'boolean' ? result.targetsMet : null;
  return { name, ran: true, exitCode: run.status, summary, targetsMet, result };
}

/** `npm run bench`: registration (see registration.bench.ts), then the other capabilities' benchmarks; one table, one JSON file. */
async function main(): Promise<void> {
  const started = Date.now();
  const options = parseOptions(process.argv.slice(2).filter((a) => a !== '--profile'));
  const registration: RegistrationReport = await runRegistrationBench(options);
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(join(RESULTS_DIR, 'registration.json'), JSON.stringify(registration, null, 2) + '\n');

  const scripts = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).scripts ?? {}) as Record<string, string>;
  const others = OTHERS.map((name) => runOther(name, scripts, started));

  const latest = { startedAt: new Date(started).toISOString(), finishedAt: new Date().toISOString(), registration, others };
  const file = join(RESULTS_DIR, 'latest.json');
  await writeFile(file, JSON.stringify(latest, null, 2) + '\n');

  console.log('\n== Registration ==');
  console.log(formatReport(registration));
  console.log('\n== All capabilities ==');
  // Judged where the issue measured: every app run at 64 clients, one instance and two; the 16-client runs are in the table above.
  const at64 = registration.measurements.filter((m) => m.kind === 'app' && m.clients === 64);
  const registrationMet = at64.length > 0 ? at64.every((m) => m.targets && Object.values(m.targets).every((v) => v !== false) && m.check.ok) : null;
  console.log(table(['capability', 'result', 'targets'], [
    ['registration', registration.summary, registrationMet === null ? '–' : registrationMet ? 'met' : 'MISSED'],
    ...others.map((o) => [
      o.name,
      o.ran && o.exitCode !== 0 ? `FAILED (exit ${o.exitCode}): ${o.summary}` : o.summary,
      o.targetsMet === null ? '–' : o.targetsMet ? 'met' : 'MISSED',
    ]),
  ]));
  console.log(`\nWritten to ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

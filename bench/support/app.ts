import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { freePort } from '../../libs/database/src/embedded-postgres';

/** The repository root, whether this runs from bench/ or from its compiled copy in bench/.build. */
export const REPO_ROOT = findRoot(__dirname);

/** The built app, as `npm start` runs it. */
export const APP_ENTRY = join(REPO_ROOT, 'dist/apps/api/apps/api/src/main.js');

export const ADMIN = { email: 'bench@dialogdag.local', password: 'bench password, long enough' };

export interface AppOptions {
  databaseUrl: string;
  /** Folder for the app's DATA_DIR and its log file. */
  workDir: string;
  name: string;
  logLevel?: string;
  /** Write a V8 CPU profile (`--cpu-prof`) into this folder when the app exits. */
  cpuProfileDir?: string;
}

export interface RunningApp {
  url: string;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Spawns the built app (`node dist/apps/api/apps/api/src/main.js`) on a free port with
 * the given database, waits until /api/health answers, and stops it with SIGTERM.
 * No SMTP_URL: mail stays in the outbox, as in a fresh `npm start`.
 */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  if (!existsSync(APP_ENTRY)) throw new Error(`${APP_ENTRY} is missing: run npm run build first`);
  const port = await freePort();
  const dataDir = join(options.workDir, options.name);
  await mkdir(dataDir, { recursive: true });
  const logFile = join(options.workDir, `${options.name}.log`);
  const log = createWriteStream(logFile);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    DEMO_DATA: 'false',
    LOG_LEVEL: options.logLevel ?? 'warn',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  };
  delete env.SMTP_URL;
  delete env.NODE_OPTIONS;
  const args = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
  const child = spawn(process.execPath, [...args, APP_ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app ${options.name} exited with ${child.exitCode}:\n${tail(logFile)}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stopChild(child, exited);
      throw new Error(`app ${options.name} did not answer /api/health within 90 s:\n${tail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, pid: child.pid!, logFile, stop: () => stopChild(child, exited).then(() => void log.end()) };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

function findRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nest-cli.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no nest-cli.json above ${from}`);
  }
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

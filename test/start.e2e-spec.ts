import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync as exists } from 'node:fs';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@dialogdag/database';

const root = join(__dirname, '..');
const main = join(root, 'dist/apps/api/apps/api/src/main.js');

/** Runs the built app as `npm start` does, until it says it is running; then SIGINT, as Ctrl-C does. */
async function startApp(cwd: string, env: NodeJS.ProcessEnv, terminal = false) {
  const port = await freePort();
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), ...env };
  for (const name of ['DATABASE_URL', 'SMTP_URL', 'LOG_LEVEL', 'DATA_DIR']) if (!(name in env)) delete fullEnv[name];
  // A terminal is a pseudo-terminal from util-linux's script(1), as a person running npm start has.
  const [command, args] = terminal ? ['script', ['-qfec', `${process.execPath} ${main}`, '/dev/null']] : [process.execPath, [main]];
  const child: ChildProcess = spawn(command, args, { cwd, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: terminal });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  while (!output.includes('Demo organiser:')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`app did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { child, port, output: () => output, exited };
}

/** What `npm start` does: build, start an embedded PostgreSQL in DATA_DIR, seed, serve, stop on SIGINT. */
describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dialogdag-start-'));
  const privateDir = mkdtempSync(join(tmpdir(), 'dialogdag-private-start-')); // 0700, like /root
  const children: ChildProcess[] = [];

  beforeAll(() => {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
  }, 120_000);

  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    const moved = join(privateDir, '.data', 'postgres-location.txt');
    if (existsSync(moved)) rmSync(readFileSync(moved, 'utf8').trim(), { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(privateDir, { recursive: true, force: true });
  });

  it('serves the demo form on its own embedded database, logs quietly in JSON, and shuts down cleanly', async () => {
    const app = await startApp(root, { DATA_DIR: dataDir });
    children.push(app.child);
    expect(app.output()).toContain(`Dialogdag is running at http://localhost:${app.port}`);
    expect(app.output()).toMatch(/Demo organiser: demo@dialogdag\.local \/ \S+/);
    const form = await fetch(`http://127.0.0.1:${app.port}/c/dialogkonferens-goteborg`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('<form');
    const health = await fetch(`http://127.0.0.1:${app.port}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });

    app.child.kill('SIGINT');
    expect(await app.exited).toBe(0);
    // Not a terminal: JSON lines, at the default level (info) without a line per mapped route. Read once the
    // app has exited: the logger writes asynchronously, the start-up lines above synchronously.
    const logLines = app.output().split('\n').filter((line) => line.startsWith('{'));
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.length).toBeLessThan(10);
    expect(app.output()).not.toContain('Mapped {');
    const postgresLeft = execFileSync('ps', ['-eo', 'args']).toString().split('\n').filter((line) => line.includes(dataDir));
    expect(postgresLeft).toEqual([]);
  }, 180_000);

  (exists('/usr/bin/script') ? it : it.skip)('logs readable lines, not JSON, to a terminal', async () => {
    const app = await startApp(root, { DATA_DIR: dataDir }, true);
    children.push(app.child);
    await fetch(`http://127.0.0.1:${app.port}/c/no-such-conference`);
    const deadline = Date.now() + 5000;
    while (!/GET \/c\/no-such-conference 404/.test(app.output()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(app.output()).toMatch(/\d\d:\d\d:\d\d INFO {2}NestApplication: Nest application successfully started/);
    expect(app.output()).toMatch(/\d\d:\d\d:\d\d WARN {2}GET \/c\/no-such-conference 404 \d+ ms/);
    expect(app.output()).not.toMatch(/^\{"level"/m);
    expect(app.output()).not.toContain('Mapped {');
    process.kill(-app.child.pid!, 'SIGINT');
    await app.exited;
  }, 180_000);

  (process.getuid?.() === 0 ? it : it.skip)('starts as root from a private (0700) directory, with DATA_DIR inside it', async () => {
    const app = await startApp(privateDir, {});
    children.push(app.child);
    expect(app.output()).toContain(`Dialogdag is running at http://localhost:${app.port}`);
    expect(app.output()).toMatch(/The 'postgres' user cannot reach .*\.data, so the embedded PostgreSQL keeps its data in \/var\/lib\/dialogdag\//);
    expect(app.output()).not.toMatch(/EACCES|\n\s+at /);
    expect((await fetch(`http://127.0.0.1:${app.port}/api/health`)).status).toBe(200);
    app.child.kill('SIGINT');
    expect(await app.exited).toBe(0);
  }, 180_000);
});

import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@dialogdag/database';

const root = join(__dirname, '..');
const main = join(root, 'dist/apps/api/apps/api/src/main.js');

/** Runs the built app as `npm start` does, until it says it is running; then SIGINT, as Ctrl-C does. */
async function startApp(cwd: string, env: NodeJS.ProcessEnv) {
  const port = await freePort();
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...env };
  delete fullEnv.DATABASE_URL;
  delete fullEnv.SMTP_URL;
  const child: ChildProcess = spawn(process.execPath, [main], { cwd, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
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
    execFileSync('npx', ['nest', 'build', 'api'], { cwd: root, stdio: 'pipe' });
  }, 120_000);

  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    const moved = join(privateDir, '.data', 'postgres-location.txt');
    if (existsSync(moved)) rmSync(readFileSync(moved, 'utf8').trim(), { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(privateDir, { recursive: true, force: true });
  });

  it('serves the demo form on its own embedded database and shuts down cleanly', async () => {
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
    const postgresLeft = execFileSync('ps', ['-eo', 'args']).toString().split('\n').filter((line) => line.includes(dataDir));
    expect(postgresLeft).toEqual([]);
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

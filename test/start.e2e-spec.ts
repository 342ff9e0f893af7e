import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@dialogdag/database';

/** What `npm start` does: build, start an embedded PostgreSQL in DATA_DIR, seed, serve, stop on SIGINT. */
describe('npm start', () => {
  const root = join(__dirname, '..');
  let child: ChildProcess | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'dialogdag-start-'));

  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the demo form on its own embedded database and shuts down cleanly', async () => {
    execFileSync('npx', ['nest', 'build', 'api'], { cwd: root, stdio: 'pipe' });
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    delete env.SMTP_URL;
    child = spawn(process.execPath, ['dist/apps/api/apps/api/src/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));

    const deadline = Date.now() + 90_000;
    while (!output.includes('Demo organiser:')) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`app did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(output).toContain(`Dialogdag is running at http://localhost:${port}`);
    expect(output).toMatch(/Demo organiser: demo@dialogdag\.local \/ \S+/);
    const form = await fetch(`http://127.0.0.1:${port}/c/dialogkonferens-goteborg`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('<form');
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    const postgresLeft = execFileSync('ps', ['-eo', 'args']).toString().split('\n').filter((line) => line.includes(dataDir));
    expect(postgresLeft).toEqual([]);
  }, 180_000);
});

import { ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { freePort } from '@dialogdag/database';

const main = join(__dirname, '..', '..', '..', 'dist/apps/api/apps/api/src/main.js');

export interface SpawnedApp {
  child: ChildProcess;
  url: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export const ADMIN = { email: 'faults@example.org', password: 'a long fault-test secret' };

/**
 * The built app (`npm run build`, done by the fault suite's global setup) as `npm start` runs it, in a
 * process group of its own as a terminal gives it, so a test can signal the whole group as Ctrl-C does.
 */
export async function startBuiltApp(env: Record<string, string>): Promise<SpawnedApp> {
  const port = await freePort();
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DEMO_DATA: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, PUBLIC_RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn', ...env };
  for (const name of ['DATABASE_URL', 'SMTP_URL', 'DATA_DIR', 'TEST_DATABASE_URL']) if (!(name in env)) delete fullEnv[name];
  const child = spawn(process.execPath, [main], { env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + 120_000;
  while (!output.includes('Dialogdag is running at')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`app did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

export type Outcome = { status: number; retryAfter: string | null; body: string; headers: Record<string, string | string[] | undefined> } | { error: string };

/** One request on a connection of its own (no keep-alive), so what happens to it is its own. */
export function send(url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${url}${path}`,
      { method, agent: false, headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: (res.headers['retry-after'] as string | undefined) ?? null, body: text, headers: res.headers }));
        res.on('error', (error) => resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message }));
      },
    );
    req.on('error', (error) => resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message }));
    req.end(payload);
  });
}

/** Logs in as the first organiser and creates a published conference; returns its slug. */
export async function openConference(url: string, capacity = 10_000): Promise<string> {
  const login = await send(url, 'POST', '/api/auth/login', ADMIN);
  if (!('status' in login) || login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login)}`);
  const cookie = String(login.headers['set-cookie'] ?? '').split(';')[0];
  const auth = { cookie, 'x-csrf-token': String(JSON.parse(login.body).csrfToken) };
  const slug = `faults-${Math.random().toString(36).slice(2, 10)}`;
  const created = await send(url, 'POST', '/api/conferences', {
    title: 'Dialogkonferens i motgång', slug, startsAt: '2031-10-20T09:00:00+02:00', endsAt: '2031-10-20T16:00:00+02:00',
    venue: { name: 'Folkets Hus', address: 'Storgatan 1', city: 'Umeå' }, capacity,
    registrationDeadline: '2031-10-06T23:59:59+02:00', cancellationDeadline: '2031-10-06T23:59:59+02:00', cancellationFee: 0,
  }, auth);
  if (!('status' in created) || created.status !== 201) throw new Error(`conference not created: ${JSON.stringify(created)}`);
  const published = await send(url, 'POST', `/api/conferences/${JSON.parse(created.body).id}/publish`, {}, auth);
  if (!('status' in published) || published.status !== 200) throw new Error(`conference not published: ${JSON.stringify(published)}`);
  return slug;
}

export function registration(email: string) {
  return { name: 'Ada Lind', email, organisation: 'Umeå kommun', sector: 'municipality' };
}

import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApp } from '../../apps/api/src/create-app';
import { AuthService } from '@dialogdag/auth';
import { loadConfig } from '@dialogdag/config';
import { freePort } from '@dialogdag/database';
import { Clock, SystemClock } from '@dialogdag/shared';

export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  databaseUrl: string;
  clock: Clock;
  close(): Promise<void>;
}

/** A database of its own for one test file, in the run's PostgreSQL. */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set: run e2e tests through jest (global setup)');
  const name = `t_${randomUUID().replace(/-/g, '')}`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Variables read by the libs at start-up (see each lib's *.config.ts), passed on from `env`. */
const LIB_ENV = ['PUBLIC_FORM_MIN_FILL_SECONDS', 'RETENTION_DAYS'] as const;

/** Boots the real application, as main.ts does, on a fresh database and a free port. */
export async function startTestApp(options: { clock?: Clock; env?: Record<string, string>; databaseUrl?: string } = {}): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'dialogdag-app-')),
    DEMO_DATA: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MAIL_POLL_INTERVAL_MS: '100',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
    ...options.env,
  });
  // Settings some libs read from the environment themselves rather than through loadConfig. Browser tests fill
  // the public form faster than a person, so its minimum fill time is 0 unless a test sets one.
  const libEnv: Record<string, string | undefined> = { PUBLIC_FORM_MIN_FILL_SECONDS: '0', ...options.env };
  for (const name of LIB_ENV) if (libEnv[name] !== undefined) process.env[name] = libEnv[name];
  const clock = options.clock ?? new SystemClock();
  const app = await createApp({ config, databaseUrl, clock });
  // As the app does (main.ts): a thousand simultaneous connections overflow Node's default backlog of 511.
  await app.listen({ port, host: '127.0.0.1', backlog: 4096 });
  return { app, url: `http://127.0.0.1:${port}`, databaseUrl, clock, close: () => app.close() };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small JSON client for the API, optionally authenticated by bearer token. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
    private readonly defaultHeaders: Record<string, string> = {},
  ) {}

  withToken(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  /** A client that sends these headers with every request (e.g. a session cookie and its X-CSRF-Token). */
  withHeaders(headers: Record<string, string>): ApiClient {
    return new ApiClient(this.baseUrl, this.token, { ...this.defaultHeaders, ...headers });
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const response = await fetch(this.baseUrl + path, {
      method,
      redirect: 'manual',
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...this.defaultHeaders,
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
}

/**
 * Logs in as a browser's script would (POST /api/auth/login): the client sends the session cookie and, as every
 * cookie-authenticated change must, the CSRF token from the login answer as X-CSRF-Token.
 */
export async function sessionClient(baseUrl: string, email: string, password: string): Promise<{ api: ApiClient; cookie: string; csrfToken: string }> {
  const login = await new ApiClient(baseUrl).post('/api/auth/login', { email, password });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const csrfToken = String(login.body.csrfToken);
  return { api: new ApiClient(baseUrl).withHeaders({ cookie, 'x-csrf-token': csrfToken }), cookie, csrfToken };
}

/** Creates an organiser account and an API token for it (a platform administrator with `isPlatformAdmin`). */
export async function organiserClient(
  test: TestApp,
  email = `org-${randomUUID().slice(0, 8)}@example.org`,
  options: { isPlatformAdmin?: boolean; name?: string } = {},
): Promise<{ api: ApiClient; token: string; email: string; password: string; id: string }> {
  const auth = test.app.get(AuthService);
  const password = 'correct horse battery';
  const organiser = await auth.createOrganiser({ email, name: options.name ?? 'Test Organiser', password, isPlatformAdmin: options.isPlatformAdmin });
  const { secret } = await auth.createApiToken(organiser.id, 'tests');
  return { api: new ApiClient(test.url, secret), token: secret, email, password, id: organiser.id };
}

/** A conference as a real invitation would describe it; override what a test needs. */
export function conferenceInput(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Dialogkonferens Skåne',
    slug: `skane-${randomUUID().slice(0, 8)}`,
    startsAt: '2030-10-20T09:00:00+02:00',
    endsAt: '2030-10-20T16:00:00+02:00',
    venue: { name: 'Folkets Hus', address: 'Norra Grängesbergsgatan 12', city: 'Malmö' },
    capacity: 100,
    registrationDeadline: '2030-10-06T23:59:59+02:00',
    cancellationDeadline: '2030-10-06T23:59:59+02:00',
    cancellationFee: 40000,
    travelPolicy: { minRoundTripKm: 100, requestDeadline: '2030-12-10', ratePerKm: 250, budget: 2000000 },
    ...overrides,
  };
}

export async function publishedConference(api: ApiClient, overrides: Record<string, unknown> = {}) {
  const created = await api.post('/api/conferences', conferenceInput(overrides));
  if (created.status !== 201) throw new Error(`conference not created: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await api.post(`/api/conferences/${created.body.id}/publish`);
  if (published.status !== 200) throw new Error(`conference not published: ${published.status}`);
  return published.body as { id: string; slug: string; [key: string]: any };
}

export function participant(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Amina Hassan',
    email: `amina-${randomUUID().slice(0, 8)}@example.org`,
    phone: '070-123 45 67',
    organisation: 'Studieförbundet Vuxenskolan',
    sector: 'civil_society',
    isVolunteer: true,
    ...overrides,
  };
}

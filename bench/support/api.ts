import { ADMIN } from './app';

export interface Conference {
  id: string;
  slug: string;
}

/** The organiser created by ADMIN_EMAIL/ADMIN_PASSWORD, logged in once and working with an API token. */
export class Organiser {
  private constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** Logs in like the back office (session cookie, CSRF token when the app hands one out) and makes an API token. */
  static async login(baseUrl: string): Promise<Organiser> {
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const answer = (await login.json()) as { csrfToken?: string };
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const created = await fetch(`${baseUrl}/api/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, ...(answer.csrfToken ? { 'x-csrf-token': answer.csrfToken } : {}) },
      body: JSON.stringify({ name: 'bench' }),
    });
    if (created.status !== 201) throw new Error(`API token not created: ${created.status} ${await created.text()}`);
    const { token } = (await created.json()) as { token: string };
    return new Organiser(baseUrl, token);
  }

  /** The same organiser talking to another instance (the token is in the shared database). */
  at(baseUrl: string): Organiser {
    return new Organiser(baseUrl, this.token);
  }

  /** A published conference a year ahead, registration open; capacity as given (the API allows up to 100,000). */
  async publishedConference(label: string, capacity: number): Promise<Conference> {
    const year = new Date().getFullYear() + 1;
    const slug = `bench-${label}-${Math.random().toString(36).slice(2, 8)}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
    const created = await this.post('/api/conferences', {
      title: `Benchmark ${label}`,
      slug,
      startsAt: `${year}-10-20T09:00:00+02:00`,
      endsAt: `${year}-10-20T16:00:00+02:00`,
      venue: { name: 'Folkets Hus', address: 'Norra Grängesbergsgatan 12', city: 'Malmö' },
      capacity,
      registrationDeadline: `${year}-10-06T23:59:59+02:00`,
      cancellationDeadline: `${year}-10-06T23:59:59+02:00`,
      cancellationFee: 40000,
      travelPolicy: { minRoundTripKm: 100, requestDeadline: `${year}-12-10`, ratePerKm: 250, budget: 2000000 },
    });
    if (created.status !== 201) throw new Error(`conference not created: ${created.status} ${JSON.stringify(created.body)}`);
    const id = (created.body as { id: string }).id;
    const published = await this.post(`/api/conferences/${id}/publish`, {});
    if (published.status !== 200 && published.status !== 201) throw new Error(`conference not published: ${published.status}`);
    return { id, slug };
  }

  private async post(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(this.baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }
}

const SECTORS = ['civil_society', 'municipality', 'region', 'county_board', 'state_agency', 'government_offices', 'business', 'academia', 'other'];

/** A realistic public registration; `n` makes the e-mail unique within a run (prefix unique per run). */
export function participant(prefix: string, n: number) {
  return {
    name: `Deltagare ${n} Åkesson`,
    email: `${prefix}-${n}@bench.example.org`,
    phone: '070-123 45 67',
    organisation: `Organisation ${n % 97}`,
    sector: SECTORS[n % SECTORS.length],
    isVolunteer: n % 3 === 0,
  };
}

import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ManualClock } from '@dialogdag/shared';
import { ApiClient, createTestDatabase, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

/** DATA_ENCRYPTION_KEY: used when given, generated and shared through the database when not; a changed key is said, not hidden. */
describe('travel claims: the payee details key', () => {
  const clock = new ManualClock('2030-09-01T12:00:00+02:00');
  const ACCOUNT = '5566778899';
  let databaseUrl: string;
  let running: TestApp | undefined;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  async function start(env: Record<string, string> = {}) {
    running = await startTestApp({ clock, databaseUrl, env });
    return running;
  }

  async function paymentList(test: TestApp, api: ApiClient, conferenceId: string) {
    const response = await fetch(`${test.url}/api/conferences/${conferenceId}/travel-claims/payment-list?lang=en`, {
      headers: { authorization: `Bearer ${(api as unknown as { token: string }).token}` },
    });
    return response.text();
  }

  async function secrets(): Promise<number> {
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      return (await db.query(`SELECT count(*)::int AS n FROM reimbursement_secret`)).rows[0].n;
    } finally {
      await db.end();
    }
  }

  it('encrypts with the given key, says so when the key has changed, and generates one only when none is given', async () => {
    const key = randomBytes(32).toString('hex');
    let test = await start({ DATA_ENCRYPTION_KEY: key });
    const { api } = await organiserClient(test);
    const c = await publishedConference(api);
    const reg = await new ApiClient(test.url).post(`/api/public/conferences/${c.slug}/registrations`, participant({ name: 'Olle Ström' }));
    const claim = await new ApiClient(test.url).post(`/api/public/registrations/${reg.body.manageToken}/travel-claim`, {
      fromPlace: 'Östersund', roundTripKm: 320, mode: 'car', payee: { clearingNumber: '6789', accountNumber: ACCOUNT },
    });
    expect(claim.status).toBe(201);
    expect((await api.patch(`/api/travel-claims/${claim.body.id}`, { decision: 'approved' })).status).toBe(200);
    expect(await paymentList(test, api, c.id)).toContain(ACCOUNT);
    expect(await secrets()).toBe(0);
    await test.close();
    running = undefined;

    test = await start({ DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64') });
    const again = new ApiClient(test.url, (api as unknown as { token: string }).token);
    const list = await paymentList(test, again, c.id);
    expect(list).not.toContain(ACCOUNT);
    expect(list).toContain('payee details cannot be read');
    await test.close();
    running = undefined;

    test = await start({ DATA_ENCRYPTION_KEY: key });
    expect(await paymentList(test, again, c.id)).toContain(ACCOUNT);
    await test.close();
    running = undefined;

    // Without a key: one is generated once and kept in the database for every instance.
    test = await start();
    const other = await start();
    const payee = { bankgiro: '5678-8888' };
    expect((await new ApiClient(other.url).request('PUT', `/api/public/registrations/${reg.body.manageToken}/travel-claim/payee`, payee)).status).toBe(200);
    expect(await secrets()).toBe(1);
    expect(await paymentList(test, new ApiClient(test.url, (api as unknown as { token: string }).token), c.id)).toContain('56788888');
    await other.close();
    await test.close();
    running = undefined;
  });
});

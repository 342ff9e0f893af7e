import { ManualClock } from '@dialogdag/shared';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

/** The budget and the car groups hold under simultaneous requests: enforced in PostgreSQL, not in the process. */
describe('travel claims under concurrency', () => {
  let test: TestApp;
  let api: ApiClient;
  const anonymous = () => new ApiClient(test.url);
  const clock = new ManualClock('2030-09-01T12:00:00+02:00');

  beforeAll(async () => {
    test = await startTestApp({ clock });
    api = (await organiserClient(test)).api;
  });
  afterAll(async () => {
    await test?.close();
  });

  const claimPath = (token: string) => `/api/public/registrations/${token}/travel-claim`;
  const policy = (budget: number) => ({ minRoundTripKm: 100, requestDeadline: '2030-12-10', ratePerKm: 250, budget });

  async function registered(slug: string, n: number) {
    const people: Array<{ id: string; manageToken: string }> = [];
    for (let i = 0; i < n; i++) {
      const res = await anonymous().post(`/api/public/conferences/${slug}/registrations`, participant({ name: `Deltagare ${i + 1}` }));
      expect(res.status).toBe(201);
      people.push(res.body);
    }
    return people;
  }

  it('approves exactly 5 of 20 simultaneous approvals for a budget that fits 5, and more once the budget is raised', async () => {
    const c = await publishedConference(api, { travelPolicy: policy(300000) });
    const people = await registered(c.slug, 20);
    const claims = [];
    for (const p of people) {
      const res = await anonymous().post(claimPath(p.manageToken), { fromPlace: 'Umeå', roundTripKm: 240, mode: 'car' });
      expect(res.status).toBe(201);
      claims.push(res.body as { id: string });
    }
    const answers = await Promise.all(claims.map((claim) => api.patch(`/api/travel-claims/${claim.id}`, { decision: 'approved' })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.body).toMatchObject({ code: 'travel_budget_exceeded', message: 'Approving SEK 600 would exceed the travel budget: SEK 0 is left. Raise the budget first or adjust the amount.' });
    }
    const list = await api.get(`/api/conferences/${c.id}/travel-claims`);
    expect(list.body.budget).toEqual({ total: 300000, approved: 300000, paid: 0, left: 0 });
    expect(list.body.items.filter((i: { stage: string }) => i.stage === 'approved')).toHaveLength(5);

    const waiting = answers.findIndex((a) => a.status === 409);
    expect((await api.patch(`/api/conferences/${c.id}`, { travelPolicy: policy(360000) })).status).toBe(200);
    expect((await api.patch(`/api/travel-claims/${claims[waiting].id}`, { decision: 'approved' })).status).toBe(200);
    expect((await api.get(`/api/conferences/${c.id}/travel-claims`)).body.budget).toEqual({ total: 360000, approved: 360000, paid: 0, left: 0 });
  });

  it('lets only one of two drivers who name the same passenger at once have them, and one claim per person', async () => {
    const c = await publishedConference(api, { travelPolicy: policy(2000000) });
    const [passenger, ...drivers] = await registered(c.slug, 9);
    const named = await Promise.all(drivers.map((d) => anonymous().post(claimPath(d.manageToken), { fromPlace: 'Luleå', roundTripKm: 500, mode: 'car', passengers: [passenger.id] })));
    expect(named.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of named.filter((x) => x.status !== 201)) expect(r.body.code).toBe('passenger_in_other_claim');

    const [lone] = await registered(c.slug, 1);
    const twice = await Promise.all(Array.from({ length: 6 }, () => anonymous().post(claimPath(lone.manageToken), { fromPlace: 'Kiruna', roundTripKm: 700, mode: 'car' })));
    expect(twice.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of twice.filter((x) => x.status !== 201)) expect(r.body.code).toBe('travel_claim_not_eligible');
  });
});

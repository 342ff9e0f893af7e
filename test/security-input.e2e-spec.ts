import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

/** Bad input is answered with 4xx, never with a 500 (issue #9). */
describe('security: bad input never answers 500', () => {
  let test: TestApp;
  let api: ApiClient;
  let anonymous: ApiClient;
  let conference: { id: string; slug: string };
  let manageToken: string;

  beforeAll(async () => {
    test = await startTestApp();
    api = (await organiserClient(test)).api;
    anonymous = new ApiClient(test.url);
    conference = await publishedConference(api);
    const registered = await anonymous.post(`/api/public/conferences/${conference.slug}/registrations`, participant());
    expect(registered.status).toBe(201);
    manageToken = registered.body.manageToken;
  });

  afterAll(async () => {
    await test?.close();
  });

  const form = (path: string, fields: Record<string, string>) =>
    fetch(test.url + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  it('refuses a NUL byte in a JSON field of the public API and of the organiser API with 400', async () => {
    const publicPost = await anonymous.post(`/api/public/conferences/${conference.slug}/registrations`, participant({ name: 'Amina\u0000' }));
    expect(publicPost.status).toBe(400);
    expect(String(publicPost.body.message)).toMatch(/NUL/);
    const organiserPost = await api.post('/api/conferences', { title: 'x\u0000y' });
    expect(organiserPost.status).toBe(400);
    const personal = await anonymous.post(`/api/public/registrations/${manageToken}/transfer`, { name: 'A\u0000', email: 'a@example.org' });
    expect(personal.status).toBe(400);
  });

  it('refuses a NUL byte in a path segment and in a query string with 400, pages and API alike', async () => {
    for (const path of [
      `/api/public/conferences/${conference.slug}%00`,
      `/api/public/registrations/${manageToken}%00`,
      `/api/conferences/${conference.id}%00`,
      `/c/${conference.slug}%00`,
      `/r/${manageToken}%00`,
      `/api/conferences/${conference.id}/registrations?status=%00`,
      `/c/${conference.slug}?lang=%00`,
      `/admin/conferences/${conference.id}?q=%00`,
    ]) {
      const response = await api.get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
    }
  });

  it('refuses a NUL byte in a public form field and in a personal-link form with 400', async () => {
    const fields = { name: 'Amina\u0000', email: 'amina@example.org', organisation: 'Vuxenskolan', sector: 'civil_society' };
    expect((await form(`/c/${conference.slug}`, fields)).status).toBe(400);
    expect((await form(`/r/${manageToken}/details`, { phone: '070\u0000' })).status).toBe(400);
  });

  it('refuses JSON nested 5,000 deep with 400 instead of overflowing the validator', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const body = `{"name":"Amina","workshopPreferences":${deep}}`;
    const publicPost = await anonymous.request('POST', `/api/public/conferences/${conference.slug}/registrations`, body);
    expect(publicPost.status).toBe(400);
    const deepObject = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    expect((await api.request('POST', '/api/conferences', deepObject)).status).toBe(400);
    expect((await api.request('PATCH', `/api/conferences/${conference.id}`, deepObject)).status).toBe(400);
  });

  it('validates limit and offset of the outbox list', async () => {
    for (const query of ['limit=-1', 'limit=0', 'limit=1e308', 'offset=-5', 'offset=99999999999999999999', 'limit=abc', 'offset=1.5']) {
      const response = await api.get(`/api/conferences/${conference.id}/outbox?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
    const page = await api.get(`/api/conferences/${conference.id}/outbox?limit=1&offset=0`);
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeLessThanOrEqual(1);
  });

  it('answers a malformed id in a path with 4xx, not with PostgreSQL’s refusal as a 500', async () => {
    for (const path of [`/api/conferences/not-a-uuid`, `/api/conferences/${'9'.repeat(40)}/outbox`]) {
      const response = await api.get(path);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
  });
});

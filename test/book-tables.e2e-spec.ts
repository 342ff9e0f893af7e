import { Client } from 'pg';
import { publicFormStamp } from './support/pages';
import { expectSeatCountersAgree } from './support/seat-counter';
import { startTestAppWithSmtp } from './support/app-with-smtp';
import { TestSmtpServer } from './support/smtp';
import { ApiClient, organiserClient, participant, publishedConference, TestApp } from './support/test-app';

/** Book tables (bokbord): asked for on the form, approved up to a limit the database enforces, decisions e-mailed. */
describe('book tables', () => {
  let test: TestApp;
  let smtp: TestSmtpServer;
  let api: ApiClient;
  const anonymous = () => new ApiClient(test.url);

  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ test, smtp, stop } = await startTestAppWithSmtp());
    api = (await organiserClient(test)).api;
  });
  afterAll(() => stop?.());
  expectSeatCountersAgree(() => test?.databaseUrl);

  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    redirect: 'manual' as const,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const asking = (description: string, overrides: Record<string, unknown> = {}) => participant({ bookTable: true, bookTableDescription: description, ...overrides });
  const page = async (client: ApiClient, path: string) => {
    const res = await client.request('GET', path, undefined, { accept: 'text/html' });
    return { status: res.status, text: String(res.body) };
  };
  const postPage = (client: ApiClient, path: string, fields: Record<string, string>) =>
    client.request('POST', path, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded' });

  it('asks on the form only where the conference offers book tables, and needs a short description', async () => {
    const c = await publishedConference(api);
    expect(await (await fetch(`${test.url}/c/${c.slug}`)).text()).not.toContain('name="bookTable"');
    const notOffered = await anonymous().post(`/api/public/conferences/${c.slug}/registrations`, asking('Böcker'));
    expect([notOffered.status, notOffered.body.code]).toEqual([409, 'book_tables_not_offered']);

    expect((await api.patch(`/api/conferences/${c.id}/book-tables`, { limit: 2 })).body).toEqual({ limit: 2, approved: 0 });
    const offered = await (await fetch(`${test.url}/c/${c.slug}?lang=sv`)).text();
    expect(offered).toContain('Vår organisation vill ha ett bokbord');
    const noDescription = await fetch(`${test.url}/c/${c.slug}?lang=sv`, form({ ...(await publicFormStamp(test)), name: 'Lena Bok', email: 'lena@example.org', organisation: 'ABF', sector: 'civil_society', bookTable: 'true' }));
    expect(noDescription.status).toBe(400);
    expect(await noDescription.text()).toContain('id="bookTableDescription-error">Beskriv kort');
    expect((await anonymous().post(`/api/public/conferences/${c.slug}/registrations`, participant({ bookTable: true }))).status).toBe(400);
    expect((await anonymous().post(`/api/public/conferences/${c.slug}/registrations`, asking('x'.repeat(301)))).status).toBe(400);

    const sent = await fetch(
      `${test.url}/c/${c.slug}?lang=sv`,
      form({ ...(await publicFormStamp(test)), name: 'Lena Bok', email: 'lena@example.org', organisation: 'ABF Malmö', sector: 'civil_society', bookTable: 'true', bookTableDescription: 'Studiecirklar i svenska' }),
    );
    expect(sent.status).toBe(303);
    const personal = await (await fetch(`${test.url}${sent.headers.get('location')}&lang=sv`)).text();
    expect(personal).toContain('Du har bett om ett bokbord.');
    const list = await api.get(`/api/conferences/${c.id}/book-tables`);
    expect(list.body).toMatchObject({ total: 1, limit: 2, approved: 0, items: [{ organisation: 'ABF Malmö', description: 'Studiecirklar i svenska', status: 'requested', decidedAt: null }] });
  });

  it('approves up to the limit, declines the rest, and e-mails each decision once', async () => {
    const c = await publishedConference(api, { title: 'Bokbordskonferensen' });
    await api.patch(`/api/conferences/${c.id}/book-tables`, { limit: 2 });
    const people = ['Röda Korset', 'Rädda Barnen', 'Stadsmissionen'].map((organisation, i) => asking(`Material ${i}`, { organisation }));
    for (const p of people) expect((await anonymous().post(`/api/public/conferences/${c.slug}/registrations`, p)).status).toBe(201);
    const [a, b, third] = (await api.get(`/api/conferences/${c.id}/book-tables`)).body.items;
    const decide = (id: string, decision: string) => api.patch(`/api/conferences/${c.id}/book-tables/${id}`, { decision });

    expect((await decide(a.id, 'approved')).body).toMatchObject({ status: 'approved', organisation: 'Röda Korset' });
    expect((await decide(b.id, 'approved')).status).toBe(200);
    const over = await decide(third.id, 'approved');
    expect([over.status, over.body.code]).toEqual([409, 'book_table_limit_reached']);
    expect((await decide(third.id, 'declined')).body.status).toBe('declined');
    expect((await decide(third.id, 'declined')).status).toBe(200); // the same decision again: nothing new
    expect((await decide(third.id, 'maybe')).status).toBe(400);
    expect((await decide('00000000-0000-4000-8000-000000000000', 'approved')).status).toBe(404);
    const lower = await api.patch(`/api/conferences/${c.id}/book-tables`, { limit: 1 });
    expect([lower.status, lower.body.code]).toEqual([409, 'book_table_limit_below_approved']);
    expect((await api.patch(`/api/conferences/${c.id}/book-tables`, { limit: -1 })).status).toBe(400);

    const [approvedMail] = await smtp.waitFor((m) => m.to.includes(people[0].email as string) && m.subject === 'Bokbord: Bokbordskonferensen');
    expect(approvedMail.text).toContain('Ni har fått ett bokbord');
    expect(approvedMail.text).toContain('Material 0');
    const [declinedMail] = await smtp.waitFor((m) => m.to.includes(people[2].email as string) && m.subject === 'Bokbord: Bokbordskonferensen');
    expect(declinedMail.text).toContain('fick ni inget bokbord');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received.filter((m) => m.to.includes(people[2].email as string) && m.subject.startsWith('Bokbord'))).toHaveLength(1);

    // Another organiser's conference stays out of reach.
    const other = (await organiserClient(test)).api;
    expect((await other.get(`/api/conferences/${c.id}/book-tables`)).status).toBe(404);
    expect((await other.patch(`/api/conferences/${c.id}/book-tables/${third.id}`, { decision: 'approved' })).status).toBe(404);
    expect((await anonymous().get(`/api/conferences/${c.id}/book-tables`)).status).toBe(401);
  });

  it('never approves past the limit, also when many approvals arrive at once or bypass the app', async () => {
    const c = await publishedConference(api, { capacity: 50 });
    await api.patch(`/api/conferences/${c.id}/book-tables`, { limit: 3 });
    for (let i = 0; i < 12; i++) await anonymous().post(`/api/public/conferences/${c.slug}/registrations`, asking(`Bord ${i}`));
    const { items } = (await api.get(`/api/conferences/${c.id}/book-tables`)).body as { items: Array<{ id: string }> };
    const results = await Promise.all(items.map((i) => api.patch(`/api/conferences/${c.id}/book-tables/${i.id}`, { decision: 'approved' })));
    expect(results.map((r) => r.status).sort()).toEqual([...Array(3).fill(200), ...Array(9).fill(409)]);
    expect((await api.get(`/api/conferences/${c.id}/book-tables`)).body.approved).toBe(3);

    // The database itself refuses, whatever writes to it.
    const db = new Client({ connectionString: test.databaseUrl });
    await db.connect();
    try {
      await expect(db.query(`UPDATE book_table_request SET status = 'approved' WHERE conference_id = $1`, [c.id])).rejects.toThrow(/book table limit/);
      await expect(db.query(`UPDATE registration_settings SET book_table_limit = 2 WHERE conference_id = $1`, [c.id])).rejects.toThrow(/below approved/);
    } finally {
      await db.end();
    }
  });

  it('gives the table back when the registration is cancelled, and hands the request on with a transfer', async () => {
    const c = await publishedConference(api);
    await api.patch(`/api/conferences/${c.id}/book-tables`, { limit: 1 });
    const cancelled = await anonymous().post(`/api/public/conferences/${c.slug}/registrations`, asking('Affischer'));
    const waiting = await anonymous().post(`/api/public/conferences/${c.slug}/registrations`, asking('Broschyrer', { organisation: 'Fritidsgården' }));
    const first = (await api.get(`/api/conferences/${c.id}/book-tables`)).body.items[0];
    await api.patch(`/api/conferences/${c.id}/book-tables/${first.id}`, { decision: 'approved' });
    expect((await anonymous().post(`/api/public/registrations/${cancelled.body.manageToken}/cancel`)).status).toBe(200);
    const after = (await api.get(`/api/conferences/${c.id}/book-tables`)).body;
    expect(after.items.map((i: { status: string }) => i.status)).toEqual(['withdrawn', 'requested']);
    expect(after.approved).toBe(0);
    expect((await api.patch(`/api/conferences/${c.id}/book-tables/${first.id}`, { decision: 'approved' })).body.code).toBe('book_table_withdrawn');
    const second = after.items[1];
    expect((await api.patch(`/api/conferences/${c.id}/book-tables/${second.id}`, { decision: 'approved' })).status).toBe(200);

    const moved = await anonymous().post(`/api/public/registrations/${waiting.body.manageToken}/transfer`, { name: 'Kim Kollega', email: 'kim.kollega@example.org' });
    expect(moved.status).toBe(201);
    const handed = (await api.get(`/api/conferences/${c.id}/book-tables`)).body.items[1];
    expect(handed).toMatchObject({ registrationId: moved.body.id, name: 'Kim Kollega', status: 'approved' });
    expect(await (await fetch(`${test.url}/r/${moved.body.manageToken}?lang=en`)).text()).toContain('You have been given a book table.');
  });

  it('serves the organisers a page to set the limit and decide, saying refusals at the row', async () => {
    const c = await publishedConference(api);
    const base = `/admin/conferences/${c.id}/book-tables`;
    expect((await page(api, `/admin/conferences/${c.id}/registrations`)).text).toContain(`href="${base}"`);
    expect((await postPage(api, `${base}/limit`, { limit: 'many' })).status).toBe(400);
    expect((await postPage(api, `${base}/limit`, { limit: '1' })).status).toBe(303);
    for (const organisation of ['Hyresgästföreningen', 'Studieförbundet']) await anonymous().post(`/api/public/conferences/${c.slug}/registrations`, asking('Material', { organisation }));
    const shown = await page(api, `${base}?lang=sv`);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('0 av 1 bokbord godkända');
    const [first, second] = (await api.get(`/api/conferences/${c.id}/book-tables`)).body.items;
    expect(shown.text).toContain(`action="${base}/${first.id}/decision"`);
    expect((await postPage(api, `${base}/${first.id}/decision`, { decision: 'approved' })).status).toBe(303);
    const refused = await postPage(api, `${base}/${second.id}/decision?lang=sv`, { decision: 'approved' });
    expect(refused.status).toBe(409);
    expect(String(refused.body)).toContain('Alla bokbord är redan godkända.');
    expect(String(refused.body)).toContain('1 av 1 bokbord godkända');
    const other = (await organiserClient(test)).api;
    expect((await page(other, base)).status).toBe(404);
  });
});

import { organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';
import { PageSession } from './support/pages';

/** The conference overview links every capability's back-office pages and shows the headline figures. */
describe('conference overview', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => test.close());

  it('links workshops, seating, claims, messages and reports, and shows the headline figures', async () => {
    const { api, email, password } = await organiserClient(test);
    const c = await publishedConference(api, { capacity: 10 });
    for (const sector of ['civil_society', 'municipality', 'state_agency']) {
      expect((await api.post(`/api/public/conferences/${c.slug}/registrations`, participant({ sector }))).status).toBe(201);
    }
    const session = await PageSession.login(test, email, password);
    const page = await session.get(`/admin/conferences/${c.id}`);
    expect(page.status).toBe(200);
    for (const path of ['workshops', 'seating', 'travel-claims', 'messages', 'attendance', 'group-notes', 'evaluation', 'report']) {
      expect(page.html).toContain(`href="/admin/conferences/${c.id}/${path}"`);
    }
    const panel = /<section class="headline-figures"[\s\S]*?<\/section>/.exec(page.html)?.[0] ?? '';
    expect(panel).toMatch(/3 \/ 10/);
    expect(panel).toContain('Civilsamhället');
    for (const path of ['workshops', 'seating', 'travel-claims', 'messages', 'attendance', 'group-notes', 'evaluation', 'report']) {
      expect((await session.get(`/admin/conferences/${c.id}/${path}`)).status).toBe(200);
    }
  });
});

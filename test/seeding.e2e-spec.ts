import { DemoSeeder } from '../apps/api/src/demo.seeder';
import { ApiClient, startTestApp } from './support/test-app';

describe('first organiser and demo data', () => {
  it('creates ADMIN_EMAIL on an empty database, and only there', async () => {
    const test = await startTestApp({ env: { ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'a long admin password' } });
    try {
      const seeder = test.app.get(DemoSeeder);
      expect((await seeder.seed()).admin).toEqual({ email: 'admin@example.org' });
      expect((await seeder.seed()).admin).toBeUndefined();
      const login = await new ApiClient(test.url).post('/api/auth/login', { email: 'admin@example.org', password: 'a long admin password' });
      expect(login.status).toBe(200);
      expect(login.body.isPlatformAdmin).toBe(true);
    } finally {
      await test.close();
    }
  });

  it('creates a demo organiser and a published demo conference that takes registrations', async () => {
    const test = await startTestApp({ env: { DEMO_DATA: 'true' } });
    try {
      const report = await test.app.get(DemoSeeder).seed();
      expect(report.demo).toMatchObject({ email: 'demo@dialogdag.local', slug: 'dialogkonferens-goteborg' });
      const login = await new ApiClient(test.url).post('/api/auth/login', { email: report.demo!.email, password: report.demo!.password });
      expect(login.status).toBe(200);
      expect(login.body.isPlatformAdmin).toBe(true);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
      const mine = await new ApiClient(test.url).request('GET', '/api/conferences', undefined, { cookie });
      expect(mine.body.items.map((c: any) => c.role)).toEqual(['owner', 'owner']);
      const conference = await new ApiClient(test.url).get('/api/public/conferences/dialogkonferens-goteborg');
      expect(conference.status).toBe(200);
      expect(conference.body).toMatchObject({ cancellationFee: 40000, venue: { name: 'Folkets Hus' } });
      const page = await fetch(`${test.url}/c/dialogkonferens-goteborg`);
      expect(await page.text()).toContain('Lunch och fika ingår');
      // A second start finds the demo and reports the saved password.
      expect((await test.app.get(DemoSeeder).seed()).demo?.password).toBe(report.demo!.password);
    } finally {
      await test.close();
    }
  });
});

describe('demo programme', () => {
  it('comes with a real day: 14 items, a panel with a chair and three parallel workshops', async () => {
    const test = await startTestApp({ env: { DEMO_DATA: 'true' } });
    try {
      await test.app.get(DemoSeeder).seed();
      const conference = await new ApiClient(test.url).get('/api/public/conferences/dialogkonferens-goteborg');
      expect(conference.body.programme).toHaveLength(14);
      const panel = conference.body.programme.find((item: any) => item.kind === 'panel');
      expect(panel.speakers.map((s: any) => s.role).sort()).toEqual(['moderator', 'panelist', 'panelist', 'panelist']);
      const workshops = conference.body.programme.filter((item: any) => item.kind === 'workshop');
      expect(new Set(workshops.map((w: any) => w.room))).toEqual(new Set(['Sal A', 'Sal B', 'Sal C']));
    } finally {
      await test.close();
    }
  });
});

describe('first organiser together with the demo', () => {
  it('creates both on an empty database, and the first organiser manages the demo conference', async () => {
    const test = await startTestApp({ env: { DEMO_DATA: 'true', ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'a long admin password' } });
    try {
      const report = await test.app.get(DemoSeeder).seed();
      expect(report.admin).toEqual({ email: 'admin@example.org' });
      expect(report.demo?.password).toBeTruthy();
      const anonymous = new ApiClient(test.url);
      const login = await anonymous.post('/api/auth/login', { email: 'admin@example.org', password: 'a long admin password' });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
      const mine = await anonymous.request('GET', '/api/conferences', undefined, { cookie });
      expect(mine.body.items.map((c: any) => [c.slug, c.role])).toEqual([['dialogkonferens-goteborg', 'owner']]);
    } finally {
      await test.close();
    }
  });
});

import { Client } from 'pg';
import { AuditRetentionJob, AuditService } from '@dialogdag/audit';
import { ManualClock } from '@dialogdag/shared';
import { PageSession } from './support/pages';
import { ApiClient, organiserClient, participant, publishedConference, sessionClient, startTestApp, TestApp } from './support/test-app';

/** Values that must never reach the log, sent where an organiser could send them. */
const SECRETS = {
  password: 'Ett långt och hemligt lösenord 42',
  diet: 'Celiaki, strikt glutenfri',
  bankAccount: '8327-9 914 222 337-1',
  iban: 'SE45 5000 0000 0583 9825 7466',
};

/** Every organiser action lands in the audit log once, with who, when and what, never with a secret; the log cannot be rewritten. */
describe('audit log', () => {
  const clock = new ManualClock('2030-09-01T10:00:00+02:00');
  let test: TestApp;
  let db: Client;

  beforeAll(async () => {
    test = await startTestApp({ clock });
    db = new Client({ connectionString: test.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await test.close();
  });

  const entriesOf = async (api: ApiClient, conferenceId: string, query = '') => {
    const res = await api.get(`/api/conferences/${conferenceId}/audit-log${query}`);
    expect(res.status).toBe(200);
    return res.body as { items: any[]; total: number };
  };

  it('records each change once with who, when and target, redacts secrets, and shows the log on a page', async () => {
    const owner = await organiserClient(test, undefined, { isPlatformAdmin: true });
    const { api: session, csrfToken } = await sessionClient(test.url, owner.email, owner.password);
    const c = await publishedConference(owner.api, { capacity: 10, cancellationFee: 40000 });
    const base = `/api/conferences/${c.id}`;

    clock.set('2030-09-01T10:05:00+02:00');
    // Through the session; the extra bank fields are dropped by the DTO but were sent, so the log must not keep them.
    const renamed = await session.patch(base, { title: 'Dialogkonferens Skåne 2030', bankAccount: SECRETS.bankAccount, payee: { iban: SECRETS.iban } });
    expect(renamed.status).toBe(200);

    const byHand = await owner.api.post(`${base}/registrations`, participant({ name: 'Bo Ek', diet: SECRETS.diet, dietConsent: true }));
    expect(byHand.status).toBe(201);
    const amina = (await new ApiClient(test.url).post(`/api/public/conferences/${c.slug}/registrations`, participant())).body;
    const late = (await new ApiClient(test.url).post(`/api/public/conferences/${c.slug}/registrations`, participant({ name: 'Cia Sen' }))).body;

    clock.set('2030-09-01T10:10:00+02:00');
    expect((await owner.api.post(`${base}/registrations/${amina.id}/check-in`)).status).toBe(200);
    expect((await owner.api.post(`${base}/registrations/00000000-0000-4000-8000-000000000000/check-in`)).status).toBe(404);

    clock.set('2030-10-10T12:00:00+02:00');
    expect((await new ApiClient(test.url).post(`/api/public/registrations/${late.manageToken}/cancel`)).body.fee).toBe(40000);
    expect((await owner.api.post(`${base}/registrations/${late.id}/waive-fee`, { reason: '  ' })).status).toBe(400);
    // A page form: the fee is waived by the back office's form, with its CSRF token in the body.
    const pages = await PageSession.login(test, owner.email, owner.password);
    const waived = await pages.post(`/admin/conferences/${c.id}/fees`, `/admin/conferences/${c.id}/fees/${late.id}/waive`, { reason: 'Sjuk' });
    expect(waived.status).toBe(303);

    expect((await owner.api.post(`${base}/tables`, { tables: [{ name: 'Bord 1', seats: 8 }, { name: 'Bord 2', seats: 8 }] })).status).toBe(200);
    expect((await owner.api.post(`${base}/seating`)).status).toBe(200);
    const colleague = await organiserClient(test);
    expect((await owner.api.post(`${base}/invitations`, { email: colleague.email, role: 'organiser' })).status).toBe(201);
    expect((await owner.api.post('/api/auth/organisers', { email: 'ny@example.org', name: 'Ny', password: SECRETS.password })).status).toBe(201);

    const log = await entriesOf(owner.api, c.id);
    const actions = log.items.map((e) => e.action);
    const expected = [
      'POST /api/conferences',
      'POST /api/conferences/:id/publish',
      'PATCH /api/conferences/:id',
      'POST /api/conferences/:id/registrations',
      'POST /api/conferences/:id/registrations/:rid/check-in',
      'POST /admin/conferences/:id/fees/:rid/waive',
      'POST /api/conferences/:id/tables',
      'POST /api/conferences/:id/seating',
      'POST /api/conferences/:id/invitations',
    ];
    // Newest first, each once; refusals (404, 400) and the public registrations and cancellation are not there.
    expect(actions).toEqual([...expected].reverse());
    expect(log.total).toBe(expected.length);
    for (const entry of log.items) {
      expect(entry).toMatchObject({ organiserId: owner.id, organiserEmail: owner.email, conferenceId: c.id });
      expect(entry.status).toBeLessThan(400);
    }
    const find = (action: string) => log.items.find((e) => e.action === action);
    expect(find('POST /api/conferences')).toMatchObject({ status: 201, via: 'token', target: { created: c.id } });
    expect(find('PATCH /api/conferences/:id')).toMatchObject({
      at: '2030-09-01T10:05:00+02:00',
      via: 'session',
      target: { id: c.id },
      changes: { title: 'Dialogkonferens Skåne 2030', bankAccount: '[redacted]', payee: '[redacted]' },
    });
    expect(find('POST /api/conferences/:id/registrations')?.changes).toMatchObject({ name: 'Bo Ek', diet: '[redacted]', dietConsent: '[redacted]' });
    expect(find('POST /api/conferences/:id/registrations/:rid/check-in')).toMatchObject({ at: '2030-09-01T10:10:00+02:00', target: { id: c.id, rid: amina.id }, changes: {} });
    expect(find('POST /admin/conferences/:id/fees/:rid/waive')).toMatchObject({ status: 303, via: 'session', target: { id: c.id, rid: late.id }, changes: { reason: 'Sjuk' } });
    expect(find('POST /api/conferences/:id/invitations')?.changes).toEqual({ email: colleague.email, role: 'organiser' });

    // Filtering and paging.
    const checkIns = await entriesOf(owner.api, c.id, `?action=${encodeURIComponent('POST /api/conferences/:id/registrations/:rid/check-in')}`);
    expect(checkIns.total).toBe(1);
    const second = await entriesOf(owner.api, c.id, '?limit=2&offset=2');
    expect(second.items.map((e) => e.action)).toEqual(actions.slice(2, 4));
    expect(second.total).toBe(expected.length);
    expect((await owner.api.get(`${base}/audit-log?limit=0`)).status).toBe(400);
    expect((await owner.api.get(`${base}/audit-log?offset=-1`)).status).toBe(400);
    // Only the conference's organisers read it; GETs are not recorded.
    const outsider = await organiserClient(test);
    expect((await outsider.api.get(`${base}/audit-log`)).status).toBe(404);
    expect((await new ApiClient(test.url).get(`${base}/audit-log`)).status).toBe(401);
    expect((await entriesOf(owner.api, c.id)).total).toBe(expected.length);

    // The page: linked from the overview, a table of who did what when, a filter, no secrets.
    expect((await pages.get(`/admin/conferences/${c.id}`)).html).toContain(`href="/admin/conferences/${c.id}/audit-log"`);
    const page = await pages.get(`/admin/conferences/${c.id}/audit-log?lang=en`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<caption class="visually-hidden">Audit log</caption>');
    expect(page.html).toContain(owner.email);
    expect(page.html).toContain('<time datetime="2030-09-01T10:05:00+02:00">2030-09-01 10:05:00</time>');
    expect(page.html).toContain('POST /admin/conferences/:id/fees/:rid/waive');
    expect(page.html).toContain(`Entries 1–${expected.length} of ${expected.length}`);
    const filtered = await pages.get(`/admin/conferences/${c.id}/audit-log?action=${encodeURIComponent('PATCH /api/conferences/:id')}`);
    expect(filtered.html.match(/<tr id="audit-entry-/g)).toHaveLength(1);
    expect((await pages.get(`/admin/conferences/${c.id}/audit-log?offset=nonsense`)).status).toBe(200);

    // Nothing secret anywhere in the table, the log-in included.
    const { rows } = await db.query(`SELECT * FROM audit_entry`);
    const everything = JSON.stringify(rows) + page.html;
    for (const secret of [...Object.values(SECRETS), owner.password, csrfToken, byHand.body.manageToken, owner.token]) {
      expect(everything).not.toContain(secret);
    }
    const logins = rows.filter((r) => r.action === 'auth.login' && r.organiser_id === owner.id);
    expect(logins).toHaveLength(2);
    expect(logins.every((r) => r.changes === null && r.conference_id === null && r.route === '/api/auth/login')).toBe(true);
    expect(rows.find((r) => r.action === 'POST /api/auth/organisers')?.changes).toEqual({ email: 'ny@example.org', name: 'Ny', password: '[redacted]' });
  });

  it('refuses to change or delete an entry, except through the retention purge', async () => {
    const owner = await organiserClient(test);
    clock.set('2030-11-01T09:00:00+01:00');
    const old = await publishedConference(owner.api);
    clock.set('2031-11-15T09:00:00+01:00');
    const recent = await publishedConference(owner.api);
    const [{ count }] = (await db.query(`SELECT count(*)::int AS count FROM audit_entry WHERE conference_id = $1`, [old.id])).rows;
    expect(count).toBe(2);

    await expect(db.query(`UPDATE audit_entry SET action = 'nothing happened' WHERE conference_id = $1`, [old.id])).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(db.query(`DELETE FROM audit_entry WHERE conference_id = $1`, [old.id])).rejects.toThrow(/append-only: DELETE refused/);
    await expect(db.query(`TRUNCATE audit_entry`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    // The purge's door is open for its own statement only.
    await db.query(`SELECT audit_purge_before('2000-01-01')`);
    await expect(db.query(`DELETE FROM audit_entry WHERE conference_id = $1`, [old.id])).rejects.toThrow(/append-only/);

    // Another instance purging holds the lock: this one leaves it to them.
    const other = new Client({ connectionString: test.databaseUrl });
    await other.connect();
    await other.query(`SELECT pg_advisory_lock(727364810)`);
    expect(await test.app.get(AuditRetentionJob).purgeDue()).toBeNull();
    await other.end();

    // 365 days by default: the entries of November 2030 go, those of November 2031 stay.
    expect(await test.app.get(AuditRetentionJob).purgeDue()).toBeGreaterThanOrEqual(2);
    expect((await entriesOf(owner.api, old.id)).total).toBe(0);
    expect((await entriesOf(owner.api, recent.id)).total).toBe(2);
    expect(await test.app.get(AuditService).purgeBefore(new Date('2031-11-15T08:00:01Z'))).toBe(2);
    expect((await entriesOf(owner.api, recent.id)).total).toBe(0);
  });
});

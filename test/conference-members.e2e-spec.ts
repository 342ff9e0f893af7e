import { ManualClock } from '@dialogdag/shared';
import { PageSession } from './support/pages';
import { ApiClient, organiserClient, publishedConference, startTestApp, TestApp } from './support/test-app';

/** Roles per conference (issue #9): owners invite by e-mail, change roles and remove people; the last owner stays. */
describe('conference members and invitations', () => {
  const clock = new ManualClock('2030-03-01T10:00:00+01:00');
  let test: TestApp;
  let owner: Awaited<ReturnType<typeof organiserClient>>;
  let conference: { id: string; slug: string };

  beforeAll(async () => {
    test = await startTestApp({ clock });
    owner = await organiserClient(test, 'owner@example.org', { name: 'Olga Ägare' });
    conference = await publishedConference(owner.api);
  });

  afterAll(async () => {
    await test?.close();
  });

  const base = () => `/api/conferences/${conference.id}`;
  /** The newest invitation link e-mailed to an address, as the owner reads it in the conference's outbox. */
  const invitationLink = async (email: string) => {
    const mail = (await owner.api.get(`${base()}/outbox`)).body.items.find((m: { to: string; kind: string }) => m.to === email && m.kind === 'conference_invitation');
    const [, url, token] = /(http:\/\/\S+\/invitations\/([\w-]+))\?lang=/.exec(mail.text)!;
    return { url, token, mail };
  };
  const roleIn = async (api: ApiClient) => (await api.get(base())).body.role;

  it('makes the creator owner, and lists members with their roles', async () => {
    expect(await roleIn(owner.api)).toBe('owner');
    expect((await owner.api.get(`${base()}/members`)).body).toEqual({ items: [{ organiserId: owner.id, name: 'Olga Ägare', email: 'owner@example.org', role: 'owner' }], total: 1 });
    expect((await owner.api.get('/api/conferences')).body.items.map((c: { id: string; role: string }) => [c.id, c.role])).toEqual([[conference.id, 'owner']]);
  });

  it('invites someone with an account, who accepts once with whichever account they are signed in with', async () => {
    const colleague = await organiserClient(test, 'kim@example.org', { name: 'Kim Kollega' });
    const invited = await owner.api.post(`${base()}/invitations`, { email: 'Kim@Example.org', role: 'checkin' });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ email: 'Kim@Example.org', role: 'checkin', expiresAt: '2030-03-08T10:00:00+01:00' });
    expect(JSON.stringify(invited.body)).not.toMatch(/token/i);
    const { token, mail } = await invitationLink('Kim@Example.org');
    expect(mail.subject).toContain('Dialogkonferens Skåne');
    expect(mail.text).toContain('incheckning');
    expect((await owner.api.get(`${base()}/invitations`)).body.items.map((i: { email: string }) => i.email)).toEqual(['Kim@Example.org']);

    expect((await colleague.api.get(base())).status).toBe(404);
    const accepted = await colleague.api.post(`/api/invitations/${token}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ conferenceId: conference.id, role: 'checkin' });
    expect(await roleIn(colleague.api)).toBe('checkin');
    expect((await colleague.api.get(`${base()}/registrations`)).status).toBe(403);
    expect((await new ApiClient(test.url, (await organiserClient(test)).token).post(`/api/invitations/${token}/accept`)).status).toBe(404);
    expect((await owner.api.get(`${base()}/invitations`)).body.total).toBe(0);
    expect((await owner.api.post(`${base()}/invitations`, { email: 'kim@example.org', role: 'viewer' })).status).toBe(409);
  });

  it('creates the account of someone invited who has none, on the invitation page, and logs them in', async () => {
    await owner.api.post(`${base()}/invitations`, { email: 'new.person@example.org', role: 'reviewer' });
    const { url } = await invitationLink('new.person@example.org');
    const page = await fetch(url);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(html).toContain('new.person@example.org');
    const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).filter((c) => c.startsWith('dialogdag_login=')).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1];
    const submit = (fields: Record<string, string>, withCsrf = csrf) =>
      fetch(url, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: withCsrf, ...fields }).toString() });

    expect((await submit({ name: 'Nora Ny', password: 'lingonberry tram ferry' }, 'forged')).status).toBe(403);
    const weak = await submit({ name: 'Nora Ny', password: 'password1234' });
    expect(weak.status).toBe(422);
    expect(await weak.text()).toContain('most common');
    const created = await submit({ name: 'Nora Ny', password: 'lingonberry tram ferry' });
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe(`/admin/conferences/${conference.id}`);
    const session = created.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('dialogdag_session='))!;
    const overview = await fetch(`${test.url}/admin/conferences/${conference.id}`, { headers: { cookie: session } });
    expect(overview.status).toBe(200);
    const text = await overview.text();
    expect(text).toContain(`/admin/conferences/${conference.id}/travel-claims`);
    expect(text).not.toContain(`/admin/conferences/${conference.id}/registrations`);
    expect((await fetch(url)).status).toBe(404);
  });

  it('lets a link expire after seven days, and a new invitation replace an unanswered one', async () => {
    await owner.api.post(`${base()}/invitations`, { email: 'late@example.org', role: 'viewer' });
    const first = await invitationLink('late@example.org');
    await owner.api.post(`${base()}/invitations`, { email: 'late@example.org', role: 'organiser' });
    const second = await invitationLink('late@example.org');
    expect(second.token).not.toBe(first.token);
    expect((await fetch(first.url)).status).toBe(404);
    const late = await organiserClient(test, 'late@example.org');
    clock.advance(7 * 86_400_000);
    expect((await late.api.post(`/api/invitations/${second.token}/accept`)).status).toBe(404);
    clock.advance(-7 * 86_400_000);
    expect((await late.api.post(`/api/invitations/${second.token}/accept`)).status).toBe(200);
    expect(await roleIn(late.api)).toBe('organiser');
  });

  it('keeps member management to owners; the outbox shows invitation links to owners only', async () => {
    const organiser = await organiserClient(test);
    await owner.api.post(`${base()}/invitations`, { email: organiser.email, role: 'organiser' });
    await organiser.api.post(`/api/invitations/${(await invitationLink(organiser.email)).token}/accept`);
    expect((await organiser.api.get(`${base()}/members`)).status).toBe(403);
    expect((await organiser.api.post(`${base()}/invitations`, { email: 'x@example.org', role: 'owner' })).status).toBe(403);
    const theirs = (await organiser.api.get(`${base()}/outbox`)).body.items;
    expect(theirs.some((m: { kind: string }) => m.kind === 'conference_invitation')).toBe(false);
    expect((await owner.api.get(`${base()}/outbox`)).body.items.some((m: { kind: string }) => m.kind === 'conference_invitation')).toBe(true);
  });

  it('changes roles and removes people; a removed member’s token reaches the conference no more', async () => {
    const member = await organiserClient(test);
    await owner.api.post(`${base()}/invitations`, { email: member.email, role: 'viewer' });
    await member.api.post(`/api/invitations/${(await invitationLink(member.email)).token}/accept`);
    expect((await member.api.get(`${base()}/attendance-summary`)).status).toBe(200);
    // A viewer's pages link to the figures, not to what only organisers open.
    for (const [path, link] of [['', 'report'], ['/attendance', 'report'], ['/report', 'attendance']]) {
      const html = (await member.api.get(`/admin/conferences/${conference.id}${path}`)).body as string;
      expect(html).toContain(`/admin/conferences/${conference.id}/${link}"`);
      expect(html).not.toContain(`/admin/conferences/${conference.id}/group-notes"`);
      expect(html).not.toContain(`/admin/conferences/${conference.id}/edit"`);
    }
    const changed = await owner.api.patch(`${base()}/members/${member.id}`, { role: 'reviewer' });
    expect(changed.body).toMatchObject({ organiserId: member.id, role: 'reviewer' });
    expect((await member.api.get(`${base()}/attendance-summary`)).status).toBe(403);
    expect((await owner.api.patch(`${base()}/members/${member.id}`, { role: 'boss' })).status).toBe(400);
    expect((await owner.api.delete(`${base()}/members/${member.id}`)).status).toBe(204);
    expect((await member.api.get(base())).status).toBe(404);
    expect((await owner.api.delete(`${base()}/members/${member.id}`)).status).toBe(404);
  });

  it('never lets the last owner go, not even when two owners leave at the same moment', async () => {
    expect((await owner.api.delete(`${base()}/members/${owner.id}`)).status).toBe(409);
    const demoted = await owner.api.patch(`${base()}/members/${owner.id}`, { role: 'viewer' });
    expect(demoted.status).toBe(409);
    expect(demoted.body.code).toBe('last_owner');
    for (let round = 0; round < 5; round++) {
      const c = await publishedConference(owner.api);
      const second = await organiserClient(test);
      await owner.api.post(`/api/conferences/${c.id}/invitations`, { email: second.email, role: 'owner' });
      const mail = (await owner.api.get(`/api/conferences/${c.id}/outbox`)).body.items[0];
      await second.api.post(`/api/invitations/${/\/invitations\/([\w-]+)/.exec(mail.text)![1]}/accept`);
      const [a, b] = await Promise.all([
        owner.api.delete(`/api/conferences/${c.id}/members/${second.id}`),
        second.api.delete(`/api/conferences/${c.id}/members/${owner.id}`),
      ]);
      // One leaves; the other is refused: 409 (the last owner) or, when the first removal has already
      // committed before the second request is let in, 404 (no longer a member of the conference).
      const [done, refused] = [a.status, b.status].sort();
      expect(done).toBe(204);
      expect([404, 409]).toContain(refused);
      const left = (await (a.status === 204 ? owner : second).api.get(`/api/conferences/${c.id}/members`)).body.items;
      expect(left.filter((m: { role: string }) => m.role === 'owner')).toHaveLength(1);
    }
  });

  it('serves the members page to owners, with the invitation form', async () => {
    const page = await PageSession.login(test, owner.email, owner.password);
    const path = `/admin/conferences/${conference.id}/members`;
    const shown = await page.get(path);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('Kim Kollega');
    expect(shown.html).toContain('<label for="email">');
    const bad = await page.post(path, `${path}/invite`, { email: 'not an address', role: 'viewer' });
    expect(bad.status).toBe(422);
    const sent = await page.post(path, `${path}/invite`, { email: 'form@example.org', role: 'viewer' });
    expect(sent.status).toBe(303);
    expect((await page.get(sent.location!)).html).toContain('form@example.org');
    const last = await page.post(path, `${path}/${owner.id}/remove`, {});
    expect(last.status).toBe(409);
    expect(last.html).toContain('minst en ägare');
    expect((await page.get(`/admin/conferences/${conference.id}`)).html).toContain(path);
  });
});

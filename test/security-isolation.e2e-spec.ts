import { randomUUID } from 'node:crypto';
import { AccessDeclaration, AccessDeclarations, CONFERENCE_ROLES, ConferenceRole, DeclaredRoute, fillRoutePath, roleAllows } from '@dialogdag/auth';
import { MembersService } from '@dialogdag/conferences';
import { ApiClient, ApiResponse, organiserClient, participant, publishedConference, sessionClient, startTestApp, TestApp } from './support/test-app';

/**
 * Isolation proven (issue #9): every organiser route, from the OpenAPI document and from the app's own list of
 * routes (pages), called as anonymous, as a platform administrator and as an organiser of another conference
 * (neither a member of this one), and as each of the five roles. The roles let through must be exactly those
 * whose permissions include the route's declared one. A route without a declaration stops the app at start-up
 * (libs/auth/src/access/access-declarations.spec.ts), so it cannot slip past this file.
 */
type Caller = 'anonymous' | 'admin' | 'outsider' | ConferenceRole;
const CALLERS: Caller[] = ['anonymous', 'admin', 'outsider', ...CONFERENCE_ROLES];

interface Route {
  method: string;
  path: string;
  access: AccessDeclaration | undefined;
}

describe('security: every organiser route lets in exactly the roles its permission names', () => {
  let test: TestApp;
  const clients = {} as Record<Caller, ApiClient>;
  const ids: Record<string, string> = {};
  let routes: Route[];
  let docsPaths: string[];

  beforeAll(async () => {
    test = await startTestApp();
    const owner = await organiserClient(test, undefined, { name: 'Owner' });
    clients.owner = owner.api;
    clients.anonymous = new ApiClient(test.url);
    clients.admin = (await organiserClient(test, undefined, { isPlatformAdmin: true, name: 'Admin' })).api;
    const outsider = await organiserClient(test, undefined, { name: 'Outsider' });
    clients.outsider = outsider.api;
    await publishedConference(outsider.api);

    const c = await publishedConference(owner.api);
    ids.conference = c.id;
    const members = test.app.get(MembersService);
    for (const role of CONFERENCE_ROLES.filter((r) => r !== 'owner')) {
      const member = await organiserClient(test, undefined, { name: role });
      await members.add(c.id, member.id, role);
      clients[role] = member.api;
    }
    await fixtures(owner.api, c);

    const declared = test.app.get(AccessDeclarations).routes();
    routes = declared.map((r: DeclaredRoute) => ({ method: r.method, path: r.path, access: r.access }));
    const docs = (await clients.anonymous.get('/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    docsPaths = Object.entries(docs.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
  });

  afterAll(async () => {
    await test?.close();
  });

  /** One of each thing a route can be keyed by, in the conference under test. */
  async function fixtures(api: ApiClient, c: { id: string; slug: string }) {
    const base = `/api/conferences/${c.id}`;
    const must = (response: ApiResponse, what: string) => {
      if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    };
    must(await api.patch(`${base}/book-tables`, { limit: 2 }), 'book tables');
    const register = async (overrides: Record<string, unknown>) =>
      must(await clients.anonymous.post(`/api/public/conferences/${c.slug}/registrations`, participant(overrides)), 'registration');
    const amina = await register({ bookTable: true, bookTableDescription: 'Studiecirklar' });
    const erik = await register({ name: 'Erik Lund', organisation: 'Malmö stad', sector: 'municipality', isVolunteer: false });
    ids.registration = amina.id;
    ids.otherRegistration = erik.id;
    ids.claim = must(await clients.anonymous.post(`/api/public/registrations/${amina.manageToken}/travel-claim`, { fromPlace: 'Östersund', roundTripKm: 320, mode: 'car' }), 'claim').id;
    ids.speaker = must(await api.post(`${base}/speakers`, { name: 'Anna Berg', title: 'Utredare', organisation: 'Länsstyrelsen', sector: 'county_board' }), 'speaker').id;
    ids.item = must(await api.post(`${base}/programme-items`, { startsAt: '2030-10-20T10:00:00+02:00', endsAt: '2030-10-20T11:00:00+02:00', kind: 'talk', title: 'Föreläsning' }), 'item').id;
    ids.workshop = must(await api.post(`${base}/workshops`, { title: 'Bostad', theme: 'Bostad', capacity: 20 }), 'workshop').id;
    must(await api.post(`${base}/tables`, { tables: [{ name: 'Bord 1', seats: 8 }] }), 'tables');
    ids.table = must(await api.get(`${base}/tables`), 'tables').items[0].id;
    ids.seatingRequest = must(await api.post(`${base}/seating/requests`, { kind: 'apart', registrationIds: [amina.id, erik.id] }), 'seating request').id;
    ids.bookTableRequest = must(await api.get(`${base}/book-tables`), 'book tables').items[0].id;
    ids.note = must(await api.post(`${base}/group-notes`, { theme: 'Bostad', groupName: 'Bord 1', obstacles: 'Höga hyror' }), 'note').id;
    ids.message = must(
      await api.post(`${base}/messages`, { subject: { sv: 'Ny ingång' }, body: { sv: 'Hej {name}!' }, filter: { groups: ['seat_holders'] }, confirmRecipientCount: 2 }),
      'message',
    ).id;
    ids.series = must(await api.post('/api/series', { title: 'Dialogkonferenser 2030' }), 'series').id;
    must(await api.post(`/api/series/${ids.series}/conferences`, { conferenceId: c.id }), 'series member');
  }

  /** Real ids where the route needs one; for members and invitations an unknown id, so no call removes anybody. */
  function paramValue(path: string, param: string): string {
    const series = /^\/(api|admin)\/series\//.test(path);
    switch (param) {
      case 'id': return series ? ids.series : ids.conference;
      case 'conferenceId': return ids.conference;
      case 'rid': case 'registrationId': return ids.registration;
      case 'claimId': return ids.claim;
      case 'speakerId': return ids.speaker;
      case 'itemId': return ids.item;
      case 'workshopId': return ids.workshop;
      case 'tableId': return ids.table;
      case 'requestId': return path.includes('book-tables') ? ids.bookTableRequest : ids.seatingRequest;
      case 'noteId': return ids.note;
      case 'messageId': return ids.message;
      case 'kind': return 'registration_confirmed';
      case 'organiserId': case 'invitationId': return randomUUID();
      case 'token': return 'no-such-token';
      default: throw new Error(`${path}: no test value for :${param}; add one here`);
    }
  }

  /** Harmless bodies: an empty JSON object, or a form with nothing in it. An allowed role may well get a 400. */
  async function call(caller: Caller, route: Route): Promise<{ status: number; location: string | null; code?: string }> {
    const path = fillRoutePath(route.path, (param) => paramValue(route.path, param));
    const page = !route.path.startsWith('/api/');
    const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : page ? 'nothing=here' : {};
    const headers: Record<string, string> = page && body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {};
    const response = await clients[caller].request(route.method, path, body, headers);
    return { status: response.status, location: response.headers.get('location'), code: (response.body as { code?: string } | undefined)?.code };
  }

  const organiserRoutes = () => routes.filter((r) => r.access && r.access.kind !== 'public');

  it('knows every API route of the OpenAPI document, each with an access declaration', () => {
    const apiRoutes = routes.filter((r) => r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`);
    expect(docsPaths.filter((p) => !apiRoutes.includes(p))).toEqual([]);
    expect(apiRoutes.filter((p) => !docsPaths.includes(p))).toEqual([]);
    expect(routes.filter((r) => !r.access)).toEqual([]);
    expect(organiserRoutes().length).toBeGreaterThan(150);
  });

  /** What the guard should answer: the log-in, let through, 403, or for someone not a member 404 or 403 (never in). */
  function expected(caller: Caller, access: AccessDeclaration): 'login' | 'pass' | 'forbidden' | 'not-member' {
    if (caller === 'anonymous') return 'login';
    if (access.kind === 'signed-in') return 'pass';
    if (access.kind === 'platform-admin') return caller === 'admin' ? 'pass' : 'forbidden';
    if (access.kind !== 'conference') throw new Error(`unexpected declaration ${access.kind}`);
    if (caller === 'admin' || caller === 'outsider') return 'not-member';
    return roleAllows(caller, access.permission) ? 'pass' : 'forbidden';
  }

  it('answers each caller as the route’s declaration and the role matrix say, and never fails', async () => {
    const wrong: string[] = [];
    const check = async (route: Route, caller: Caller) => {
      const want = expected(caller, route.access!);
      const { status, location, code } = await call(caller, route);
      const page = !route.path.startsWith('/api/');
      // The guard's log-in redirect says where to come back to; a page that logs out sends to the bare log-in.
      const toLogin = page ? status === 303 && (location ?? '').startsWith('/admin/login?next=') : status === 401;
      const forbidden = status === 403 && (page || code === 'not_permitted' || code === 'platform_admin_only');
      const ok =
        status < 500 &&
        (want === 'login' ? toLogin
          : want === 'pass' ? !toLogin && status !== 401 && status !== 403
          : want === 'forbidden' ? forbidden
          : status === 404 || status === 403);
      if (!ok) wrong.push(`${route.method} ${route.path}: ${caller} got ${status}${location ? ` → ${location}` : ''}${code ? ` (${code})` : ''}, expected ${want}`);
    };
    for (const route of organiserRoutes()) {
      // Callers the guard should stop never reach the handler, so they go at once; those let through go one by one.
      const stopped = CALLERS.filter((caller) => expected(caller, route.access!) !== 'pass');
      await Promise.all(stopped.map((caller) => check(route, caller)));
      for (const caller of CALLERS.filter((c) => !stopped.includes(c))) await check(route, caller);
    }
    expect(wrong).toEqual([]);
  }, 180_000);

  it('keeps check-in staff to the door: besides seeing the conference, only check-in routes let them in', () => {
    const theirs = organiserRoutes()
      .filter((r) => r.access?.kind === 'conference' && roleAllows('checkin', r.access.permission) && r.access.permission !== 'conference.view')
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(theirs).toEqual([
      'DELETE /api/conferences/:id/registrations/:rid/check-in',
      'GET /admin/conferences/:id/check-in',
      'POST /admin/conferences/:id/check-in-code',
      'POST /admin/conferences/:id/check-in/:rid',
      'POST /admin/conferences/:id/check-in/:rid/undo',
      'POST /admin/conferences/:id/walk-ins',
      'POST /api/conferences/:id/check-in-code',
      'POST /api/conferences/:id/registrations/:rid/check-in',
      'POST /api/conferences/:id/registrations/:rid/undo-check-in',
      'POST /api/conferences/:id/walk-ins',
    ]);
  });

  it('treats a session like a token: the same role, and the CSRF checks still first', async () => {
    const staff = await organiserClient(test, undefined, { name: 'Door' });
    await test.app.get(MembersService).add(ids.conference, staff.id, 'checkin');
    const { api, cookie } = await sessionClient(test.url, staff.email, staff.password);
    const page = (path: string) => fetch(`${test.url}${path}`, { headers: { cookie }, redirect: 'manual' });
    expect((await page(`/admin/conferences/${ids.conference}/check-in`)).status).toBe(200);
    expect((await page(`/admin/conferences/${ids.conference}/registrations`)).status).toBe(403);
    const overview = await (await page(`/admin/conferences/${ids.conference}`)).text();
    expect(overview).toContain(`/admin/conferences/${ids.conference}/check-in`);
    expect(overview).not.toContain(`/admin/conferences/${ids.conference}/registrations`);
    expect(overview).not.toContain(`/admin/conferences/${ids.conference}/edit`);
    expect((await api.post(`/api/conferences/${ids.conference}/registrations/${ids.otherRegistration}/check-in`)).status).toBe(200);
    expect((await api.post(`/api/conferences/${ids.conference}/registrations/${ids.otherRegistration}/cancel`)).status).toBe(403);
    const forged = await fetch(`${test.url}/api/conferences/${ids.conference}/registrations/${ids.otherRegistration}/undo-check-in`, { method: 'POST', headers: { cookie } });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { code: string }).code).toBe('bad_csrf_token');
  });
});

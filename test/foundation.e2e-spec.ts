import { ApiClient, conferenceInput, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';
import { personalLink, TestSmtpServer } from './support/smtp';

describe('foundation: organiser → published conference → registration → e-mail', () => {
  let test: TestApp;
  let smtp: TestSmtpServer;
  let api: ApiClient;
  let anonymous: ApiClient;

  beforeAll(async () => {
    smtp = new TestSmtpServer();
    await smtp.start();
    test = await startTestApp({ env: { SMTP_URL: smtp.url } });
    api = (await organiserClient(test)).api;
    anonymous = new ApiClient(test.url);
  });

  afterAll(async () => {
    await test?.close();
    await smtp?.stop();
  });

  it('answers health with the database included', async () => {
    const res = await anonymous.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('sends the security headers on pages and API answers alike, and no X-Powered-By', async () => {
    for (const path of ['/admin/login', '/api/health']) {
      const res = await fetch(`${test.url}${path}`);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('describes the contract routes in OpenAPI', async () => {
    const res = await anonymous.get('/api/docs-json');
    expect(res.status).toBe(200);
    const paths = Object.keys(res.body.paths);
    for (const path of [
      '/api/auth/login',
      '/api/conferences',
      '/api/conferences/{id}',
      '/api/conferences/{id}/publish',
      '/api/conferences/{id}/registrations',
      '/api/public/conferences/{slug}',
      '/api/public/conferences/{slug}/registrations',
      '/api/public/registrations/{token}',
    ]) {
      expect(paths).toContain(path);
    }
    const docs = await fetch(`${test.url}/api/docs`);
    expect(docs.status).toBe(200);
  });

  it('creates, reads, changes and publishes a conference', async () => {
    const input = conferenceInput();
    const created = await api.post('/api/conferences', input);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      slug: input.slug,
      status: 'draft',
      startsAt: '2030-10-20T09:00:00+02:00',
      capacity: 100,
      cancellationFee: 40000,
      venue: { name: 'Folkets Hus', city: 'Malmö' },
      travelPolicy: { minRoundTripKm: 100, ratePerKm: 250, budget: 2000000 },
    });
    const id = created.body.id;
    expect((await anonymous.get(`/api/public/conferences/${input.slug}`)).status).toBe(404);

    const changed = await api.patch(`/api/conferences/${id}`, { capacity: 120, title: 'Dialogkonferens Skåne 2030' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ capacity: 120, title: 'Dialogkonferens Skåne 2030' });

    const published = await api.post(`/api/conferences/${id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    const read = await api.get(`/api/conferences/${id}`);
    expect(read.body.status).toBe('published');

    const pub = await anonymous.get(`/api/public/conferences/${input.slug}`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ title: 'Dialogkonferens Skåne 2030', seatsLeft: 120 });
  });

  it('refuses invalid conferences with messages naming the field', async () => {
    const noTitle = await api.post('/api/conferences', conferenceInput({ title: '', capacity: 0 }));
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.message.join(' ')).toMatch(/title/);
    expect(noTitle.body.message.join(' ')).toMatch(/capacity/);

    const backwards = await api.post('/api/conferences', conferenceInput({ endsAt: '2030-10-20T08:00:00+02:00' }));
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body.message)).toMatch(/endsAt/);

    const lateDeadline = await api.post('/api/conferences', conferenceInput({ registrationDeadline: '2030-10-21' }));
    expect(lateDeadline.status).toBe(400);
    expect(JSON.stringify(lateDeadline.body.message)).toMatch(/registrationDeadline/);

    const badTime = await api.post('/api/conferences', conferenceInput({ startsAt: 'tomorrow' }));
    expect(badTime.status).toBe(400);
    expect(JSON.stringify(badTime.body.message)).toMatch(/startsAt/);

    const notJson = await api.request('POST', '/api/conferences', '{"title": ', { 'content-type': 'application/json' });
    expect(notJson.status).toBe(400);

    const input = conferenceInput();
    expect((await api.post('/api/conferences', input)).status).toBe(201);
    const again = await api.post('/api/conferences', { ...input });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    expect(again.body.message).toMatch(/slug/);
  });

  it('keeps conferences to the organisers who manage them', async () => {
    const conference = await publishedConference(api);
    const other = (await organiserClient(test)).api;
    expect((await other.get(`/api/conferences/${conference.id}`)).status).toBe(404);
    expect((await other.patch(`/api/conferences/${conference.id}`, { capacity: 5 })).status).toBe(404);
    expect((await other.post(`/api/conferences/${conference.id}/publish`)).status).toBe(404);
    expect((await other.get(`/api/conferences/${conference.id}/registrations`)).status).toBe(404);
    expect((await anonymous.get(`/api/conferences/${conference.id}`)).status).toBe(401);
    expect((await new ApiClient(test.url, 'dd_not-a-token').get('/api/conferences')).status).toBe(401);
  });

  it('logs organisers in with a session cookie and out again', async () => {
    const { email, password } = await organiserClient(test);
    const wrong = await anonymous.post('/api/auth/login', { email, password: 'wrong password' });
    expect(wrong.status).toBe(401);
    const login = await anonymous.post('/api/auth/login', { email, password });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/dialogdag_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0];
    const me = await anonymous.request('GET', '/api/auth/me', undefined, { cookie });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(email);
    const csrf = { cookie, 'x-csrf-token': login.body.csrfToken };
    const created = await anonymous.request('POST', '/api/conferences', conferenceInput(), csrf);
    expect(created.status).toBe(201);
    await anonymous.request('POST', '/api/auth/logout', undefined, csrf);
    expect((await anonymous.request('GET', '/api/auth/me', undefined, { cookie })).status).toBe(401);
  });

  it('registers a participant, e-mails the personal link over SMTP, and the link works', async () => {
    const conference = await publishedConference(api);
    const person = participant({ diet: 'vegetarisk', dietConsent: true });
    const res = await anonymous.post(`/api/public/conferences/${conference.slug}/registrations`, person);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'confirmed' });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.manageToken.length).toBeGreaterThanOrEqual(22);

    const [mail] = await smtp.waitFor((m) => m.to.includes(person.email));
    expect(mail.subject).toContain('Dialogkonferens Skåne');
    expect(mail.text).toContain('400 kr');
    const link = personalLink(mail);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await page.text()).toContain(person.name);

    const token = link.split('/r/')[1];
    const personal = await anonymous.get(`/api/public/registrations/${token}`);
    expect(personal.status).toBe(200);
    expect(personal.body).toMatchObject({ id: res.body.id, status: 'confirmed', email: person.email, diet: 'vegetarisk', fee: 0 });
    expect(personal.headers.get('cache-control')).toContain('no-store');
    expect((await anonymous.get(`/api/public/registrations/${token}x`)).status).toBe(404);

    const list = await api.get(`/api/conferences/${conference.id}/registrations?status=confirmed&sector=civil_society`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ email: person.email, status: 'confirmed' });
    expect((await api.get(`/api/conferences/${conference.id}/registrations?status=nonsense`)).status).toBe(400);
  });

  it('refuses bad registrations with field messages, and duplicates with 409', async () => {
    const conference = await publishedConference(api);
    const bad = await anonymous.post(`/api/public/conferences/${conference.slug}/registrations`, {
      name: '',
      email: 'not-an-address',
      organisation: 'X',
      sector: 'church',
    });
    expect(bad.status).toBe(400);
    const text = bad.body.message.join(' ');
    expect(text).toMatch(/name/);
    expect(text).toMatch(/email/);
    expect(text).toMatch(/sector/);

    const person = participant();
    expect((await anonymous.post(`/api/public/conferences/${conference.slug}/registrations`, person)).status).toBe(201);
    const dup = await anonymous.post(`/api/public/conferences/${conference.slug}/registrations`, { ...person, email: person.email.toUpperCase() });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toMatch(/already registered/);
    expect((await anonymous.post(`/api/public/conferences/no-such-conference/registrations`, person)).status).toBe(404);
  });

  it('creates exactly one registration from 200 simultaneous submissions of one e-mail', async () => {
    const conference = await publishedConference(api);
    const person = participant();
    const results = await Promise.all(
      Array.from({ length: 200 }, () => anonymous.post(`/api/public/conferences/${conference.slug}/registrations`, person)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    const list = await api.get(`/api/conferences/${conference.id}/registrations`);
    expect(list.body.total).toBe(1);
    const read = await api.get(`/api/conferences/${conference.id}`);
    expect(read.body.seatsTaken).toBe(1);
  });

  it('answers 409 after the registration deadline', async () => {
    const conference = await publishedConference(api, {
      startsAt: '2020-10-20T09:00:00+02:00',
      endsAt: '2020-10-20T16:00:00+02:00',
      registrationDeadline: '2020-10-06',
      cancellationDeadline: '2020-10-06',
    });
    const res = await anonymous.post(`/api/public/conferences/${conference.slug}/registrations`, participant());
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/closed/);
  });
});

describe('public rate limit', () => {
  it('answers 429 with Retry-After once an address exceeds PUBLIC_RATE_LIMIT_PER_MINUTE', async () => {
    const test = await startTestApp({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const { api } = await organiserClient(test);
      const conference = await publishedConference(api);
      const anonymous = new ApiClient(test.url);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await anonymous.post(`/api/public/conferences/${conference.slug}/registrations`, participant())).status);
      }
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      const limited = await anonymous.post(`/api/public/conferences/${conference.slug}/registrations`, participant());
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
      // Reading and organiser routes are not limited.
      expect((await anonymous.get(`/api/public/conferences/${conference.slug}`)).status).toBe(200);
      expect((await api.get(`/api/conferences/${conference.id}`)).status).toBe(200);
    } finally {
      await test.close();
    }
  });
});

describe('hostile input', () => {
  let test: TestApp;
  let api: ApiClient;
  beforeAll(async () => {
    test = await startTestApp();
    api = (await organiserClient(test)).api;
  });
  afterAll(() => test?.close());

  it('refuses bodies over the limit with 413 and line breaks in e-mail addresses with 400', async () => {
    const conference = await publishedConference(api);
    const huge = await new ApiClient(test.url).post(`/api/public/conferences/${conference.slug}/registrations`, participant({ diet: 'x'.repeat(400_000), dietConsent: true }));
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ statusCode: 413 });
    const injected = await new ApiClient(test.url).post(
      `/api/public/conferences/${conference.slug}/registrations`,
      participant({ email: 'a@example.org\r\nBcc: victim@example.org' }),
    );
    expect(injected.status).toBe(400);
  });

  it('answers 4xx, never 500, to malformed ids and bodies', async () => {
    expect((await api.get('/api/conferences/not-a-uuid')).status).toBe(404);
    expect((await api.patch('/api/conferences/not-a-uuid', { capacity: 3 })).status).toBe(404);
    expect((await api.request('POST', '/api/conferences', '[1,2,3]')).status).toBe(400);
    expect((await api.request('POST', '/api/conferences', 'null')).status).toBe(400);
    const wrongTypes = await api.post('/api/conferences', conferenceInput({ capacity: 'many', venue: 'Folkets Hus', travelPolicy: { minRoundTripKm: -1 } }));
    expect(wrongTypes.status).toBe(400);
    expect(JSON.stringify(wrongTypes.body.message)).toMatch(/capacity/);
    expect(JSON.stringify(wrongTypes.body.message)).toMatch(/venue/);
    // A NUL byte is refused before any lookup (issue #9: 400 everywhere).
    expect((await new ApiClient(test.url).get('/api/public/registrations/%00')).status).toBe(400);
  });
});

describe('conference defaults', () => {
  it('needs only title, slug, times, venue and capacity; deadlines default to the start and the fee to 0', async () => {
    const test = await startTestApp();
    try {
      const { api } = await organiserClient(test);
      const created = await api.post('/api/conferences', {
        title: 'Minimal',
        slug: 'minimal-2030',
        startsAt: '2030-03-05T09:00',
        endsAt: '2030-03-05T16:00',
        venue: { name: 'Stadshuset' },
        capacity: 40,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        startsAt: '2030-03-05T09:00:00+01:00',
        registrationDeadline: '2030-03-05T09:00:00+01:00',
        cancellationDeadline: '2030-03-05T09:00:00+01:00',
        cancellationFee: 0,
        travelPolicy: null,
        venue: { name: 'Stadshuset', address: '', city: '' },
      });
    } finally {
      await test.close();
    }
  });
});

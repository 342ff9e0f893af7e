import fc from 'fast-check';
import { organiserClient, participant, publishedConference, sessionClient, startTestApp, TestApp } from './support/test-app';

/**
 * Fuzzing the public and organiser routes with random bodies, paths and query strings (NUL bytes, lone surrogates,
 * CR/LF, deep nesting, huge numbers): whatever comes in, the answer is never a 5xx (issue #9).
 */
describe('security: fuzzing never gets a 5xx', () => {
  let test: TestApp;
  let bearer: string;
  let session: { cookie: string; csrfToken: string };
  let ids: { conference: string; slug: string; token: string; registration: string };

  beforeAll(async () => {
    test = await startTestApp();
    const organiser = await organiserClient(test);
    bearer = organiser.token;
    session = await sessionClient(test.url, organiser.email, organiser.password);
    const conference = await publishedConference(organiser.api);
    const registered = await organiser.api.post(`/api/public/conferences/${conference.slug}/registrations`, participant());
    ids = { conference: conference.id, slug: conference.slug, token: registered.body.manageToken, registration: registered.body.id };
  });

  afterAll(async () => {
    await test?.close();
  });

  const FIELDS = [
    'name', 'email', 'phone', 'organisation', 'sector', 'isPolitician', 'isVolunteer', 'diet', 'dietConsent', 'workshopPreferences', 'title',
    'slug', 'startsAt', 'endsAt', 'venue', 'capacity', 'registrationDeadline', 'cancellationDeadline', 'cancellationFee', 'travelPolicy',
    'limit', 'offset', 'status', 'kind', 'room', 'speakers', 'fromPlace', 'roundTripKm', 'mode', 'passengers', 'expectedFee', 'password',
    'token', 'tables', 'seats', 'minutes', 'after', 'decision', 'approvedAmount', 'next', 'lang', 'q', '__proto__', 'constructor',
  ];
  const nasty = fc.constantFrom('\u0000', '\ud800', '\udfff', 'a\ud83d', '\r\n', '\r\nSet-Cookie: x=1', '%00', '%0d%0a', '../../etc/passwd', '\\', '//evil.example',
    '=cmd|\' /C calc\'!A0', '<script>alert(1)</script>', '\u202e', '\ufeff', 'NaN', '-0', '1e999', '9'.repeat(400), '2030-02-30T25:61:00+02:00', '');
  const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), nasty, fc.tuple(fc.string({ maxLength: 8 }), nasty, fc.string({ maxLength: 8 })).map((p) => p.join('')));
  const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -1, 0, 2 ** 31, 2 ** 63, 5e-324), fc.bigInt().map(String));
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, number, fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), text), tie('value'), { maxKeys: 5 })),
  }));
  const deep = fc.tuple(fc.integer({ min: 30, max: 6000 }), fc.constantFrom('[', '{"a":')).map(([depth, open]) => open.repeat(depth) + '1' + (open === '[' ? ']' : '}').repeat(depth));
  const jsonBody = fc.oneof(
    fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 8 }).map((o) => JSON.stringify(o)),
    deep,
    fc.constantFrom('{"a":', '[', '"\\ud800"', '{"name":"\\u0000"}', '{"capacity":1e999}', 'null', '[]', '{"__proto__":{"x":1}}', '\u0000'),
    value.map((v) => JSON.stringify(v) ?? 'null'),
  );
  const formBody = fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), text), fc.oneof(text, number.map(String)), { maxKeys: 8 }).map((o) => {
    const pairs = Object.entries(o).map(([k, v]) => `${percent(k)}=${percent(v)}`);
    return pairs.join('&');
  });
  /** Percent-encodes as UTF-8 where it can; a lone surrogate becomes raw invalid bytes, as a hostile client sends. */
  const percent = (s: string) => {
    try {
      return encodeURIComponent(s);
    } catch {
      return [...s].map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');
    }
  };
  const segment = fc.oneof(text.map(percent), fc.constantFrom('%00', '%ff%fe', '%', '%zz', '..', '%2e%2e', '%2F', '%5C', '9'.repeat(60)));
  const query = fc.dictionary(fc.oneof(fc.constantFrom('limit', 'offset', 'status', 'sector', 'lang', 'q', 'format', 'next', 'round'), text), fc.oneof(text, number.map(String)), { maxKeys: 4 })
    .map((o) => Object.entries(o).map(([k, v]) => `${percent(k)}=${percent(v)}`).join('&'));

  type Target = { method: string; path: (seg: string) => string; auth: 'none' | 'bearer' | 'cookie'; form?: boolean };
  const targets = (): Target[] => [
    { method: 'POST', path: () => `/api/public/conferences/${ids.slug}/registrations`, auth: 'none' },
    { method: 'POST', path: (s) => `/api/public/conferences/${s}/registrations`, auth: 'none' },
    { method: 'GET', path: (s) => `/api/public/conferences/${s}`, auth: 'none' },
    { method: 'GET', path: (s) => `/api/public/registrations/${s}`, auth: 'none' },
    { method: 'PATCH', path: () => `/api/public/registrations/${ids.token}`, auth: 'none' },
    { method: 'POST', path: () => `/api/public/registrations/${ids.token}/travel-claim`, auth: 'none' },
    { method: 'POST', path: (s) => `/api/public/registrations/${s}/cancel`, auth: 'none' },
    { method: 'POST', path: () => `/c/${ids.slug}`, auth: 'none', form: true },
    { method: 'GET', path: (s) => `/c/${s}`, auth: 'none' },
    { method: 'GET', path: (s) => `/r/${s}`, auth: 'none' },
    { method: 'POST', path: () => `/r/${ids.token}/details`, auth: 'none', form: true },
    { method: 'POST', path: () => `/api/auth/login`, auth: 'none' },
    { method: 'POST', path: () => `/admin/login`, auth: 'none', form: true },
    { method: 'POST', path: () => '/api/conferences', auth: 'bearer' },
    { method: 'PATCH', path: () => `/api/conferences/${ids.conference}`, auth: 'bearer' },
    { method: 'GET', path: (s) => `/api/conferences/${s}`, auth: 'bearer' },
    { method: 'GET', path: () => `/api/conferences/${ids.conference}/registrations`, auth: 'bearer' },
    { method: 'GET', path: () => `/api/conferences/${ids.conference}/outbox`, auth: 'bearer' },
    { method: 'POST', path: () => `/api/conferences/${ids.conference}/programme-items`, auth: 'bearer' },
    { method: 'POST', path: () => `/api/conferences/${ids.conference}/speakers`, auth: 'bearer' },
    { method: 'POST', path: (s) => `/api/conferences/${ids.conference}/registrations/${s}/check-in`, auth: 'bearer' },
    { method: 'POST', path: () => `/api/conferences/${ids.conference}/workshops`, auth: 'bearer' },
    { method: 'POST', path: () => `/api/conferences/${ids.conference}/tables`, auth: 'bearer' },
    { method: 'POST', path: () => '/admin/conferences', auth: 'cookie', form: true },
    { method: 'POST', path: () => `/admin/conferences/${ids.conference}/edit`, auth: 'cookie', form: true },
    { method: 'GET', path: (s) => `/admin/conferences/${s}`, auth: 'cookie' },
  ];

  it('answers 5,000 random requests to the public and organiser routes without a 5xx', async () => {
    const all = targets();
    const request = fc.record({
      target: fc.integer({ min: 0, max: all.length - 1 }),
      segment,
      query: fc.option(query, { nil: undefined }),
      json: jsonBody,
      form: formBody,
      contentType: fc.constantFrom('application/json', 'application/json', 'text/plain', 'Application/JSON; charset=utf-8'),
    });
    const samples = fc.sample(request, { numRuns: 5000, seed: Number(process.env.FUZZ_SEED ?? 9) });
    const failures: string[] = [];
    const send = async (sample: (typeof samples)[number]) => {
      const target = all[sample.target];
      const url = `${test.url}${target.path(sample.segment)}${sample.query ? `?${sample.query}` : ''}`;
      const headers: Record<string, string> = { 'content-type': target.form ? 'application/x-www-form-urlencoded' : sample.contentType };
      if (target.auth === 'bearer') headers.authorization = `Bearer ${bearer}`;
      if (target.auth === 'cookie') Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrfToken });
      const body = target.method === 'GET' ? undefined : target.form ? sample.form : sample.json;
      let status: number;
      try {
        status = (await fetch(url, { method: target.method, headers, body, redirect: 'manual' })).status;
      } catch (error) {
        // A URL the client itself refuses to send (e.g. an invalid percent sequence in the host part) proves nothing.
        if (error instanceof TypeError && /Invalid URL|invalid/i.test(String(error.message))) return;
        throw error;
      }
      if (status >= 500) failures.push(`${status} ${target.method} ${url} ${JSON.stringify(body)?.slice(0, 300)}`);
    };
    // A few requests at a time: the machine is shared, and this is about answers, not load.
    const queue = [...samples];
    await Promise.all(Array.from({ length: 4 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await send(next);
    }));
    expect(failures.slice(0, 10)).toEqual([]);
  }, 240_000);
});

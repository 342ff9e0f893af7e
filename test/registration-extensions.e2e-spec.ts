import { FieldProblem, Language } from '@dialogdag/shared';
import { ChoiceRound, RegistrationExtensions } from '@dialogdag/registrations';
import { ConferencePageSections } from '@dialogdag/conferences';
import { html } from '@dialogdag/web';
import { publicFormStamp } from './support/pages';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';
import { expectSeatCountersAgree } from './support/seat-counter';

/** Ids a test-only workshops lib offers: two rounds, three and two options. */
const W = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ROUNDS = [
  { key: 'morning', label: { sv: 'Förmiddagens workshop', en: 'Morning workshop' }, ids: [W(1), W(2), W(3)], maxChoices: 3 },
  { key: 'afternoon', label: { sv: 'Eftermiddagens workshop', en: 'Afternoon workshop' }, ids: [W(4), W(5)], maxChoices: 2 },
];

/**
 * The hooks of the libs built on registrations, exercised with a tiny provider, two annotations and a
 * personal section registered the way those libs do at start-up, so no workshops lib is needed.
 */
describe('registration extensions: ranked choices, annotations and personal sections', () => {
  let test: TestApp;
  let api: ApiClient;
  const anonymous = () => new ApiClient(test.url);
  /** Conferences that offer workshops; others get no rounds. */
  const withWorkshops = new Set<string>();
  /** Workshops that still exist; taking one away makes older choices invalid. */
  const existing = new Set(ROUNDS.flatMap((r) => r.ids));
  const workshopOf = new Map<string, string>();
  const tableOf = new Map<string, string>();

  beforeAll(async () => {
    test = await startTestApp();
    api = (await organiserClient(test)).api;
    const extensions = test.app.get(RegistrationExtensions);
    extensions.setPreferenceProvider({
      async rounds(conferenceId: string, lang: Language): Promise<ChoiceRound[]> {
        if (!withWorkshops.has(conferenceId)) return [];
        return ROUNDS.map((r) => ({ key: r.key, label: r.label[lang], maxChoices: r.maxChoices, options: r.ids.map((id, i) => ({ id, label: `${r.label[lang]} ${i + 1}` })) }));
      },
      async validate(conferenceId: string, preferences: string[]): Promise<FieldProblem[]> {
        const problems: FieldProblem[] = [];
        if (!withWorkshops.has(conferenceId) || preferences.some((id) => !existing.has(id)))
          problems.push({ field: 'workshopPreferences', message: 'workshopPreferences: unknown workshop' });
        if (new Set(preferences).size !== preferences.length) problems.push({ field: 'workshopPreferences', message: 'workshopPreferences: a workshop twice' });
        for (const round of ROUNDS)
          if (preferences.filter((id) => round.ids.includes(id)).length > round.maxChoices)
            problems.push({ field: 'workshopPreferences', message: `workshopPreferences: at most ${round.maxChoices} in ${round.key}` });
        return problems;
      },
    });
    extensions.addAnnotation({ key: 'workshop', label: { sv: 'Workshop', en: 'Workshop' }, values: async (_c, ids) => filtered(workshopOf, ids) });
    extensions.addAnnotation({ key: 'table', label: { sv: 'Bord', en: 'Table' }, values: async (_c, ids) => filtered(tableOf, ids) });
    extensions.addPersonalSection({
      key: 'test-section',
      render: async ({ participant: p, lang }) =>
        workshopOf.has(p.id) ? html`<section id="test-section"><h2>${lang === 'sv' ? 'Din workshop' : 'Your workshop'}</h2><p>${workshopOf.get(p.id)}</p></section>` : null,
    });
  });
  afterAll(async () => {
    await test?.close();
  });
  expectSeatCountersAgree(() => test?.databaseUrl);

  const filtered = (values: Map<string, string>, ids?: string[]) => new Map([...values].filter(([id]) => !ids || ids.includes(id)));
  const workshopConference = async (overrides: Record<string, unknown> = {}) => {
    const c = await publishedConference(api, overrides);
    withWorkshops.add(c.id);
    return c;
  };
  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    redirect: 'manual' as const,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const person = (email: string) => ({ name: 'Karin Lind', email, organisation: 'Uppsala kommun', sector: 'municipality' });
  const tokenOf = (location: string | null) => /\/r\/([A-Za-z0-9_-]+)/.exec(location ?? '')![1];

  it('offers each round as ranked selects on the public form and stores the ordered list', async () => {
    const c = await workshopConference();
    const page = await (await fetch(`${test.url}/c/${c.slug}?lang=en`)).text();
    expect(page).toContain('<legend>Morning workshop</legend>');
    expect(page).toContain('<legend>Afternoon workshop</legend>');
    for (const id of ['choice-0-1', 'choice-0-2', 'choice-0-3', 'choice-1-1', 'choice-1-2']) expect(page).toContain(`<select id="${id}" name="${id}"`);
    expect(page).not.toContain('choice-1-3');
    expect(page).toContain('<label for="choice-0-2">2nd choice</label>');

    const posted = await fetch(`${test.url}/c/${c.slug}?lang=sv`, form({ ...(await publicFormStamp(test)), ...person('karin@example.org'), 'choice-0-1': W(2), 'choice-0-2': W(1), 'choice-1-1': W(5) }));
    expect(posted.status).toBe(303);
    const mine = await anonymous().get(`/api/public/registrations/${tokenOf(posted.headers.get('location'))}`);
    expect(mine.body.workshopPreferences).toEqual([W(2), W(1), W(5)]);

    // The same workshop twice in a round is refused at that round, the other answers kept.
    const twice = await fetch(`${test.url}/c/${c.slug}?lang=sv`, form({ ...(await publicFormStamp(test)), ...person('per@example.org'), 'choice-0-1': W(1), 'choice-0-2': W(1) }));
    expect(twice.status).toBe(400);
    const text = await twice.text();
    expect(text).toContain('<p class="field-error" id="choice-0-1-error">Du har valt samma alternativ mer än en gång.</p>');
    expect(text).toContain('<a href="#choice-0-1">');
    expect(text).toMatch(/<option value="00000000-0000-4000-8000-000000000001" selected>/);
    expect(text).toContain('value="per@example.org"');
    // Something that is not an option (a stale or crafted form) is refused at its round too.
    const stale = await fetch(`${test.url}/c/${c.slug}?lang=en`, form({ ...(await publicFormStamp(test)), ...person('eva@example.org'), 'choice-1-1': W(9) }));
    expect(stale.status).toBe(400);
    expect(await stale.text()).toContain('<p class="field-error" id="choice-1-1-error">Choose from the options in the list.</p>');

    const none = await publishedConference(api);
    const plain = await (await fetch(`${test.url}/c/${none.slug}`)).text();
    expect(plain).not.toContain('choice-0-1');
    expect((await fetch(`${test.url}/c/${none.slug}`, form({ ...(await publicFormStamp(test)), ...person('utan@example.org') }))).status).toBe(303);
  });

  it('checks choices through the provider on every way in: the API, organisers, walk-ins and changes', async () => {
    const c = await workshopConference();
    const bad = { workshopPreferences: [W(1), W(9)] };
    const tooMany = { workshopPreferences: [W(4), W(5), W(1), W(2), W(3), W(6)] };
    for (const body of [bad, tooMany]) {
      const res = await anonymous().post(`/api/public/conferences/${c.slug}/registrations`, participant(body));
      expect([res.status, res.body.field]).toEqual([400, 'workshopPreferences']);
      expect((await api.post(`/api/conferences/${c.id}/registrations`, participant(body))).status).toBe(400);
      expect((await api.post(`/api/conferences/${c.id}/walk-ins`, participant(body))).status).toBe(400);
    }
    const ok = await anonymous().post(`/api/public/conferences/${c.slug}/registrations`, participant({ workshopPreferences: [W(3), W(4)] }));
    expect(ok.status).toBe(201);
    expect((await anonymous().patch(`/api/public/registrations/${ok.body.manageToken}`, bad)).status).toBe(400);
    const changed = await anonymous().patch(`/api/public/registrations/${ok.body.manageToken}`, { workshopPreferences: [W(1)] });
    expect(changed.body.workshopPreferences).toEqual([W(1)]);
    const byHand = await api.post(`/api/conferences/${c.id}/registrations`, participant({ workshopPreferences: [W(2)] }));
    expect(byHand.status).toBe(201);
  });

  it('shows annotations and personal sections on the personal page, and changes choices there', async () => {
    const c = await workshopConference();
    const r = await anonymous().post(`/api/public/conferences/${c.slug}/registrations`, participant({ workshopPreferences: [W(2), W(4)] }));
    workshopOf.set(r.body.id, 'Hälsa');
    tableOf.set(r.body.id, 'Bord 3');
    const page = await (await fetch(`${test.url}/r/${r.body.manageToken}?lang=sv`)).text();
    expect(page).toContain('<dt>Workshop</dt><dd>Hälsa</dd>');
    expect(page).toContain('<dt>Bord</dt><dd>Bord 3</dd>');
    const [facts, section, programme] = ['id="registration-facts"', 'id="test-section"', 'id="programme-heading"'].map((s) => page.indexOf(s));
    expect(facts).toBeGreaterThan(-1);
    expect(section).toBeGreaterThan(facts);
    expect(programme).toBeGreaterThan(section);
    expect(page).toMatch(/<select id="choice-0-1" name="choice-0-1"[^>]*>[\s\S]*?<option value="00000000-0000-4000-8000-000000000002" selected>/);
    expect(page).toMatch(/<select id="choice-1-1" name="choice-1-1"[^>]*>[\s\S]*?<option value="00000000-0000-4000-8000-000000000004" selected>/);

    const saved = await fetch(
      `${test.url}/r/${r.body.manageToken}/details?lang=sv`,
      form({ organisation: 'Region Uppsala', sector: 'region', 'choice-0-1': W(3), 'choice-0-2': W(2), 'choice-1-1': W(5), 'choice-1-2': W(4) }),
    );
    expect(saved.status).toBe(303);
    expect((await anonymous().get(`/api/public/registrations/${r.body.manageToken}`)).body.workshopPreferences).toEqual([W(3), W(2), W(5), W(4)]);
    const repeated = await fetch(`${test.url}/r/${r.body.manageToken}/details?lang=en`, form({ organisation: 'X', sector: 'region', 'choice-1-1': W(5), 'choice-1-2': W(5) }));
    expect(repeated.status).toBe(400);
    expect(await repeated.text()).toContain('id="choice-1-1-error">You have chosen the same option more than once.');

    // Someone without a workshop gets no section; the page still works.
    const other = await anonymous().post(`/api/public/conferences/${c.slug}/registrations`, participant());
    const plain = await (await fetch(`${test.url}/r/${other.body.manageToken}`)).text();
    expect(plain).not.toContain('test-section');
    expect(plain).not.toContain('<dt>Workshop</dt>');
  });

  it('puts every annotation in the participant list page, its CSV and the JSON list', async () => {
    const c = await workshopConference();
    const a = await anonymous().post(`/api/public/conferences/${c.slug}/registrations`, participant({ name: 'Anna Annoterad' }));
    const b = await anonymous().post(`/api/public/conferences/${c.slug}/registrations`, participant({ name: 'Bo Utan' }));
    workshopOf.set(a.body.id, 'Språk');
    tableOf.set(a.body.id, 'Bord 7');
    tableOf.set(b.body.id, 'Bord 2');

    const list = await api.get(`/api/conferences/${c.id}/registrations`);
    const byId = Object.fromEntries(list.body.items.map((i: { id: string; annotations: unknown }) => [i.id, i.annotations]));
    expect(byId[a.body.id]).toEqual({ workshop: 'Språk', table: 'Bord 7' });
    expect(byId[b.body.id]).toEqual({ workshop: null, table: 'Bord 2' });

    const page = String((await api.request('GET', `/admin/conferences/${c.id}/registrations?lang=en`, undefined, { accept: 'text/html' })).body);
    // After any annotation a real lib registered at start-up (the seating lib's own "Table").
    expect(page).toContain('<th scope="col">Workshop</th><th scope="col">Table</th>');
    expect(page).toMatch(/Anna Annoterad<\/a><\/td>.*<td>Språk<\/td><td>Bord 7<\/td><\/tr>/);
    expect(page).toMatch(/Bo Utan<\/a><\/td>.*<td><\/td><td>Bord 2<\/td><\/tr>/);

    const csv = String((await api.get(`/api/conferences/${c.id}/registrations.csv?lang=sv`)).body);
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header.endsWith(';Workshop;Bord')).toBe(true);
    expect(rows.find((row) => row.startsWith('Anna Annoterad'))!.endsWith(';Språk;Bord 7')).toBe(true);
    expect(rows.find((row) => row.startsWith('Bo Utan'))!.endsWith(';;Bord 2')).toBe(true);

    const badges = await fetch(`${test.url}/api/conferences/${c.id}/badges.pdf`, { headers: { authorization: `Bearer ${(api as unknown as { token: string }).token}` } });
    expect(badges.status).toBe(200);
  });

  it('carries valid choices over to a colleague on a transfer, and drops choices that are no longer valid', async () => {
    const c = await workshopConference();
    const keep = await anonymous().post(`/api/public/conferences/${c.slug}/registrations`, participant({ workshopPreferences: [W(3), W(5)] }));
    const moved = await anonymous().post(`/api/public/registrations/${keep.body.manageToken}/transfer`, { name: 'Kollega Ett', email: 'kollega1@example.org' });
    expect(moved.status).toBe(201);
    expect((await anonymous().get(`/api/public/registrations/${moved.body.manageToken}`)).body.workshopPreferences).toEqual([W(3), W(5)]);

    const stale = await anonymous().post(`/api/public/conferences/${c.slug}/registrations`, participant({ workshopPreferences: [W(2), W(4)] }));
    existing.delete(W(2)); // the workshop was removed after the choice was made
    try {
      const byOrganiser = await api.post(`/api/conferences/${c.id}/registrations/${stale.body.id}/transfer`, { name: 'Kollega Två', email: 'kollega2@example.org' });
      expect(byOrganiser.status).toBe(201);
      expect((await anonymous().get(`/api/public/registrations/${byOrganiser.body.manageToken}`)).body.workshopPreferences).toEqual([]);
    } finally {
      existing.add(W(2));
    }
  });

  it('puts the registration form on the conference page through the conferences lib’s section hook, in order with the others', async () => {
    test.app.get(ConferencePageSections).add({ key: 'test-between', order: 25, render: async (c) => html`<section id="test-between">${c.title}</section>` });
    const c = await publishedConference(api, { title: 'Sektionskonferensen' });
    const page = await (await fetch(`${test.url}/c/${c.slug}?lang=sv`)).text();
    const at = (marker: string) => page.indexOf(marker);
    const order = ['class="facts"', 'href="#register"', 'aria-labelledby="programme-heading"', 'id="test-between"', '<h2 id="register">', `action="/c/${c.slug}?lang=sv"`].map(at);
    expect(order.every((position) => position > -1)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Sent back with errors, the form keeps its place and what was typed.
    const again = await (await fetch(`${test.url}/c/${c.slug}?lang=sv`, form({ ...(await publicFormStamp(test)), name: 'Ulla', email: 'nope' }))).text();
    expect(again.indexOf('id="test-between"')).toBeLessThan(again.indexOf('id="error-summary"'));
    expect(again).toContain('value="Ulla"');
  });
});

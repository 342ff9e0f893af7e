import { RegistrationExtensions } from '@dialogdag/registrations';
import { workshopSteps } from '../libs/workshops/test/e2e';
import { referenceObjective } from '../libs/workshops/test/highs-reference';
import { seededRandom } from '../libs/workshops/test/random';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

const THEMES = ['Hälsa', 'Språk', 'Boende', 'Arbete', 'Utbildning', 'Mötesplatser', 'Antidiskriminering'];
const SECTORS = ['civil_society', 'civil_society', 'municipality', 'region', 'state_agency', 'county_board', 'business'];
const PARTY: Record<string, string> = {
  civil_society: 'civil_society', municipality: 'local_regional', region: 'local_regional', state_agency: 'state', county_board: 'state', business: 'other',
};

describe('workshops', () => {
  let test: TestApp;
  let api: ApiClient;
  let other: ApiClient;
  let anonymous: ApiClient;

  beforeAll(async () => {
    test = await startTestApp();
    api = (await organiserClient(test)).api;
    other = (await organiserClient(test)).api;
    anonymous = new ApiClient(test.url);
  });

  afterAll(async () => {
    await test?.close();
  });

  const addWorkshop = (conferenceId: string, body: Record<string, unknown>) => workshopSteps(api, anonymous).addWorkshop(conferenceId, body);
  const register = (slug: string, body: Record<string, unknown>) => workshopSteps(api, anonymous).register(slug, body);

  it('manages workshops: rounds (a number, a programme block, none), inspirers, validation, tenant isolation', async () => {
    const c = await publishedConference(api);
    const base = `/api/conferences/${c.id}/workshops`;
    const speaker = (await api.post(`/api/conferences/${c.id}/speakers`, { name: 'Sara Nilsson', title: 'Utvecklare', organisation: 'Länsstyrelsen', sector: 'county_board' })).body;
    const block = (await api.post(`/api/conferences/${c.id}/programme-items`, { startsAt: '2030-10-20T13:00:00+02:00', endsAt: '2030-10-20T14:30:00+02:00', kind: 'workshop', title: 'Dialogworkshoppar', room: 'Sal A' })).body;
    const talk = (await api.post(`/api/conferences/${c.id}/programme-items`, { startsAt: '2030-10-20T09:00:00+02:00', endsAt: '2030-10-20T09:30:00+02:00', kind: 'talk', title: 'Välkommen' })).body;

    const health = await api.post(base, { title: 'Hälsa', theme: 'Jämlik hälsa', room: 'Sal B', capacity: 20, inspirerIds: [speaker.id], description: 'Hur når vården alla?' });
    expect(health.status).toBe(201);
    expect(health.body).toMatchObject({ title: 'Hälsa', round: 1, rounds: [1], capacity: 20, groupSize: { min: 6, max: 10 }, inspirers: [{ speakerId: speaker.id, name: 'Sara Nilsson' }], chosenBy: 0, assigned: 0 });
    const inBlock = await api.post(base, { title: 'Språk', theme: '', capacity: 15, round: block.id });
    expect(inBlock.body.round).toBe(block.id);
    const repeated = await api.post(base, { title: 'Arbete', theme: '', capacity: 12, rounds: [1, 2], groupSize: { min: 4, max: 8 } });
    expect(repeated.body).toMatchObject({ rounds: [1, 2], groupSize: { min: 4, max: 8 } });

    const bad = [
      [{ title: 'X', theme: '', capacity: 0 }, /capacity must be at least 1/],
      [{ title: 'X', theme: '', capacity: -3 }, /capacity/],
      [{ title: 'X', theme: '', capacity: 'many' }, /capacity must be a whole number/],
      [{ title: '', theme: '', capacity: 5 }, /title must not be empty/],
      [{ title: 'X', theme: '', capacity: 5, round: 99 }, /round must be/],
      [{ title: 'X', theme: '', capacity: 5, round: talk.id }, /round: .* neither a round number/],
      [{ title: 'X', theme: '', capacity: 5, round: '00000000-0000-4000-8000-000000000000' }, /round/],
      [{ title: 'X', theme: '', capacity: 5, rounds: [1, 1] }, /twice/],
      [{ title: 'X', theme: '', capacity: 5, round: 1, rounds: [2] }, /not both/],
      [{ title: 'X', theme: '', capacity: 5, inspirerIds: ['00000000-0000-4000-8000-000000000000'] }, /inspirerIds/],
      [{ title: 'X', theme: '', capacity: 5, groupSize: { min: 9, max: 4 } }, /groupSize/],
    ] as const;
    for (const [body, message] of bad) {
      const res = await api.post(base, body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toMatch(message);
    }

    const list = await api.get(base);
    expect(list.body.total).toBe(3);
    const rounds = await api.get(`/api/conferences/${c.id}/workshop-rounds?lang=en`);
    expect(rounds.body.items.map((r: any) => r.round)).toEqual([1, 2, block.id]);
    expect(rounds.body.items[2]).toMatchObject({ label: 'Dialogworkshoppar 13:00–14:30', programmeItemId: block.id });

    const patched = await api.patch(`${base}/${health.body.id}`, { capacity: 25, room: null, inspirerIds: [] });
    expect(patched.body).toMatchObject({ capacity: 25, room: null, inspirers: [] });
    expect((await api.patch(`${base}/${health.body.id}`, { capacity: 0 })).status).toBe(400);
    expect((await api.get(`${base}/not-a-uuid`)).status).toBe(404);
    expect((await other.get(base)).status).toBe(404);
    expect((await other.post(base, { title: 'X', theme: '', capacity: 5 })).status).toBe(404);
    expect((await other.post(`/api/conferences/${c.id}/workshop-assignment`)).status).toBe(404);
    expect((await anonymous.get(base)).status).toBe(401);
    expect((await api.delete(`${base}/${inBlock.body.id}`)).body).toEqual({ deleted: true, clearedPreferences: 0, removedAssignments: 0 });

    const docs = (await anonymous.get('/api/docs-json')).body;
    for (const path of ['/api/conferences/{id}/workshops', '/api/conferences/{id}/workshop-assignment', '/api/conferences/{id}/workshop-assignment/{registrationId}']) {
      expect(Object.keys(docs.paths)).toContain(path);
    }
  });

  it('refuses an assignment run without workshops (409), never a 500', async () => {
    const c = await publishedConference(api);
    const res = await api.post(`/api/conferences/${c.id}/workshop-assignment`);
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/no workshops/);
    expect((await api.get(`/api/conferences/${c.id}/workshop-assignment`)).body).toEqual({ assignments: [], metrics: null, ranAt: null, changes: null });
  });

  it('checks ranked choices at registration through the provider: unknown ids, repeats, more than three per round', async () => {
    const c = await publishedConference(api);
    const ws = [];
    for (const title of ['A', 'B', 'C', 'D']) ws.push(await addWorkshop(c.id, { title }));
    const url = `/api/public/conferences/${c.slug}/registrations`;
    const unknown = await anonymous.post(url, participant({ workshopPreferences: [ws[0].id, '00000000-0000-4000-8000-000000000000'] }));
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.message)).toMatch(/workshopPreferences: 00000000-0000-4000-8000-000000000000 is not a workshop of this conference/);
    const four = await anonymous.post(url, participant({ workshopPreferences: ws.map((w) => w.id) }));
    expect(four.status).toBe(400);
    expect(JSON.stringify(four.body.message)).toMatch(/workshopPreferences may rank at most 3/);
    const twice = await anonymous.post(url, participant({ workshopPreferences: [ws[0].id, ws[0].id] }));
    expect(twice.status).toBe(400);
    const ok = await register(c.slug, { workshopPreferences: [ws[2].id, ws[0].id] });
    const mine = await anonymous.get(`/api/public/registrations/${ok.manageToken}`);
    expect(JSON.stringify(mine.body)).toContain(ws[2].id);
    const change = await anonymous.patch(`/api/public/registrations/${ok.manageToken}`, { workshopPreferences: ['00000000-0000-4000-8000-000000000000'] });
    expect(change.status).toBe(400);
    expect(JSON.stringify(change.body.message)).toMatch(/workshopPreferences/);
    // Another conference's workshop is not this conference's.
    const elsewhere = await publishedConference(api);
    const foreign = await addWorkshop(elsewhere.id, { title: 'Elsewhere' });
    expect((await anonymous.post(url, participant({ workshopPreferences: [foreign.id] }))).status).toBe(400);

    const provider = test.app.get(RegistrationExtensions).preferences!;
    const rounds = await provider.rounds(c.id, 'sv');
    expect(rounds).toEqual([{ key: '1', label: 'Workshoppar', maxChoices: 3, options: ws.map((w) => ({ id: w.id, label: w.title })) }]);
  });

  it('assigns 120 participants over seven workshops optimally (the HiGHS optimum), in groups that mix the parties', async () => {
    const c = await publishedConference(api, { capacity: 200 });
    const next = seededRandom(11);
    const ws: Array<{ id: string; title: string }> = [];
    for (const title of THEMES) ws.push(await addWorkshop(c.id, { title, theme: `Dialog om ${title.toLowerCase()}`, capacity: 18, room: `Sal ${title[0]}` }));
    // Skewed popularity: health and work are everyone's favourites.
    const weight = [6, 2, 3, 5, 2, 1, 1];
    const pick = (taken: string[]) => {
      const open = ws.filter((w) => !taken.includes(w.id));
      let x = next() * open.reduce((s, w) => s + weight[ws.indexOf(w)], 0);
      for (const w of open) if ((x -= weight[ws.indexOf(w)]) <= 0) return w.id;
      return open[open.length - 1].id;
    };
    const tokens = new Map<string, string>();
    for (let i = 0; i < 120; i++) {
      const prefs: string[] = [];
      const count = i % 15 === 0 ? 0 : i % 7 === 0 ? 1 : 3;
      for (let k = 0; k < count; k++) prefs.push(pick(prefs));
      const r = await register(c.slug, { name: `Deltagare ${i}`, organisation: `Organisation ${i % 40}`, sector: SECTORS[i % SECTORS.length], workshopPreferences: prefs });
      tokens.set(r.id, r.manageToken);
    }
    // The public form offers the seven as one ranked choice.
    const form = await (await fetch(`${test.url}/c/${c.slug}?lang=sv`)).text();
    expect(form).toContain('<legend>Workshoppar</legend>');
    expect(form).toContain('Hälsa – Dialog om hälsa');
    const run = await api.post(`/api/conferences/${c.id}/workshop-assignment`);
    expect(run.status).toBe(200);
    const { assignments, metrics } = run.body;
    expect(assignments).toHaveLength(120);
    for (const w of ws) expect(assignments.filter((a: any) => a.workshopId === w.id).length).toBeLessThanOrEqual(18);
    expect(metrics).toMatchObject({ participants: 120, unassigned: 0, withoutPreferencesUnassigned: 0, optimal: true });
    expect(metrics.durationMs).toBeGreaterThan(0);

    const people = (await api.get(`/api/conferences/${c.id}/registrations`)).body.items;
    const optimum = await referenceObjective(
      {
        rounds: ['1'],
        workshops: ws.map((w) => ({ id: w.id, rounds: ['1'], capacity: 18 })),
        participants: people.map((p: any, i: number) => ({ id: p.id, order: i, party: PARTY[p.sector], preferences: p.workshopPreferences })),
        locked: [],
      },
      { aggregate: false },
    );
    expect({ noneOfTheirChoices: metrics.noChoice + metrics.unassigned, firstChoice: metrics.firstChoice, secondChoice: metrics.secondChoice, thirdChoice: metrics.thirdChoice }).toEqual(optimum);
    expect(optimum.firstChoice).toBeLessThan(112); // the instance is contested: not everyone can have their first choice

    const sectorOf = new Map(people.map((p: any) => [p.id, p.sector]));
    for (const w of ws) {
      const inW = assignments.filter((a: any) => a.workshopId === w.id);
      const groups = [...new Set(inW.map((a: any) => a.group))];
      for (const g of groups) {
        const members = inW.filter((a: any) => a.group === g);
        expect(members.length).toBeGreaterThanOrEqual(6);
        expect(members.length).toBeLessThanOrEqual(10);
      }
      for (const party of ['civil_society', 'local_regional', 'state']) {
        const counts = groups.map((g) => inW.filter((a: any) => a.group === g && PARTY[sectorOf.get(a.registrationId) as string] === party).length);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }
    }
    // The same input gives the same result.
    const again = await api.post(`/api/conferences/${c.id}/workshop-assignment`);
    expect(again.body.assignments).toEqual(assignments);
    // "Find your workshop in the participant list": the list, its CSV and the personal page show workshop, room and group.
    const first = assignments[0];
    const w0 = ws.find((w) => w.id === first.workshopId)!;
    const expected = `${w0.title}, Sal ${w0.title[0]} (${first.group})`;
    const listed = (await api.get(`/api/conferences/${c.id}/registrations`)).body.items.find((p: any) => p.id === first.registrationId);
    expect(listed.annotations.workshop).toBe(expected);
    expect(String((await api.get(`/api/conferences/${c.id}/registrations.csv`)).body)).toContain(expected);
    const personal = await (await fetch(`${test.url}/r/${tokens.get(first.registrationId)}?lang=sv`)).text();
    expect(personal).toContain(`<dt>Workshop, rum (grupp)</dt><dd>${expected}</dd>`);
  });
});

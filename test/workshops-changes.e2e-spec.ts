import { workshopSteps } from '../libs/workshops/test/e2e';
import { ApiClient, organiserClient, publishedConference, startTestApp, TestApp } from './support/test-app';

describe('workshop places over time: by hand, locks, transfers, cancellations, deletion, e-mail, several rounds', () => {
  let test: TestApp;
  let api: ApiClient;
  let anonymous: ApiClient;

  beforeAll(async () => {
    test = await startTestApp();
    api = (await organiserClient(test)).api;
    anonymous = new ApiClient(test.url);
  });

  afterAll(async () => {
    await test?.close();
  });

  const addWorkshop = (conferenceId: string, body: Record<string, unknown>) => workshopSteps(api, anonymous).addWorkshop(conferenceId, body);
  const register = (slug: string, body: Record<string, unknown>) => workshopSteps(api, anonymous).register(slug, body);
  const placeOf = (view: any, registrationId: string) => view.assignments.filter((a: any) => a.registrationId === registrationId);

  it('places by hand within the rules, keeps locks on a re-run, moves places with a transfer, frees them on cancellation, and lists the changes', async () => {
    const c = await publishedConference(api);
    const a = await addWorkshop(c.id, { title: 'Hälsa', capacity: 2 });
    const b = await addWorkshop(c.id, { title: 'Boende', capacity: 2 });
    const anna = await register(c.slug, { name: 'Anna', workshopPreferences: [a.id] });
    const bo = await register(c.slug, { name: 'Bo', workshopPreferences: [a.id] });
    const cilla = await register(c.slug, { name: 'Cilla', workshopPreferences: [a.id, b.id] });
    const base = `/api/conferences/${c.id}/workshop-assignment`;
    const first = (await api.post(base)).body;
    // Two places in Hälsa for three who want it: Cilla, who also named Boende, gets her second choice.
    expect(placeOf(first, cilla.id)).toEqual([expect.objectContaining({ workshopId: b.id, rank: 2, round: 1, locked: false })]);
    expect(first.metrics).toMatchObject({ firstChoice: 2, secondChoice: 1, optimal: true });

    // Hälsa is full: moving Cilla there is refused; Boende has room for Bo, locked.
    const full = await api.request('PUT', `${base}/${cilla.id}`, { workshopId: a.id });
    expect(full.status).toBe(409);
    expect(full.body.message).toMatch(/Hälsa is full/);
    const moved = await api.request('PUT', `${base}/${bo.id}`, { workshopId: b.id });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ registrationId: bo.id, workshopId: b.id, round: 1, rank: null, locked: true });
    const bad = [
      [{ workshopId: 'nope' }, 400],
      [{ workshopId: a.id, round: 2 }, 400],
      [{ workshopId: a.id, locked: 'yes' }, 400],
      [{ workshopId: '00000000-0000-4000-8000-000000000000' }, 404],
    ] as const;
    for (const [body, status] of bad) expect((await api.request('PUT', `${base}/${anna.id}`, body)).status).toBe(status);
    expect((await api.request('PUT', `${base}/00000000-0000-4000-8000-000000000000`, { workshopId: a.id })).status).toBe(404);

    // The lock holds on a re-run, and the re-run gives Hälsa's freed place to Cilla.
    const second = (await api.post(base)).body;
    expect(placeOf(second, bo.id)).toEqual([expect.objectContaining({ workshopId: b.id, locked: true })]);
    expect(placeOf(second, cilla.id)).toEqual([expect.objectContaining({ workshopId: a.id, rank: 1 })]);
    // A capacity below the places locked in a round is refused.
    expect((await api.request('PUT', `${base}/${cilla.id}`, { workshopId: b.id })).status).toBe(200);
    const below = await api.patch(`/api/conferences/${c.id}/workshops/${b.id}`, { capacity: 1 });
    expect(below.status).toBe(409);
    expect(below.body.message).toMatch(/capacity cannot be lower than the 2 places/);
    expect((await api.request('PUT', `${base}/${cilla.id}`, { workshopId: a.id, locked: false })).status).toBe(200);

    // Anna hands her seat to a colleague, who keeps the workshop; Bo cancels and frees his place; Dan registers.
    const colleague = (await anonymous.post(`/api/public/registrations/${anna.manageToken}/transfer`, { name: 'Agnes', email: 'agnes@example.org' })).body;
    expect(colleague.id).toBeDefined();
    expect((await anonymous.post(`/api/public/registrations/${bo.manageToken}/cancel`, {})).status).toBe(200);
    const dan = await register(c.slug, { name: 'Dan', workshopPreferences: [b.id] });
    const now = (await api.get(base)).body;
    expect(placeOf(now, colleague.id)).toEqual([expect.objectContaining({ workshopId: a.id })]);
    expect(placeOf(now, anna.id)).toEqual([]);
    expect(placeOf(now, bo.id)).toEqual([]);
    expect(now.changes).toMatchObject({ added: [dan.id], left: [bo.id], transferred: [{ from: anna.id, to: colleague.id }], preferencesChanged: [] });
    expect(now.changes.movedByHand).toBe(1);

    // Taking someone out of a round by hand.
    expect((await api.delete(`${base}/${dan.id}`)).status).toBe(204);
    expect((await api.delete(`${base}/${colleague.id}?round=1`)).status).toBe(204);
    expect(placeOf((await api.get(base)).body, colleague.id)).toEqual([]);
  });

  it('refuses to delete a workshop people chose unless forced, then clears their choices and says how many', async () => {
    const c = await publishedConference(api);
    const a = await addWorkshop(c.id, { title: 'Språk' });
    const b = await addWorkshop(c.id, { title: 'Arbete' });
    const p1 = await register(c.slug, { workshopPreferences: [a.id, b.id] });
    await register(c.slug, { workshopPreferences: [a.id] });
    await api.post(`/api/conferences/${c.id}/workshop-assignment`);
    const refused = await api.delete(`/api/conferences/${c.id}/workshops/${a.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/2 people have chosen this workshop and 2 are assigned to it/);
    const forced = await api.delete(`/api/conferences/${c.id}/workshops/${a.id}?force=true`);
    expect(forced.body).toEqual({ deleted: true, clearedPreferences: 2, removedAssignments: 2 });
    expect((await anonymous.get(`/api/public/registrations/${p1.manageToken}`)).body.workshopPreferences).toEqual([b.id]);
    expect((await api.get(`/api/conferences/${c.id}/workshops/${a.id}`)).status).toBe(404);
  });

  it('e-mails each placed participant their workshop, room and group, in their language', async () => {
    const c = await publishedConference(api, { title: 'Dialogkonferens Gävleborg' });
    const a = await addWorkshop(c.id, { title: 'Mötesplatser', room: 'Sal C' });
    await register(c.slug, { workshopPreferences: [a.id], email: 'svensk@example.org' });
    await register(c.slug, { workshopPreferences: [a.id], language: 'en', email: 'eng@example.org' });
    await api.post(`/api/conferences/${c.id}/workshop-assignment`);
    const res = await api.post(`/api/conferences/${c.id}/workshop-assignment/notify`);
    expect(res.body).toEqual({ queued: 2 });
    const outbox = (await api.get(`/api/conferences/${c.id}/outbox`)).body.items.filter((m: any) => m.kind === 'workshop_assignment');
    expect(outbox).toHaveLength(2);
    const swedish = outbox.find((m: any) => m.to === 'svensk@example.org');
    expect(swedish.subject).toBe('Din workshop: Dialogkonferens Gävleborg');
    expect(swedish.text).toContain('Mötesplatser, Sal C, dialoggrupp 1');
    const english = outbox.find((m: any) => m.to === 'eng@example.org');
    expect(english.subject).toBe('Your workshop: Dialogkonferens Gävleborg');
    expect(english.text).toContain('Mötesplatser, Sal C, dialogue group 1');
  });

  it('runs a workshop repeated in three rounds: one workshop per round, never the same twice, optimal', async () => {
    const c = await publishedConference(api);
    const ws: Array<{ id: string; title: string }> = [];
    for (const title of ['Hälsa', 'Språk', 'Boende', 'Arbete']) ws.push(await addWorkshop(c.id, { title, capacity: 3, rounds: [1, 2, 3] }));
    const people: Array<{ id: string }> = [];
    for (let i = 0; i < 12; i++) people.push(await register(c.slug, { sector: i % 2 ? 'municipality' : 'civil_society', workshopPreferences: [ws[0].id, ws[i % 3 + 1].id, ws[(i + 1) % 3 + 1].id] }));
    const run = (await api.post(`/api/conferences/${c.id}/workshop-assignment`)).body;
    expect(run.assignments).toHaveLength(36);
    for (const p of people) {
      const mine = placeOf(run, p.id);
      expect(mine.map((a: any) => a.round).sort()).toEqual([1, 2, 3]);
      expect(new Set(mine.map((a: any) => a.workshopId)).size).toBe(3);
    }
    for (const w of ws) for (const round of [1, 2, 3]) expect(run.assignments.filter((a: any) => a.workshopId === w.id && a.round === round).length).toBeLessThanOrEqual(3);
    // Hälsa has 9 places over the three rounds for 12 who ranked it first.
    expect(run.metrics).toMatchObject({ firstChoice: 9, optimal: true, rounds: [{ round: 1 }, { round: 2 }, { round: 3 }] });
    const rounds = (await api.get(`/api/conferences/${c.id}/workshop-rounds`)).body.items;
    expect(rounds.map((r: any) => r.label)).toEqual(['Omgång 1', 'Omgång 2', 'Omgång 3']);
  });
});

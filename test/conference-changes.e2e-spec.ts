import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

describe('changing a conference', () => {
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

  it('still works on the conference day, after a walk-in took a seat beyond capacity; only lowering the capacity below the seats held is refused', async () => {
    const c = await publishedConference(api, { capacity: 2 });
    for (let i = 0; i < 2; i++) expect((await anonymous.post(`/api/public/conferences/${c.slug}/registrations`, participant())).status).toBe(201);
    const walkIn = await api.post(`/api/conferences/${c.id}/walk-ins`, participant({ name: 'Dörr Gäst' }));
    expect(walkIn.status).toBe(201);
    expect((await api.get(`/api/conferences/${c.id}`)).body).toMatchObject({ capacity: 2, seatsTaken: 3 });

    const retitled = await api.patch(`/api/conferences/${c.id}`, { title: 'Dialogkonferens Skåne – dagen' });
    expect(retitled.status).toBe(200);
    expect(retitled.body).toMatchObject({ title: 'Dialogkonferens Skåne – dagen', capacity: 2, seatsTaken: 3 });
    expect((await api.patch(`/api/conferences/${c.id}`, { capacity: 2, venue: { name: 'Stadshuset' } })).status).toBe(200);

    const lowered = await api.patch(`/api/conferences/${c.id}`, { capacity: 1 });
    expect(lowered.status).toBe(409);
    expect(lowered.body.message).toMatch(/capacity.*3 seats/);
    expect((await api.patch(`/api/conferences/${c.id}`, { capacity: 3 })).status).toBe(200);
  });

  it('refuses null for a field a conference cannot be without (400 naming it, nothing changed), never 500', async () => {
    const c = await publishedConference(api);
    for (const field of ['venue', 'title', 'startsAt', 'capacity', 'cancellationFee']) {
      const res = await api.patch(`/api/conferences/${c.id}`, { [field]: null });
      expect(res.status).toBe(400);
      expect(res.body.field).toBe(field);
    }
    expect((await api.get(`/api/conferences/${c.id}`)).body).toMatchObject({ title: c.title, capacity: c.capacity, venue: c.venue });
  });
});

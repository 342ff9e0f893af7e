import { RegistrationExtensions } from '@dialogdag/registrations';
import { realisticPeople } from '../libs/seating/testing/rooms';
import { pdfText } from '../libs/seating/testing/pdf-text';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

const SECTOR_OF = { civil_society: 'civil_society', local_regional: 'municipality', state: 'state_agency', other: 'business' } as const;

describe('table placement through the API', () => {
  let test: TestApp;
  let api: ApiClient;
  let anonymous: ApiClient;
  let conference: { id: string; slug: string };
  const registrations: Array<{ id: string; manageToken: string; name: string; organisation: string; sector: string }> = [];

  const register = async (body: Record<string, unknown>) => {
    const response = await anonymous.post(`/api/public/conferences/${conference.slug}/registrations`, participant(body));
    expect(response.status).toBe(201);
    return response.body as { id: string; manageToken: string };
  };
  const tablesOf = (view: any) => new Map<string, string>(view.tables.flatMap((t: any) => t.registrationIds.map((id: string) => [id, t.id])));

  beforeAll(async () => {
    test = await startTestApp();
    api = (await organiserClient(test)).api;
    anonymous = new ApiClient(test.url);
    conference = await publishedConference(api, { capacity: 200 });
    // The room: 120 people of realistic organisations (many associations of one, a few large municipalities and agencies).
    for (const [i, p] of realisticPeople(120, 7).entries()) {
      const body = { name: `Deltagare ${String(i + 1).padStart(3, '0')} Åström`, organisation: p.organisation, sector: SECTOR_OF[p.group], isPolitician: i % 17 === 0 };
      registrations.push({ ...(await register(body)), ...body });
    }
  }, 120_000);
  afterAll(async () => {
    await test?.close();
  });

  it('refuses bad tables with 400 and a placement without enough seats with 409, losing nothing', async () => {
    const base = `/api/conferences/${conference.id}`;
    expect((await api.post(`${base}/seating`)).status).toBe(409);
    const zero = await api.post(`${base}/tables`, { tables: [{ name: 'Bord 1', seats: 0 }] });
    expect(zero.status).toBe(400);
    expect(JSON.stringify(zero.body.message)).toContain('seats must be at least 1');
    const twice = await api.post(`${base}/tables`, { tables: [{ name: 'Bord 1', seats: 8 }, { name: ' bord 1 ', seats: 6 }] });
    expect(twice.status).toBe(400);
    expect(twice.body.message).toContain('given twice');
    expect((await api.post(`${base}/tables`, { tables: 'many' })).status).toBe(400);
    expect((await api.get(`${base}/tables`)).body.total).toBe(0);

    expect((await api.post(`${base}/tables`, { tables: [{ name: 'Bord 1', seats: 100 }] })).status).toBe(200);
    const tooFew = await api.post(`${base}/seating`);
    expect(tooFew.status).toBe(409);
    expect(tooFew.body.message).toContain('20 seats are missing');
    expect((await api.post(`${base}/tables/add`, { name: 'bord 1', seats: 4 })).status).toBe(409);
    expect((await api.patch(`${base}/tables/not-a-uuid`, { seats: 4 })).status).toBe(404);
  });

  it('places 120 people at 15 tables of 10, 8 and 6: every table mixed, no colleagues together, every share within one person', async () => {
    const base = `/api/conferences/${conference.id}`;
    const tables = Array.from({ length: 15 }, (_, i) => ({ name: `Bord ${i + 1}`, seats: [10, 8, 6][i % 3] }));
    const replaced = await api.post(`${base}/tables`, { tables });
    expect(replaced.status).toBe(200);
    expect(replaced.body.total).toBe(15);

    const run = await api.post(`${base}/seating`);
    expect(run.status).toBe(200);
    const seated = tablesOf(run.body);
    expect(seated.size).toBe(120);
    expect(new Set(registrations.map((r) => r.id))).toEqual(new Set(seated.keys()));
    for (const t of run.body.tables) expect(t.registrationIds.length).toBeLessThanOrEqual(t.seats);
    const m = run.body.metrics;
    expect(m.tablesWithAllParties).toBe(m.maxPossibleTablesWithAllParties);
    const partySizes = ['civil_society', 'municipality', 'state_agency'].map((sector) => registrations.filter((r) => r.sector === sector).length);
    expect(m.maxPossibleTablesWithAllParties).toBe(Math.min(15, ...partySizes));
    expect(m.sameOrganisationPairs).toBe(0);
    expect(m.maxPartyDeviation).toBeLessThan(1);
    expect(m.runMilliseconds).toBeLessThan(1000);
    expect(run.body.moved).toEqual([]);
    expect((await api.get(`${base}/seating`)).body.tables).toEqual(run.body.tables);
  });

  it('moves someone by hand, re-checks the rules and names what breaks', async () => {
    const base = `/api/conferences/${conference.id}`;
    const before = (await api.get(`${base}/seating`)).body;
    const full = before.tables[0];
    const mover = before.tables[1].registrationIds[0];
    const refused = await api.post(`${base}/seating/move`, { registrationId: mover, tableId: full.id });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('seats taken');

    const side = await api.post(`${base}/tables/add`, { name: 'Sidobord', seats: 4 });
    expect(side.status).toBe(201);
    const moved = await api.post(`${base}/seating/move`, { registrationId: mover, tableId: side.body.id, fix: true });
    expect(moved.status).toBe(200);
    expect(tablesOf(moved.body).get(mover)).toBe(side.body.id);
    expect(moved.body.breaches.map((b: any) => b.message).join(' ')).toMatch(/Sidobord lacks/);
    expect((await api.get(`${base}/tables`)).body.items.find((t: any) => t.id === side.body.id).fixedRegistrationIds).toEqual([mover]);

    // A re-run keeps the fixed person there and moves few others.
    const again = await api.post(`${base}/seating`);
    expect(again.status).toBe(200);
    expect(tablesOf(again.body).get(mover)).toBe(side.body.id);
    expect(again.body.moved.length).toBeLessThanOrEqual(6);
    expect(again.body.metrics.peopleMoved).toBe(again.body.moved.length);
    expect((await api.delete(`${base}/seating/fixed/${mover}`)).status).toBe(204);
  });

  it('refuses to fix someone without a seat, and requests naming someone of another conference', async () => {
    const base = `/api/conferences/${conference.id}`;
    const leaving = await register({ name: 'Avbokar Berg', organisation: 'Ensam förening', sector: 'civil_society' });
    expect((await anonymous.post(`/api/public/registrations/${leaving.manageToken}/cancel`)).status).toBe(200);
    const tables = (await api.get(`${base}/tables`)).body.items;
    const noSeat = await api.post(`${base}/seating/move`, { registrationId: leaving.id, tableId: tables[0].id, fix: true });
    expect(noSeat.status).toBe(409);
    expect(noSeat.body.message).toContain('holds no seat');

    const other = await publishedConference(api);
    const stranger = (await anonymous.post(`/api/public/conferences/${other.slug}/registrations`, participant())).body;
    const foreign = await api.post(`${base}/seating/requests`, { kind: 'apart', registrationIds: [registrations[0].id, stranger.id] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toContain('no registration with this id in this conference');
    expect((await api.post(`${base}/seating/requests`, { kind: 'apart', registrationIds: [registrations[0].id, registrations[0].id] })).status).toBe(400);
    expect((await api.post(`${base}/seating/requests`, { kind: 'sideways', registrationIds: [registrations[0].id, registrations[1].id] })).status).toBe(400);
    const strangerApi = (await organiserClient(test)).api;
    expect((await strangerApi.post(`${base}/seating`)).status).toBe(404);

    const together = await api.post(`${base}/seating/requests`, { kind: 'together', registrationIds: [registrations[0].id, registrations[1].id] });
    expect(together.status).toBe(201);
    expect((await api.post(`${base}/seating/requests`, { kind: 'apart', registrationIds: [registrations[1].id, registrations[0].id] })).status).toBe(409);
    const run = await api.post(`${base}/seating`);
    expect(run.status).toBe(200);
    expect(tablesOf(run.body).get(registrations[0].id)).toBe(tablesOf(run.body).get(registrations[1].id));
    expect((await api.delete(`${base}/seating/requests/${together.body.id}`)).status).toBe(204);
  });

  it('gives a transferred seat’s chair to the colleague; a re-run moves nobody', async () => {
    const base = `/api/conferences/${conference.id}`;
    const placed = tablesOf((await api.post(`${base}/seating`)).body);
    const leaving = registrations[5];
    const transfer = await anonymous.post(`/api/public/registrations/${leaving.manageToken}/transfer`, {
      name: 'Kollega Lindqvist',
      email: 'kollega.lindqvist@example.org',
    });
    expect(transfer.status).toBe(201);
    const colleague = transfer.body.id as string;
    const now = tablesOf((await api.get(`${base}/seating`)).body);
    expect(now.get(colleague)).toBe(placed.get(leaving.id));
    expect(now.has(leaving.id)).toBe(false);

    const again = await api.post(`${base}/seating`);
    expect(tablesOf(again.body).get(colleague)).toBe(placed.get(leaving.id));
    expect(again.body.moved).toEqual([]);

    const annotations = await test.app.get(RegistrationExtensions).annotate(conference.id, [colleague]);
    const tableName = again.body.tables.find((t: any) => t.id === placed.get(leaving.id)).name;
    expect(annotations.get('table')?.get(colleague)).toBe(tableName);
    // The participant list (JSON and CSV) shows each person's table through the annotation.
    const list = (await api.get(`${base}/registrations`)).body.items;
    expect(list.find((r: any) => r.id === colleague).annotations.table).toBe(tableName);
    const csv = String((await api.get(`${base}/registrations.csv?lang=sv`)).body);
    expect(csv.split('\r\n')[0]).toContain('Bord');
    expect(csv.split('\r\n').find((line) => line.includes('Kollega Lindqvist'))).toContain(tableName);
  });

  it('prints table cards and a "find your table" list that hold every name', async () => {
    const base = `/api/conferences/${conference.id}`;
    const view = (await api.get(`${base}/seating`)).body;
    const ids = view.tables.flatMap((t: any) => t.registrationIds);
    const names = (await api.get(`${base}/registrations?status=confirmed`)).body.items
      .filter((r: any) => ids.includes(r.id))
      .map((r: any) => r.name as string);
    expect(names.length).toBe(ids.length);
    for (const [path, title] of [['table-cards.pdf', 'Bord 1'], ['find-your-table.pdf', 'Hitta ditt bord']]) {
      const response = await fetch(`${test.url}${base}/seating/${path}`, { headers: { authorization: (api as any).token ? `Bearer ${(api as any).token}` : '' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/pdf');
      const text = pdfText(Buffer.from(await response.arrayBuffer()));
      expect(text).toContain(title);
      for (const name of names) expect(text).toContain(name);
    }
  });
});

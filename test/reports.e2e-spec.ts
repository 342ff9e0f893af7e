import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AttendanceService, headlinePanel } from '@dialogdag/reports';
import { ManualClock } from '@dialogdag/shared';
import { registerPeople } from '../libs/reports/src/testing/api-fixture';
import { FixturePerson, stockholmPeople, STOCKHOLM_EXPECTED } from '../libs/reports/src/testing/stockholm.fixture';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

/** Attendance summaries through the API, CSV and XLSX; series with organisations counted once. */
describe('attendance summaries', () => {
  let test: TestApp;
  let api: ApiClient;
  let other: ApiClient;
  let anonymous: ApiClient;
  let token: string;
  let organiserId: string;
  const clock = new ManualClock('2030-10-20T08:00:00+02:00');

  beforeAll(async () => {
    test = await startTestApp({ clock });
    const org = await organiserClient(test);
    api = org.api;
    organiserId = org.id;
    token = (api as unknown as { token: string }).token;
    other = (await organiserClient(test)).api;
    anonymous = new ApiClient(test.url);
  });
  afterAll(async () => {
    await test?.close();
  });

  const stockholm = async (overrides: Record<string, unknown> = {}) => {
    clock.set('2030-10-20T08:00:00+02:00');
    const c = await publishedConference(api, { title: 'Dialogkonferens Stockholm', capacity: 200, venue: { name: 'Folkets Hus', address: 'Barnhusgatan 12', city: 'Stockholm' }, ...overrides });
    await registerPeople((p, b) => api.post(p, b), c.id, stockholmPeople(), c.slug);
    return c;
  };
  /** Seat-holders written straight into the registration table, as the registrations lib stores them. */
  const insertPeople = async (conferenceId: string, people: FixturePerson[]) => {
    const db = new Client({ connectionString: test.databaseUrl });
    await db.connect();
    try {
      for (const [i, p] of people.entries()) {
        await db.query(
          `INSERT INTO registration (conference_id, status, name, email, organisation, sector, is_politician, political_party, is_volunteer, manage_token_hash, created_at, updated_at, confirmed_at, checked_in_at)
           VALUES ($1, 'confirmed', $2, $3, $4, $5, $6, $7, $8, $9, now(), now(), now(), $10)`,
          [conferenceId, `Deltagare ${i + 1}`, `${conferenceId.slice(0, 8)}.${i}@example.org`, p.organisation, p.sector, !!p.isPolitician, p.politicalParty ?? null, !!p.isVolunteer, randomUUID(), p.attended ? new Date() : null],
        );
      }
    } finally {
      await db.end();
    }
  };
  const binary = async (path: string) => {
    const res = await fetch(test.url + path, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
  };

  let c: { id: string; slug: string };

  describe('a conference composed like Stockholm', () => {
    beforeAll(async () => {
      c = await stockholm();
      // One registered colleague transfers; one on the list cancels; one waits.
      const leaving = await api.post(`/api/conferences/${c.id}/registrations`, participant({ organisation: 'Botkyrka kommun', sector: 'municipality' }));
      const transfer = await anonymous.post(`/api/public/registrations/${leaving.body.manageToken}/transfer`, { name: 'Kollega', email: 'kollega@example.org', organisation: 'Botkyrka kommun', sector: 'municipality' });
      expect(transfer.status).toBe(201);
      const cancelling = await api.post(`/api/conferences/${c.id}/registrations`, participant({ organisation: 'ABF Stockholm' }));
      expect((await anonymous.post(`/api/public/registrations/${cancelling.body.manageToken}/cancel`)).status).toBe(200);
    }, 180_000); // registers some 130 people: minutes on a busy shared machine

    it('reads back exactly through the API, with the transfer counted once (the colleague)', async () => {
      clock.set('2030-10-20T17:00:00+02:00');
      const res = await api.get(`/api/conferences/${c.id}/attendance-summary`);
      expect(res.status).toBe(200);
      const s = res.body;
      expect(s).toMatchObject({
        conferenceId: c.id, registered: STOCKHOLM_EXPECTED.registered + 1, attended: 120, cancelled: 1, noShows: 11, waitlisted: 0,
        organisations: 41, municipalities: 6, regions: 2, politicians: 6, ended: true,
        amongAttended: { organisations: 41, municipalities: 6, regions: 2, politicians: 6 },
      });
      expect(s.byParty.map((p: any) => [p.party, p.attended])).toEqual([['civil_society', 80], ['local_regional', 15], ['state', 15], ['other', 10]]);
      expect(s.bySector.find((x: any) => x.sector === 'government_offices')).toEqual({ sector: 'government_offices', registered: 2, attended: 2, politicians: 0, attendedPoliticians: 0 });
      expect(s.bySector).toHaveLength(9);
      expect(s.politiciansByParty[0]).toEqual({ politicalParty: 'Socialdemokraterna', registered: 2, attended: 2 });
    });

    it('gives the front page its headline figures (seats, waiting list, parties, check-ins, fees owed; claims left empty)', async () => {
      const headline = await test.app.get(AttendanceService).headline(organiserId, c.id);
      expect(headline).toMatchObject({ capacity: 200, seatsHeld: 131, feesOwed: 11 * 40000 + 40000, claims: null });
      expect(headline.summary.byParty.map((p) => p.registered)).toEqual([86, 18, 17, 10]);
      expect(headlinePanel(headline, c.id, 'sv').toString()).toContain(`href="/admin/conferences/${c.id}/attendance"`);
      await expect(test.app.get(AttendanceService).headline((await organiserClient(test)).id, c.id)).rejects.toMatchObject({ category: 'not_found' });
    });

    it('has no no-shows before the end', async () => {
      clock.set('2030-10-20T12:00:00+02:00');
      expect((await api.get(`/api/conferences/${c.id}/attendance-summary`)).body).toMatchObject({ noShows: 0, ended: false });
    });

    it('gives CSV for Swedish Excel', async () => {
      clock.set('2030-10-20T17:00:00+02:00');
      const res = await binary(`/api/conferences/${c.id}/attendance-summary?format=csv`);
      expect(res.type).toBe('text/csv; charset=utf-8');
      const text = res.body.toString('utf8');
      expect(text.startsWith('\uFEFFUppgift;Värde;Bland dem som deltog\r\n')).toBe(true);
      expect(text).toContain('Anmälda med plats;131\r\n');
      expect(text).toContain('Deltog (incheckade);120\r\n');
      expect(text).toContain('Organisationer;41;41\r\n');
      expect(text).toContain('Civilsamhället;86;80\r\n');
      expect(text).toContain('Regeringskansliet;2;2\r\n');
    });

    it('gives an XLSX with the figures and one sheet per sector', async () => {
      const res = await binary(`/api/conferences/${c.id}/attendance-summary?format=xlsx&lang=en`);
      expect(res.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.body as unknown as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toEqual(['Figures', 'Civil society organisation', 'Municipality or city district', 'Region', 'County administrative board', 'State agency', 'Government Offices', 'Business', 'University or research', 'Other']);
      const figures = book.getWorksheet('Figures')!;
      const values = new Map<string, unknown[]>();
      figures.eachRow((row) => values.set(String(row.getCell(1).value), [row.getCell(2).value, row.getCell(3).value]));
      expect(values.get('Took part (checked in)')).toEqual([120, null]);
      expect(values.get('Municipalities')).toEqual([6, 6]);
      expect(values.get('Civil society')).toEqual([86, 80]);
      const municipalities = book.getWorksheet('Municipality or city district')!;
      const names: string[] = [];
      municipalities.eachRow((row, n) => n > 1 && names.push(String(row.getCell(1).value)));
      expect(names).toContain('Stockholms stad');
      expect(names[names.length - 1]).toBe('Total');
      expect(municipalities.getRow(names.length + 1).getCell(2).value).toBe(15);
    });

    it('refuses bad formats (400), strangers and unknown ids (404), and anonymous callers (401)', async () => {
      expect((await api.get(`/api/conferences/${c.id}/attendance-summary?format=pdf`)).status).toBe(400);
      expect((await other.get(`/api/conferences/${c.id}/attendance-summary`)).status).toBe(404);
      expect((await api.get(`/api/conferences/not-a-uuid/attendance-summary`)).status).toBe(404);
      expect((await anonymous.get(`/api/conferences/${c.id}/attendance-summary`)).status).toBe(401);
    });
  });

  describe('series', () => {
    it('sums four Stockholm-like conferences, one row each in date order, organisations counted once', async () => {
      // The first was registered and checked in through the API above; three more go straight into the table,
      // so the test stays quick on a busy machine (the SQL's agreement with the API is tested in reports-sql).
      const conferences = [c];
      for (const [i, city] of ['Malmö', 'Göteborg', 'Umeå'].entries()) {
        const day = `2030-10-2${i + 1}`;
        const other = await publishedConference(api, { title: `Dialogkonferens ${city}`, startsAt: `${day}T09:00:00+02:00`, endsAt: `${day}T16:00:00+02:00`, capacity: 200, venue: { name: 'Folkets Hus', city } });
        await insertPeople(other.id, stockholmPeople());
        conferences.push(other);
      }
      const created = await api.post('/api/series', { title: 'Regionala konferenser 2030', description: 'Fyra regionala konferenser' });
      expect(created.status).toBe(201);
      const id = created.body.id;
      for (const x of [...conferences].reverse()) expect((await api.post(`/api/series/${id}/conferences`, { conferenceId: x.id })).status).toBe(200);
      clock.set('2030-11-01T12:00:00+01:00');
      const res = await api.get(`/api/series/${id}/attendance-summary`);
      expect(res.status).toBe(200);
      expect(res.body.conferences.map((x: any) => [x.place, x.date, x.registered, x.attended])).toEqual([
        ['Stockholm', '2030-10-20', 131, 120], ['Malmö', '2030-10-21', 130, 120], ['Göteborg', '2030-10-22', 130, 120], ['Umeå', '2030-10-23', 130, 120],
      ]);
      expect(res.body.conferences[1].byParty[0]).toMatchObject({ party: 'civil_society', registered: 86, attended: 80 });
      expect(res.body.totals).toMatchObject({ registered: 521, attended: 480, noShows: 41, organisations: 41, municipalities: 6, regions: 2, politicians: 24 });
      const csv = (await binary(`/api/series/${id}/attendance-summary?format=csv`)).body.toString('utf8');
      expect(csv.split('\r\n')[2]).toMatch(/^Dialogkonferens Malmö;Malmö;måndag 21 oktober 2030;130;120;86;80;/);
      expect(csv).toContain('Hela serien: Regionala konferenser 2030;;;521;480;');
      const page = await binary(`/admin/series/${id}`);
      expect(page.body.toString()).toMatch(/<td class="num">521<\/td><td class="num">480<\/td>/);
    }, 180_000);

    it('is managed only by those who created it or run its conferences; a conference is in one series', async () => {
      const mine = await publishedConference(api);
      const theirs = await publishedConference(other);
      const s = (await api.post('/api/series', { title: 'Serie A' })).body;
      expect((await other.get(`/api/series/${s.id}`)).status).toBe(404);
      expect((await other.get(`/api/series/${s.id}/attendance-summary`)).status).toBe(404);
      expect((await other.post(`/api/series/${s.id}/conferences`, { conferenceId: theirs.id })).status).toBe(404);
      expect((await api.post(`/api/series/${s.id}/conferences`, { conferenceId: theirs.id })).status).toBe(404);
      expect((await api.post(`/api/series/${s.id}/conferences`, { conferenceId: 'nope' })).status).toBe(400);
      expect((await api.post(`/api/series/${s.id}/conferences`, { conferenceId: mine.id })).body.conferenceIds).toEqual([mine.id]);
      expect((await api.post(`/api/series/${s.id}/conferences`, { conferenceId: mine.id })).status).toBe(200);
      const b = (await api.post('/api/series', { title: 'Serie B' })).body;
      expect((await api.post(`/api/series/${b.id}/conferences`, { conferenceId: mine.id })).status).toBe(409);
      expect((await api.get('/api/series')).body.items.map((x: any) => x.title)).toEqual(expect.arrayContaining(['Serie A', 'Serie B']));
      expect((await other.get('/api/series')).body.items.map((x: any) => x.title)).not.toContain('Serie A');
      expect((await api.post('/api/series', { title: '' })).status).toBe(400);
      expect((await api.patch(`/api/series/${s.id}`, { title: 'Serie A 2030' })).body.title).toBe('Serie A 2030');
      expect((await api.delete(`/api/series/${s.id}/conferences/${mine.id}`)).body.conferenceIds).toEqual([]);
      expect((await api.delete(`/api/series/${s.id}/conferences/${mine.id}`)).status).toBe(404);
      expect((await api.delete(`/api/series/${s.id}`)).status).toBe(204);
      expect((await api.get(`/api/series/${s.id}`)).status).toBe(404);
      expect((await api.get(`/api/series/${s.id}/attendance-summary?format=xml`)).status).toBe(400);
    });
  });
});

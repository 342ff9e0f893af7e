import { Client } from 'pg';
import { ApiClient, organiserClient, publishedConference, startTestApp, TestApp } from './support/test-app';

/**
 * Changing a conference and changing its programme, run together, must both succeed: every transaction
 * takes the conference's row before the programme's lock. The interleaving that deadlocked is forced by
 * holding the programme's lock (its advisory key is internal to the programme lib) while both requests queue.
 */
describe('conference and programme changes run together', () => {
  let test: TestApp;
  let api: ApiClient;
  let db: Client;

  beforeAll(async () => {
    test = await startTestApp();
    api = (await organiserClient(test)).api;
    db = new Client({ connectionString: test.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await test?.close();
  });

  const waitingLocks = async () =>
    Number(
      (await db.query(`SELECT count(*) AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()`))
        .rows[0].n,
    );
  const until = async (condition: () => Promise<boolean>) => {
    const deadline = Date.now() + 10_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('the requests did not queue as expected');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  async function race(programmeChange: (conferenceId: string) => Promise<{ status: number; body: unknown }>) {
    const conference = await publishedConference(api);
    await api.post(`/api/conferences/${conference.id}/programme-items`, { startsAt: '10:00', endsAt: '11:00', kind: 'talk', title: 'Föreläsning' });
    const holder = new Client({ connectionString: test.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`programme:${conference.id}`]);
      const programme = programmeChange(conference.id);
      await until(async () => (await waitingLocks()) >= 1);
      // The day moves a week: the conference row is locked, then the programme follows the new hours.
      const conferenceChange = api.patch(`/api/conferences/${conference.id}`, { startsAt: '2030-10-27T09:00:00+01:00', endsAt: '2030-10-27T16:00:00+01:00' });
      await until(async () => (await waitingLocks()) >= 2);
      await holder.query('COMMIT');
      return { programme: await programme, conference: await conferenceChange, id: conference.id };
    } finally {
      await holder.end();
    }
  }

  it('sets the moderator of the day while the conference is moved to another date', async () => {
    const { programme, conference, id } = await race(async (conferenceId) => {
      const speaker = await api.post(`/api/conferences/${conferenceId}/speakers`, { name: 'Anna Svensson', title: '', organisation: '', sector: 'other' });
      return api.request('PUT', `/api/conferences/${conferenceId}/programme/moderator`, { speakerId: speaker.body.id });
    });
    expect([programme.status, conference.status]).toEqual([200, 200]);
    const after = (await api.get(`/api/conferences/${id}/programme`)).body;
    expect(after.moderator).toMatchObject({ name: 'Anna Svensson' });
    expect(after.items[0].startsAt).toBe('2030-10-27T10:00:00+01:00');
  });

  it('adds a programme item while the conference is moved to another date', async () => {
    const { programme, conference, id } = await race((conferenceId) =>
      api.post(`/api/conferences/${conferenceId}/programme-items`, { startsAt: '2030-10-20T12:00:00+02:00', endsAt: '2030-10-20T13:00:00+02:00', kind: 'lunch', title: 'Lunch' }),
    );
    expect([programme.status, conference.status]).toEqual([201, 200]);
    const items = (await api.get(`/api/conferences/${id}/programme`)).body.items;
    expect(items.map((i: { title: string; startsAt: string }) => [i.title, i.startsAt])).toEqual([
      ['Föreläsning', '2030-10-27T10:00:00+01:00'],
      ['Lunch', '2030-10-27T12:00:00+01:00'],
    ]);
  });
});

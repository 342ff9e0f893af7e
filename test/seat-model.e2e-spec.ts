import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ManualClock } from '@dialogdag/shared';
import { applySeatEvent, emptySeatState, SeatEvent, SeatState } from './support/seat-model';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

const BEFORE = '2030-09-01T12:00:00+02:00';
const AFTER_START = '2030-10-20T10:00:00+02:00';
const people = ['a', 'b', 'c', 'd', 'e', 'f'];
const person = fc.constantFrom(...people);
const event: fc.Arbitrary<SeatEvent> = fc.oneof(
  { weight: 6, arbitrary: person.map((id) => ({ type: 'register' as const, id })) },
  { weight: 3, arbitrary: person.map((id) => ({ type: 'cancel' as const, id })) },
  { weight: 2, arbitrary: fc.tuple(person, fc.integer({ min: 1, max: 3 })).map(([id, n]) => ({ type: 'transfer' as const, id, to: `${id}${n}` })) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 6 }).map((capacity) => ({ type: 'capacity' as const, capacity })) },
  { weight: 1, arbitrary: fc.constant({ type: 'start' as const }) },
);

// Passing runs take about half a minute; a failure shrinks through more real requests to a minimal sequence.
jest.setTimeout(240_000);

/**
 * The real application against a reference model of seats and the waiting list: random sequences
 * of registrations, cancellations, transfers, capacity changes and the start, compared after every
 * step (who holds a seat, the queue in order, the seat counter).
 */
describe('seats and the waiting list follow the model, whatever happens in whatever order', () => {
  let test: TestApp;
  let api: ApiClient;
  let db: Client;
  const clock = new ManualClock(BEFORE);

  beforeAll(async () => {
    test = await startTestApp({ clock });
    api = (await organiserClient(test)).api;
    db = new Client({ connectionString: test.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await test?.close();
  });

  /** What the database holds, in the model's terms. */
  async function actual(conferenceId: string, names: Map<string, string>): Promise<SeatState & { counter: number }> {
    const { rows } = await db.query(
      `SELECT id, status FROM registration WHERE conference_id = $1 AND status IN ('confirmed', 'waitlisted') ORDER BY waitlist_order NULLS FIRST, id`,
      [conferenceId],
    );
    const [{ capacity, seats_held }] = (await db.query(`SELECT capacity, seats_held FROM conference WHERE id = $1`, [conferenceId])).rows;
    const name = (id: string) => names.get(id) ?? `unknown ${id}`;
    return {
      capacity,
      confirmed: rows.filter((r) => r.status === 'confirmed').map((r) => name(r.id)).sort(),
      waitlist: rows.filter((r) => r.status === 'waitlisted').map((r) => name(r.id)),
      started: clock.now() >= new Date('2030-10-20T09:00:00+02:00'),
      counter: seats_held,
    };
  }

  it('holds for random sequences of events', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.array(event, { minLength: 1, maxLength: 16 }), async (capacity, events) => {
        clock.set(BEFORE);
        const c = await publishedConference(api, { capacity });
        const anonymous = new ApiClient(test.url);
        const tokens = new Map<string, string>();
        const names = new Map<string, string>();
        // One e-mail address per person, so the app sees a repeat as the same person, as the model does.
        const run = randomUUID().slice(0, 8);
        const emailOf = (id: string) => `${id}-${run}@example.org`;
        let model = emptySeatState(capacity);
        for (const e of events) {
          if (e.type === 'register') {
            const res = await anonymous.post(`/api/public/conferences/${c.slug}/registrations`, participant({ email: emailOf(e.id) }));
            if (res.status === 201) {
              tokens.set(e.id, res.body.manageToken);
              names.set(res.body.id, e.id);
            }
          } else if (e.type === 'cancel' && tokens.has(e.id)) {
            await anonymous.post(`/api/public/registrations/${tokens.get(e.id)}/cancel`);
          } else if (e.type === 'transfer' && tokens.has(e.id)) {
            const res = await anonymous.post(`/api/public/registrations/${tokens.get(e.id)}/transfer`, { name: e.to, email: emailOf(e.to) });
            if (res.status === 201) {
              tokens.set(e.to, res.body.manageToken);
              names.set(res.body.id, e.to);
            }
          } else if (e.type === 'capacity') {
            await api.patch(`/api/conferences/${c.id}`, { capacity: e.capacity });
          } else if (e.type === 'start') {
            clock.set(AFTER_START);
          }
          model = applySeatEvent(model, e);
          const real = await actual(c.id, names);
          expect({ event: e, confirmed: real.confirmed, waitlist: real.waitlist, capacity: real.capacity }).toEqual({
            event: e,
            confirmed: [...model.confirmed].sort(),
            waitlist: model.waitlist,
            capacity: model.capacity,
          });
          expect(real.counter).toBe(real.confirmed.length);
        }
      }),
      {
        numRuns: 25,
        // Sequences that must be among those tried: a freed seat passed on, a transferred queue place moving up, growth after the start.
        examples: [
          [1, [{ type: 'register', id: 'a' }, { type: 'register', id: 'b' }, { type: 'cancel', id: 'a' }]],
          [1, [{ type: 'register', id: 'a' }, { type: 'register', id: 'b' }, { type: 'transfer', id: 'b', to: 'b1' }, { type: 'capacity', capacity: 2 }]],
          [1, [{ type: 'register', id: 'a' }, { type: 'register', id: 'b' }, { type: 'start' }, { type: 'capacity', capacity: 3 }, { type: 'cancel', id: 'a' }]],
        ],
      },
    );
  });
});

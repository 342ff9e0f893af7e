import { Client } from 'pg';

export interface SeatDrift {
  conferenceId: string;
  seatsHeld: number;
  seatHolders: number;
}

/**
 * Conferences whose seat counter (`seats_held`, what capacity is enforced on) differs from the
 * number of seat-holding registrations. Empty when the two agree everywhere in the database.
 */
export async function seatDrift(databaseUrl: string): Promise<SeatDrift[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT c.id AS "conferenceId", c.seats_held AS "seatsHeld", count(r.id)::int AS "seatHolders"
         FROM conference c LEFT JOIN registration r ON r.conference_id = c.id AND r.status = 'confirmed'
        GROUP BY c.id HAVING c.seats_held <> count(r.id)`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** After every test of the file: the counter equals the seat-holders, in every conference the test touched. */
export function expectSeatCountersAgree(databaseUrl: () => string | undefined): void {
  afterEach(async () => {
    const url = databaseUrl();
    if (url) expect(await seatDrift(url)).toEqual([]);
  });
}

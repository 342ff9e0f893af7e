import { MigrationInterface, QueryRunner } from 'typeorm';

export class Seating1764000300000 implements MigrationInterface {
  name = 'Seating1764000300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE seating_table (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 80),
        seats int NOT NULL CHECK (seats BETWEEN 1 AND 100),
        reserved boolean NOT NULL DEFAULT false,
        position int NOT NULL,
        created_at timestamptz NOT NULL,
        -- Lets seats and fixings require a table of the same conference.
        UNIQUE (conference_id, id)
      )`);
    await db.query(`CREATE UNIQUE INDEX seating_table_name ON seating_table (conference_id, lower(btrim(name)))`);
    for (const table of ['seating_seat', 'seating_fixed']) {
      await db.query(`
        CREATE TABLE ${table} (
          registration_id uuid PRIMARY KEY REFERENCES registration(id) ON DELETE CASCADE,
          conference_id uuid NOT NULL,
          table_id uuid NOT NULL,
          FOREIGN KEY (conference_id, table_id) REFERENCES seating_table (conference_id, id) ON DELETE CASCADE
        )`);
      await db.query(`CREATE INDEX ${table}_table ON ${table} (conference_id, table_id)`);
    }
    await db.query(`
      CREATE TABLE seating_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('apart', 'together')),
        first_id uuid NOT NULL REFERENCES registration(id) ON DELETE CASCADE,
        second_id uuid NOT NULL REFERENCES registration(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        CHECK (first_id <> second_id)
      )`);
    // One request per pair, whichever way round it was asked.
    await db.query(`CREATE UNIQUE INDEX seating_request_pair ON seating_request (conference_id, least(first_id, second_id), greatest(first_id, second_id))`);
    await db.query(`
      CREATE TABLE seating_plan (
        conference_id uuid PRIMARY KEY REFERENCES conference(id) ON DELETE CASCADE,
        ran_at timestamptz,
        metrics jsonb,
        moved jsonb NOT NULL DEFAULT '[]'
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE seating_plan`);
    await db.query(`DROP TABLE seating_request`);
    await db.query(`DROP TABLE seating_fixed`);
    await db.query(`DROP TABLE seating_seat`);
    await db.query(`DROP TABLE seating_table`);
  }
}

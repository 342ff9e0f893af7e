import { MigrationInterface, QueryRunner } from 'typeorm';

export class Conferences1763900000200 implements MigrationInterface {
  name = 'Conferences1763900000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE conference (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        target_audience text NOT NULL DEFAULT '',
        arrangers text NOT NULL DEFAULT '',
        cost_note text,
        contact_email text,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        venue_name text NOT NULL,
        venue_address text NOT NULL DEFAULT '',
        venue_city text NOT NULL DEFAULT '',
        capacity int NOT NULL CHECK (capacity >= 1),
        seats_held int NOT NULL DEFAULT 0 CHECK (seats_held >= 0),
        registration_opens_at timestamptz,
        registration_deadline timestamptz NOT NULL,
        modification_deadline timestamptz,
        cancellation_deadline timestamptz NOT NULL,
        cancellation_fee int NOT NULL DEFAULT 0 CHECK (cancellation_fee >= 0),
        travel_min_round_trip_km int CHECK (travel_min_round_trip_km >= 0),
        travel_request_deadline timestamptz,
        travel_rate_per_km int CHECK (travel_rate_per_km >= 0),
        travel_budget int CHECK (travel_budget >= 0),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
        published_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (ends_at > starts_at)
      )`);
    await db.query(`
      CREATE TABLE conference_organiser (
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        organiser_id uuid NOT NULL REFERENCES organiser(id) ON DELETE CASCADE,
        PRIMARY KEY (conference_id, organiser_id)
      )`);
    await db.query(`CREATE INDEX conference_organiser_organiser ON conference_organiser (organiser_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE conference_organiser, conference`);
  }
}

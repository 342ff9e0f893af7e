import { MigrationInterface, QueryRunner } from 'typeorm';

export class Registrations1763900000300 implements MigrationInterface {
  name = 'Registrations1763900000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE registration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled', 'transferred')),
        name text NOT NULL,
        email text NOT NULL CHECK (email !~ '[\\r\\n]'),
        phone text,
        organisation text NOT NULL,
        sector text NOT NULL CHECK (sector IN ('civil_society', 'municipality', 'region', 'county_board',
          'state_agency', 'government_offices', 'business', 'academia', 'other')),
        is_politician boolean NOT NULL DEFAULT false,
        political_party text,
        is_volunteer boolean NOT NULL DEFAULT false,
        diet text,
        diet_consent_at timestamptz,
        workshop_preferences uuid[] NOT NULL DEFAULT '{}',
        language text NOT NULL DEFAULT 'sv' CHECK (language IN ('sv', 'en')),
        manage_token_hash text NOT NULL UNIQUE,
        source text NOT NULL DEFAULT 'public' CHECK (source IN ('public', 'organiser', 'walk_in', 'transfer')),
        created_at timestamptz NOT NULL,
        confirmed_at timestamptz,
        waitlisted_at timestamptz,
        cancelled_at timestamptz,
        fee int NOT NULL DEFAULT 0 CHECK (fee >= 0),
        fee_waived_at timestamptz,
        fee_waiver_reason text,
        checked_in_at timestamptz,
        transferred_from_id uuid REFERENCES registration(id),
        updated_at timestamptz NOT NULL,
        CHECK (status <> 'waitlisted' OR waitlisted_at IS NOT NULL)
      )`);
    // One active registration per person and conference, also under simultaneous submissions.
    await db.query(`
      CREATE UNIQUE INDEX registration_one_active_per_email ON registration (conference_id, lower(email))
      WHERE status IN ('confirmed', 'waitlisted')`);
    await db.query(`CREATE INDEX registration_conference_status ON registration (conference_id, status)`);
    await db.query(`
      CREATE INDEX registration_waiting_list ON registration (conference_id, waitlisted_at, id)
      WHERE status = 'waitlisted'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE registration`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class Speakers1763900001000 implements MigrationInterface {
  name = 'Speakers1763900001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE speaker (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (name <> ''),
        title text NOT NULL DEFAULT '',
        organisation text NOT NULL DEFAULT '',
        sector text NOT NULL CHECK (sector IN ('civil_society', 'municipality', 'region', 'county_board',
          'state_agency', 'government_offices', 'business', 'academia', 'other')),
        email text CHECK (email !~ '[\\r\\n]'),
        bio text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'confirmed', 'declined')),
        language text NOT NULL DEFAULT 'sv' CHECK (language IN ('sv', 'en')),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        -- Lets programme rows require that a speaker belongs to the same conference.
        UNIQUE (conference_id, id)
      )`);
    await db.query(`CREATE INDEX speaker_conference_name ON speaker (conference_id, name)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE speaker`);
  }
}

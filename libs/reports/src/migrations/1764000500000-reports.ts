import { MigrationInterface, QueryRunner } from 'typeorm';

/** Series of conferences, group-work notes, and the individual evaluation (form per conference, anonymous answers). */
export class Reports1764000500000 implements MigrationInterface {
  name = 'Reports1764000500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE conference_series (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '',
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // A conference belongs to at most one series.
    await db.query(`
      CREATE TABLE conference_series_member (
        conference_id uuid PRIMARY KEY REFERENCES conference(id) ON DELETE CASCADE,
        series_id uuid NOT NULL REFERENCES conference_series(id) ON DELETE CASCADE,
        added_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX conference_series_member_series ON conference_series_member (series_id)`);
    await db.query(`
      CREATE TABLE group_note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        theme text NOT NULL DEFAULT '',
        group_name text NOT NULL,
        obstacles text NOT NULL DEFAULT '',
        opportunities text NOT NULL DEFAULT '',
        proposals text NOT NULL DEFAULT '',
        note_taker_token_hash text UNIQUE,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX group_note_conference ON group_note (conference_id, theme, group_name)`);
    await db.query(`
      CREATE TABLE evaluation_form (
        conference_id uuid PRIMARY KEY REFERENCES conference(id) ON DELETE CASCADE,
        ratings jsonb NOT NULL,
        questions jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // No registration id: answers stay anonymous. The respondent key (a keyed hash) only stops a second answer.
    await db.query(`
      CREATE TABLE evaluation_response (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        respondent_key text NOT NULL,
        ratings jsonb NOT NULL,
        answers jsonb NOT NULL,
        submitted_at timestamptz NOT NULL,
        UNIQUE (conference_id, respondent_key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE evaluation_response`);
    await db.query(`DROP TABLE evaluation_form`);
    await db.query(`DROP TABLE group_note`);
    await db.query(`DROP TABLE conference_series_member`);
    await db.query(`DROP TABLE conference_series`);
  }
}

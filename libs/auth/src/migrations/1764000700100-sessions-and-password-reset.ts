import { MigrationInterface, QueryRunner } from 'typeorm';

/** Idle expiry of sessions, and single-use password-reset links (stored only as a hash). */
export class SessionsAndPasswordReset1764000700100 implements MigrationInterface {
  name = 'SessionsAndPasswordReset1764000700100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE organiser_session ADD COLUMN last_seen_at timestamptz`);
    await db.query(`UPDATE organiser_session SET last_seen_at = created_at`);
    await db.query(`ALTER TABLE organiser_session ALTER COLUMN last_seen_at SET NOT NULL`);
    await db.query(`
      CREATE TABLE password_reset (
        token_hash text PRIMARY KEY,
        organiser_id uuid NOT NULL REFERENCES organiser(id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX password_reset_organiser ON password_reset (organiser_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE password_reset`);
    await db.query(`ALTER TABLE organiser_session DROP COLUMN last_seen_at`);
  }
}

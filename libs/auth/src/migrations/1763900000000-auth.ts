import { MigrationInterface, QueryRunner } from 'typeorm';

export class Auth1763900000000 implements MigrationInterface {
  name = 'Auth1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organiser (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX organiser_email_key ON organiser (lower(email))`);
    await db.query(`
      CREATE TABLE organiser_session (
        token_hash text PRIMARY KEY,
        organiser_id uuid NOT NULL REFERENCES organiser(id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX organiser_session_organiser ON organiser_session (organiser_id)`);
    await db.query(`
      CREATE TABLE api_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser(id) ON DELETE CASCADE,
        name text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz
      )`);
    await db.query(`CREATE TABLE app_secret (name text PRIMARY KEY, value text NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE app_secret, api_token, organiser_session, organiser`);
  }
}

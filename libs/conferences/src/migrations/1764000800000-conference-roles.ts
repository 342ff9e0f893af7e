import { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES = `'owner', 'organiser', 'checkin', 'reviewer', 'viewer'`;

/**
 * Roles per conference: everyone who managed a conference so far keeps doing so, as its owner. Owners invite
 * others by e-mail; an invitation's token is stored only as a hash and works once, for seven days.
 */
export class ConferenceRoles1764000800000 implements MigrationInterface {
  name = 'ConferenceRoles1764000800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE conference_organiser ADD COLUMN role text NOT NULL DEFAULT 'owner' CHECK (role IN (${ROLES}))`);
    await db.query(`ALTER TABLE conference_organiser ALTER COLUMN role DROP DEFAULT`);
    await db.query(`
      CREATE TABLE conference_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        role text NOT NULL CHECK (role IN (${ROLES})),
        token_hash text NOT NULL UNIQUE,
        invited_by uuid REFERENCES organiser(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES organiser(id) ON DELETE SET NULL,
        CHECK (expires_at > created_at)
      )`);
    await db.query(`CREATE INDEX conference_invitation_conference ON conference_invitation (conference_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE conference_invitation`);
    await db.query(`ALTER TABLE conference_organiser DROP COLUMN role`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Waiting-list order from a sequence (arrival order, also when many arrive in
 * the same millisecond or under a frozen test clock; a transfer copies it),
 * extra personal links (so later e-mails can carry a working link without
 * killing the first one), and the once-only reminder marker.
 */
export class RegistrationRules1763900002001 implements MigrationInterface {
  name = 'RegistrationRules1763900002001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE registration_waitlist_order`);
    await db.query(`ALTER TABLE registration ADD COLUMN waitlist_order bigint`);
    await db.query(`
      UPDATE registration r SET waitlist_order = q.n
      FROM (SELECT id, nextval('registration_waitlist_order') AS n FROM
             (SELECT id FROM registration WHERE status = 'waitlisted' ORDER BY waitlisted_at, id) ordered) q
      WHERE r.id = q.id`);
    await db.query(`ALTER TABLE registration ADD CONSTRAINT registration_waitlisted_has_order CHECK (status <> 'waitlisted' OR waitlist_order IS NOT NULL)`);
    await db.query(`CREATE INDEX registration_waitlist_order_idx ON registration (conference_id, waitlist_order) WHERE status = 'waitlisted'`);
    await db.query(`ALTER TABLE registration ADD COLUMN reminder_sent_at timestamptz`);
    await db.query(`
      CREATE TABLE registration_link (
        token_hash text PRIMARY KEY,
        registration_id uuid NOT NULL REFERENCES registration(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX registration_link_registration ON registration_link (registration_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE registration_link`);
    await db.query(`ALTER TABLE registration DROP COLUMN reminder_sent_at`);
    await db.query(`ALTER TABLE registration DROP CONSTRAINT registration_waitlisted_has_order`);
    await db.query(`ALTER TABLE registration DROP COLUMN waitlist_order`);
    await db.query(`DROP SEQUENCE registration_waitlist_order`);
  }
}

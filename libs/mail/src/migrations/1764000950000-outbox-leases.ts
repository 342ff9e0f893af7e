import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deliveries hold their message by a lease (who, until when) instead of a row lock kept over the SMTP
 * conversation; bodies are cleared some time after delivery, the metadata kept.
 */
export class OutboxLeases1764000950000 implements MigrationInterface {
  name = 'OutboxLeases1764000950000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE mail_outbox
        ADD COLUMN claimed_by text,
        ADD COLUMN claimed_until timestamptz,
        ADD COLUMN last_attempt_at timestamptz,
        ADD COLUMN body_cleared_at timestamptz`);
    // Only the messages whose body is still to be cleared: the index stays as small as the retention window.
    await db.query(`CREATE INDEX mail_outbox_body_kept ON mail_outbox (id) WHERE body_cleared_at IS NULL AND status <> 'pending'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX mail_outbox_body_kept`);
    await db.query(`ALTER TABLE mail_outbox DROP COLUMN claimed_by, DROP COLUMN claimed_until, DROP COLUMN last_attempt_at, DROP COLUMN body_cleared_at`);
  }
}

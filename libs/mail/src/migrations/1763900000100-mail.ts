import { MigrationInterface, QueryRunner } from 'typeorm';

export class Mail1763900000100 implements MigrationInterface {
  name = 'Mail1763900000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mail_outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        message_id text NOT NULL UNIQUE,
        conference_id uuid,
        registration_id uuid,
        kind text NOT NULL,
        recipient text NOT NULL CHECK (recipient !~ '[\\r\\n]'),
        subject text NOT NULL CHECK (subject !~ '[\\r\\n]'),
        text_body text NOT NULL,
        html_body text,
        attachments jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz
      )`);
    await db.query(`CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at, id) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX mail_outbox_conference ON mail_outbox (conference_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mail_outbox`);
  }
}

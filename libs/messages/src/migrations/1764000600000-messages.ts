import { MigrationInterface, QueryRunner } from 'typeorm';

export class Messages1764000600000 implements MigrationInterface {
  name = 'Messages1764000600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        sent_by_id uuid REFERENCES organiser(id) ON DELETE SET NULL,
        -- Kept as written, so the record says who sent it after the account is gone.
        sent_by_name text NOT NULL,
        sent_at timestamptz NOT NULL,
        subject_sv text CHECK (subject_sv !~ '[\\r\\n]'),
        body_sv text CHECK (length(body_sv) <= 50000),
        subject_en text CHECK (subject_en !~ '[\\r\\n]'),
        body_en text CHECK (length(body_en) <= 50000),
        filter jsonb NOT NULL,
        recipient_count int NOT NULL CHECK (recipient_count > 0),
        CHECK ((subject_sv IS NOT NULL AND body_sv IS NOT NULL) OR (subject_en IS NOT NULL AND body_en IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX message_conference ON message (conference_id, sent_at DESC)`);
    await db.query(`
      CREATE TABLE message_recipient (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        message_id uuid NOT NULL REFERENCES message(id) ON DELETE CASCADE,
        registration_id uuid REFERENCES registration(id) ON DELETE SET NULL,
        speaker_id uuid REFERENCES speaker(id) ON DELETE SET NULL,
        name text NOT NULL,
        email text NOT NULL CHECK (email !~ '[\\r\\n]'),
        email_key text NOT NULL,
        language text NOT NULL CHECK (language IN ('sv', 'en')),
        -- queued: waiting for its turn; handed: in the outbox (whose row says sent or failed); failed: could not be composed.
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'handed', 'failed')),
        outbox_id bigint,
        handed_at timestamptz,
        last_error text,
        resends int NOT NULL DEFAULT 0,
        -- Never twice: one message reaches one address once.
        UNIQUE (message_id, email_key)
      )`);
    await db.query(`CREATE INDEX message_recipient_queued ON message_recipient (id) WHERE state = 'queued'`);
    await db.query(`CREATE INDEX message_recipient_registration ON message_recipient (registration_id) WHERE registration_id IS NOT NULL`);
    await db.query(`
      CREATE TABLE message_pace (
        id smallint PRIMARY KEY CHECK (id = 1),
        available double precision NOT NULL,
        refilled_at timestamptz NOT NULL
      )`);
    // Starts full: the first refill caps it at the burst, whatever the clock says.
    await db.query(`INSERT INTO message_pace (id, available, refilled_at) VALUES (1, 1e9, now())`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE message_pace`);
    await db.query(`DROP TABLE message_recipient`);
    await db.query(`DROP TABLE message`);
  }
}

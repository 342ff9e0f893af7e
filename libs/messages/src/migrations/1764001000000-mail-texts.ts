import { MigrationInterface, QueryRunner } from 'typeorm';

export class MailTexts1764001000000 implements MigrationInterface {
  name = 'MailTexts1764001000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mail_text (
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind ~ '^[a-z_]{1,60}$'),
        language text NOT NULL CHECK (language IN ('sv', 'en')),
        intro text NOT NULL DEFAULT '' CHECK (length(intro) <= 2000),
        closing text NOT NULL DEFAULT '' CHECK (length(closing) <= 2000),
        updated_by uuid REFERENCES organiser(id) ON DELETE SET NULL,
        -- Kept as written, so the page says who changed it after the account is gone.
        updated_by_name text NOT NULL,
        updated_at timestamptz NOT NULL,
        -- Both empty is the default text, which is no row at all.
        CHECK (intro <> '' OR closing <> ''),
        -- Also the index that enqueuing reads a whole batch of e-mails' texts by.
        PRIMARY KEY (conference_id, kind, language)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mail_text`);
  }
}

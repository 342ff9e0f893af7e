import { MigrationInterface, QueryRunner } from 'typeorm';

/** Kept under its first name and timestamp, so databases that ran it from the conferences lib do not run it again. */
export class Programme1763900001100 implements MigrationInterface {
  name = 'Programme1763900001100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE programme_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        kind text NOT NULL CHECK (kind IN ('registration', 'welcome', 'talk', 'panel', 'break', 'lunch', 'workshop',
          'group_work', 'cultural', 'closing', 'other')),
        title text NOT NULL CHECK (title <> ''),
        description text NOT NULL DEFAULT '',
        room text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (ends_at > starts_at),
        UNIQUE (conference_id, id)
      )`);
    await db.query(`CREATE INDEX programme_item_conference_start ON programme_item (conference_id, starts_at)`);
    // The composite keys make "the speaker belongs to the item's conference" a database fact;
    // a speaker who is in the programme cannot be deleted (no cascade).
    await db.query(`
      CREATE TABLE programme_item_speaker (
        conference_id uuid NOT NULL,
        item_id uuid NOT NULL,
        speaker_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('speaker', 'moderator', 'panelist', 'inspirer')),
        position int NOT NULL DEFAULT 0,
        PRIMARY KEY (item_id, speaker_id),
        FOREIGN KEY (conference_id, item_id) REFERENCES programme_item (conference_id, id) ON DELETE CASCADE,
        FOREIGN KEY (conference_id, speaker_id) REFERENCES speaker (conference_id, id)
      )`);
    await db.query(`CREATE INDEX programme_item_speaker_speaker ON programme_item_speaker (speaker_id)`);
    // The moderator of the day: a speaker of the same conference, or none (moved to programme_moderator by 1764000000500).
    await db.query(`ALTER TABLE conference ADD COLUMN moderator_speaker_id uuid`);
    await db.query(`
      ALTER TABLE conference ADD CONSTRAINT conference_moderator_speaker
      FOREIGN KEY (id, moderator_speaker_id) REFERENCES speaker (conference_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE conference DROP CONSTRAINT conference_moderator_speaker`);
    await db.query(`ALTER TABLE conference DROP COLUMN moderator_speaker_id`);
    await db.query(`DROP TABLE programme_item_speaker, programme_item`);
  }
}

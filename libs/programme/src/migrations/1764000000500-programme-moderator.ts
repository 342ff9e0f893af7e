import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The moderator of the day moves from a column of `conference` (with a key into `speaker`) to a table of the
 * programme's own, so the schema's references point the way the code depends: programme → speakers → conferences.
 */
export class ProgrammeModerator1764000000500 implements MigrationInterface {
  name = 'ProgrammeModerator1764000000500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE programme_moderator (
        conference_id uuid PRIMARY KEY REFERENCES conference(id) ON DELETE CASCADE,
        speaker_id uuid NOT NULL,
        FOREIGN KEY (conference_id, speaker_id) REFERENCES speaker (conference_id, id)
      )`);
    await db.query(`CREATE INDEX programme_moderator_speaker ON programme_moderator (speaker_id)`);
    await db.query(`
      INSERT INTO programme_moderator (conference_id, speaker_id)
      SELECT id, moderator_speaker_id FROM conference WHERE moderator_speaker_id IS NOT NULL`);
    await db.query(`ALTER TABLE conference DROP CONSTRAINT conference_moderator_speaker`);
    await db.query(`ALTER TABLE conference DROP COLUMN moderator_speaker_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE conference ADD COLUMN moderator_speaker_id uuid`);
    await db.query(`
      ALTER TABLE conference ADD CONSTRAINT conference_moderator_speaker
      FOREIGN KEY (id, moderator_speaker_id) REFERENCES speaker (conference_id, id)`);
    await db.query(`UPDATE conference c SET moderator_speaker_id = m.speaker_id FROM programme_moderator m WHERE m.conference_id = c.id`);
    await db.query(`DROP TABLE programme_moderator`);
  }
}

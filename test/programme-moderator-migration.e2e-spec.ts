import { DataSource } from 'typeorm';
import { allMigrations } from '../apps/api/src/app.module';
import { dataSourceOptions, runMigrations } from '@dialogdag/database';
import { ProgrammeModerator1764000000500 } from '../libs/programme/src/migrations/1764000000500-programme-moderator';
import { createTestDatabase } from './support/test-app';

/** A database migrated before the programme had its own lib keeps its moderator of the day. */
describe('programme moderator migration', () => {
  it('moves conference.moderator_speaker_id into programme_moderator, and back on revert', async () => {
    const url = await createTestDatabase();
    const before = allMigrations.filter((m) => m !== ProgrammeModerator1764000000500);
    const old = await new DataSource(dataSourceOptions({ url, migrations: before, poolSize: 2 })).initialize();
    let conferenceId: string;
    let speakerId: string;
    try {
      await runMigrations(old);
      [{ id: conferenceId }] = await old.query(
        `INSERT INTO conference (slug, title, starts_at, ends_at, venue_name, capacity, registration_deadline, cancellation_deadline, created_at, updated_at)
         VALUES ('migrated', 'Migrerad', '2030-10-20T09:00+02', '2030-10-20T16:00+02', 'Folkets Hus', 10, '2030-10-06T00:00+02', '2030-10-06T00:00+02', now(), now())
         RETURNING id`,
      );
      [{ id: speakerId }] = await old.query(
        `INSERT INTO speaker (conference_id, name, sector, created_at, updated_at) VALUES ($1, 'Anna Svensson', 'other', now(), now()) RETURNING id`,
        [conferenceId],
      );
      await old.query(`UPDATE conference SET moderator_speaker_id = $2 WHERE id = $1`, [conferenceId, speakerId]);
    } finally {
      await old.destroy();
    }

    const current = await new DataSource(dataSourceOptions({ url, migrations: allMigrations, poolSize: 2 })).initialize();
    try {
      await runMigrations(current);
      expect(await current.query(`SELECT conference_id, speaker_id FROM programme_moderator`)).toEqual([{ conference_id: conferenceId, speaker_id: speakerId }]);
      const columns = await current.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'conference' AND column_name = 'moderator_speaker_id'`);
      expect(columns).toEqual([]);
      // The speaker who moderates cannot be deleted underneath the programme.
      await expect(current.query(`DELETE FROM speaker WHERE id = $1`, [speakerId])).rejects.toMatchObject({ code: '23503' });

      await current.undoLastMigration();
      expect(await current.query(`SELECT moderator_speaker_id FROM conference WHERE id = $1`, [conferenceId])).toEqual([{ moderator_speaker_id: speakerId }]);
    } finally {
      await current.destroy();
    }
  });
});

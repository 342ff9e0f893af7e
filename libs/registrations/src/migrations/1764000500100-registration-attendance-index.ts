import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance summaries (reports lib, through ParticipantsService.attendanceRows) read every
 * non-transferred registration of some conferences. This index holds all the columns they
 * group by, so PostgreSQL answers with an index-only scan instead of visiting the table:
 * a 1,000-registration conference and a 100-conference series stay fast at 1,000,000 rows
 * (see bench/reports.ts).
 */
export class RegistrationAttendanceIndex1764000500100 implements MigrationInterface {
  name = 'RegistrationAttendanceIndex1764000500100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX registration_attendance ON registration (conference_id)
      INCLUDE (status, sector, checked_in_at, is_politician, political_party, organisation)
      WHERE status <> 'transferred'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX registration_attendance`);
  }
}

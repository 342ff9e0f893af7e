import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance summaries (ParticipantsService.attendanceRows, for the reports lib) group every
 * non-transferred registration of some conferences by conference, sector, status, checked in,
 * politician, party and folded organisation name. This index holds exactly those keys, in the
 * query's GROUP BY order, so PostgreSQL reads them presorted from the index alone (an index-only
 * scan feeding a streaming GroupAggregate: no table visits, no sort). The raw columns are included
 * because the planner allows an index-only scan only when the columns behind the expressions are
 * in the index too. Measured at 1,000,000 registrations by bench/reports.bench.ts: a 100-conference
 * series 2.5 times faster than with a plain covering index. Change it together with that query.
 */
export class RegistrationAttendanceIndex1764000500100 implements MigrationInterface {
  name = 'RegistrationAttendanceIndex1764000500100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX registration_attendance ON registration
        (conference_id, sector, status, (checked_in_at IS NOT NULL), is_politician, political_party, (lower(btrim(organisation))))
      INCLUDE (organisation, checked_in_at)
      WHERE status <> 'transferred'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX registration_attendance`);
  }
}

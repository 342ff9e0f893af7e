import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a registration's personal data was anonymised. The partial index serves the retention job: it finds the
 * conferences that still have personal data (a loose scan, one index probe per conference) and takes their
 * registrations in batches, without reading the ones already done.
 */
export class RegistrationAnonymisedAt1764000820001 implements MigrationInterface {
  name = 'RegistrationAnonymisedAt1764000820001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE registration ADD COLUMN anonymised_at timestamptz`);
    await db.query(`CREATE INDEX registration_not_anonymised ON registration (conference_id, id) WHERE anonymised_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX registration_not_anonymised`);
    await db.query(`ALTER TABLE registration DROP COLUMN anonymised_at`);
  }
}

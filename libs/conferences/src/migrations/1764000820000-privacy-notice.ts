import { MigrationInterface, QueryRunner } from 'typeorm';

/** A conference's own privacy notice for its participants (plain text); null shows the default one. */
export class PrivacyNotice1764000820000 implements MigrationInterface {
  name = 'PrivacyNotice1764000820000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE conference ADD COLUMN privacy_notice text CHECK (length(privacy_notice) <= 20000)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE conference DROP COLUMN privacy_notice`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Platform administrators create organiser accounts. On an existing database the first organiser (ADMIN_EMAIL's,
 * or the demo one) and the demo organiser become administrators, as a fresh start makes them.
 */
export class PlatformAdmin1764000800010 implements MigrationInterface {
  name = 'PlatformAdmin1764000800010';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE organiser ADD COLUMN is_platform_admin boolean NOT NULL DEFAULT false`);
    await db.query(`
      UPDATE organiser SET is_platform_admin = true
      WHERE id = (SELECT id FROM organiser ORDER BY created_at, id LIMIT 1) OR lower(email) = 'demo@dialogdag.local'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE organiser DROP COLUMN is_platform_admin`);
  }
}

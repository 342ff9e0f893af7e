import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fixed-window counters for throttling (public requests, log-in attempts), shared by every instance.
 * Unlogged: a counter lost in a crash costs nothing, and every hit is a write.
 */
export class RateCounter1764000700000 implements MigrationInterface {
  name = 'RateCounter1764000700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE UNLOGGED TABLE rate_counter (
        bucket text NOT NULL,
        window_start timestamptz NOT NULL,
        hits integer NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (bucket, window_start)
      )`);
    await db.query(`CREATE INDEX rate_counter_expires ON rate_counter (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rate_counter`);
  }
}

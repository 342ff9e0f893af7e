import { MigrationInterface, QueryRunner } from 'typeorm';

/** The rest of the reimbursement policy: public transport, lost earnings and a fixed fee (arvode). */
export class TravelPolicy1764000000100 implements MigrationInterface {
  name = 'TravelPolicy1764000000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE conference
        ADD COLUMN travel_public_transport_at_cost boolean NOT NULL DEFAULT true,
        ADD COLUMN travel_lost_earnings_allowed boolean NOT NULL DEFAULT false,
        ADD COLUMN travel_lost_earnings_cap int NOT NULL DEFAULT 0 CHECK (travel_lost_earnings_cap >= 0),
        ADD COLUMN travel_fixed_fee int NOT NULL DEFAULT 0 CHECK (travel_fixed_fee >= 0)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE conference
        DROP COLUMN travel_public_transport_at_cost,
        DROP COLUMN travel_lost_earnings_allowed,
        DROP COLUMN travel_lost_earnings_cap,
        DROP COLUMN travel_fixed_fee`);
  }
}

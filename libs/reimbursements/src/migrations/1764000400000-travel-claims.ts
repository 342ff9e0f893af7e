import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Travel claims. One row in travel_claim_person per person in a journey (the claimant and each
 * passenger), keyed by registration: nobody claims twice or rides in two claimed cars, also
 * when requests race. Amounts are integer öre; the computed parts are kept as the claimant saw
 * them. Payee details are AES-256-GCM ciphertext; receipts are vouchers and stay.
 */
export class TravelClaims1764000400000 implements MigrationInterface {
  name = 'TravelClaims1764000400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE travel_claim_number`);
    await db.query(`
      CREATE TABLE travel_claim (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number bigint NOT NULL UNIQUE DEFAULT nextval('travel_claim_number'),
        conference_id uuid NOT NULL REFERENCES conference(id),
        registration_id uuid NOT NULL REFERENCES registration(id),
        status text NOT NULL CHECK (status IN ('submitted', 'approved', 'adjusted', 'rejected', 'withdrawn')),
        mode text NOT NULL CHECK (mode IN ('car', 'public_transport')),
        from_place text NOT NULL CHECK (length(from_place) BETWEEN 1 AND 200),
        round_trip_km numeric(7, 1) NOT NULL CHECK (round_trip_km > 0),
        ticket_cost int CHECK (ticket_cost >= 0),
        lost_earnings int NOT NULL DEFAULT 0 CHECK (lost_earnings >= 0),
        lost_earnings_description text,
        rate_per_km int NOT NULL CHECK (rate_per_km >= 0),
        travel_amount int NOT NULL CHECK (travel_amount >= 0),
        lost_earnings_amount int NOT NULL CHECK (lost_earnings_amount >= 0),
        fixed_fee_amount int NOT NULL CHECK (fixed_fee_amount >= 0),
        computed_amount int NOT NULL,
        approved_amount int CHECK (approved_amount >= 0),
        decision_reason text,
        decided_at timestamptz,
        decided_by uuid,
        paid_on date,
        paid_at timestamptz,
        paid_by uuid,
        payee_name text,
        payee_details bytea,
        payee_key_id text,
        payee_given_at timestamptz,
        payee_erased_at timestamptz,
        submitted_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        CONSTRAINT travel_claim_total CHECK (computed_amount = travel_amount + lost_earnings_amount + fixed_fee_amount),
        CONSTRAINT travel_claim_approved_amount CHECK ((status IN ('approved', 'adjusted')) = (approved_amount IS NOT NULL)),
        CONSTRAINT travel_claim_paid_when_approved CHECK (paid_on IS NULL OR (status IN ('approved', 'adjusted') AND payee_name IS NOT NULL)),
        CONSTRAINT travel_claim_payee_key CHECK ((payee_details IS NULL) = (payee_key_id IS NULL))
      )`);
    await db.query(`CREATE INDEX travel_claim_conference ON travel_claim (conference_id)`);
    await db.query(`CREATE INDEX travel_claim_registration ON travel_claim (registration_id)`);
    await db.query(`CREATE INDEX travel_claim_erasable ON travel_claim (paid_on) WHERE payee_details IS NOT NULL`);
    await db.query(`
      CREATE TABLE travel_claim_person (
        registration_id uuid PRIMARY KEY REFERENCES registration(id),
        claim_id uuid NOT NULL REFERENCES travel_claim(id) ON DELETE CASCADE,
        conference_id uuid NOT NULL REFERENCES conference(id),
        role text NOT NULL CHECK (role IN ('claimant', 'passenger'))
      )`);
    await db.query(`CREATE INDEX travel_claim_person_claim ON travel_claim_person (claim_id)`);
    await db.query(`
      CREATE TABLE travel_claim_receipt (
        claim_id uuid PRIMARY KEY REFERENCES travel_claim(id) ON DELETE CASCADE,
        content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        byte_size int NOT NULL CHECK (byte_size BETWEEN 1 AND 5242880),
        content bytea NOT NULL,
        uploaded_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE TABLE reimbursement_secret (name text PRIMARY KEY, value text NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE reimbursement_secret`);
    await db.query(`DROP TABLE travel_claim_receipt`);
    await db.query(`DROP TABLE travel_claim_person`);
    await db.query(`DROP TABLE travel_claim`);
    await db.query(`DROP SEQUENCE travel_claim_number`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Check-in codes (the QR code at the door, never the personal-link token), and book tables:
 * a per-conference limit and the organisations' requests. The limit on approvals is enforced
 * here, by a trigger that counts under a lock on the conference's settings row, whatever
 * the path that approves.
 */
export class CheckInCodesBookTables1764100000300 implements MigrationInterface {
  name = 'CheckInCodesBookTables1764100000300';

  async up(db: QueryRunner): Promise<void> {
    // Existing rows, and rows written by any other path, get a random code in the same alphabet
    // (hex digits are part of it); the app writes codes of the full alphabet.
    await db.query(`ALTER TABLE registration ADD COLUMN check_in_code text NOT NULL DEFAULT upper(substr(md5(random()::text || clock_timestamp()::text), 1, 12))`);
    await db.query(`CREATE UNIQUE INDEX registration_check_in_code ON registration (check_in_code)`);

    await db.query(`
      CREATE TABLE registration_settings (
        conference_id uuid PRIMARY KEY REFERENCES conference(id) ON DELETE CASCADE,
        book_table_limit int NOT NULL DEFAULT 0 CHECK (book_table_limit >= 0)
      )`);
    await db.query(`
      CREATE TABLE book_table_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        registration_id uuid NOT NULL UNIQUE REFERENCES registration(id) ON DELETE CASCADE,
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 300),
        status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'declined', 'withdrawn')),
        decided_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX book_table_request_conference ON book_table_request (conference_id, status)`);

    // Approvals of one conference queue on its settings row; the count then sees every committed approval.
    await db.query(`
      CREATE FUNCTION book_table_within_limit() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        allowed int;
        approved int;
      BEGIN
        IF NEW.status = 'approved' AND (TG_OP = 'INSERT' OR OLD.status <> 'approved') THEN
          SELECT book_table_limit INTO allowed FROM registration_settings WHERE conference_id = NEW.conference_id FOR UPDATE;
          SELECT count(*) INTO approved FROM book_table_request
           WHERE conference_id = NEW.conference_id AND status = 'approved' AND id <> NEW.id;
          IF approved >= coalesce(allowed, 0) THEN
            RAISE EXCEPTION 'book table limit % reached', coalesce(allowed, 0)
              USING ERRCODE = 'check_violation', CONSTRAINT = 'book_table_limit_reached';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER book_table_within_limit BEFORE INSERT OR UPDATE OF status ON book_table_request
      FOR EACH ROW EXECUTE FUNCTION book_table_within_limit()`);
    await db.query(`
      CREATE FUNCTION book_table_limit_covers_approved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT count(*) FROM book_table_request WHERE conference_id = NEW.conference_id AND status = 'approved') > NEW.book_table_limit THEN
          RAISE EXCEPTION 'book table limit below approved'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'book_table_limit_below_approved';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER book_table_limit_covers_approved BEFORE UPDATE OF book_table_limit ON registration_settings
      FOR EACH ROW EXECUTE FUNCTION book_table_limit_covers_approved()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE book_table_request`);
    await db.query(`DROP FUNCTION book_table_within_limit`);
    await db.query(`DROP TABLE registration_settings`);
    await db.query(`DROP FUNCTION book_table_limit_covers_approved`);
    await db.query(`DROP INDEX registration_check_in_code`);
    await db.query(`ALTER TABLE registration DROP COLUMN check_in_code`);
  }
}

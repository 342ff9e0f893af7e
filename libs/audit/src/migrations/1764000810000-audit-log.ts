import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: one row per organiser action, append-only. No foreign keys on purpose: an entry must outlive the
 * conference or account it names, and a cascade would be a delete. Rows go only through the retention purge
 * (audit_purge_before), the one place that opens the trigger's door, for the length of its own statement.
 */
export class AuditLog1764000810000 implements MigrationInterface {
  name = 'AuditLog1764000810000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_entry (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        organiser_id uuid,
        -- As it was at the time, so the entry says who after the account is renamed or gone.
        organiser_email text NOT NULL,
        conference_id uuid,
        action text NOT NULL CHECK (length(action) <= 300),
        method text NOT NULL CHECK (method IN ('POST', 'PUT', 'PATCH', 'DELETE')),
        route text NOT NULL CHECK (length(route) <= 300),
        target jsonb NOT NULL DEFAULT '{}'::jsonb,
        changes jsonb,
        status int NOT NULL CHECK (status BETWEEN 100 AND 599),
        via text NOT NULL CHECK (via IN ('session', 'token'))
      )`);
    await db.query(`CREATE INDEX audit_entry_conference ON audit_entry (conference_id, at DESC, id DESC)`);
    // The retention purge scans by age across conferences.
    await db.query(`CREATE INDEX audit_entry_at ON audit_entry (at)`);
    await db.query(`
      CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('dialogdag.audit_purge', true) = 'on' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege', HINT = 'Entries leave only through audit_purge_before(cutoff).';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
        FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change()`);
    await db.query(`
      CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
        FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change()`);
    // set_config(..., true) is transaction-local: the door closes again when the caller's statement or transaction ends.
    await db.query(`
      CREATE FUNCTION audit_purge_before(cutoff timestamptz) RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE purged bigint;
      BEGIN
        PERFORM set_config('dialogdag.audit_purge', 'on', true);
        DELETE FROM audit_entry WHERE at < cutoff;
        GET DIAGNOSTICS purged = ROW_COUNT;
        PERFORM set_config('dialogdag.audit_purge', 'off', true);
        RETURN purged;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_entry`);
    await db.query(`DROP FUNCTION audit_purge_before(timestamptz)`);
    await db.query(`DROP FUNCTION audit_entry_refuse_change()`);
  }
}

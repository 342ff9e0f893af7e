import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditedMethod, AuditVia } from './recording/audit.rules';

export interface NewAuditEntry {
  at: Date;
  organiserId: string | null;
  organiserEmail: string;
  conferenceId: string | null;
  action: string;
  method: AuditedMethod;
  route: string;
  target: Record<string, unknown>;
  changes: unknown;
  status: number;
  via: AuditVia;
}

export interface AuditEntry extends NewAuditEntry {
  /** A bigint, as text. */
  id: string;
}

export interface AuditPageQuery {
  limit?: number;
  offset?: number;
  action?: string;
}

export const AUDIT_PAGE_MAX = 500;
export const AUDIT_PAGE_DEFAULT = 50;

const COLUMNS = `id::text AS id, at, organiser_id AS "organiserId", organiser_email AS "organiserEmail", conference_id AS "conferenceId",
  action, method, route, target, changes, status, via`;

/**
 * The audit log: entries are added and read here, and leave only through the retention purge. The table refuses
 * UPDATE and DELETE itself (a trigger), so no code path, here or elsewhere, can rewrite history by mistake.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(entry: NewAuditEntry, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_entry (at, organiser_id, organiser_email, conference_id, action, method, route, target, changes, status, via)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        entry.at, entry.organiserId, entry.organiserEmail, entry.conferenceId, entry.action, entry.method, entry.route,
        JSON.stringify(entry.target), entry.changes === undefined ? null : JSON.stringify(entry.changes), entry.status, entry.via,
      ],
    );
  }

  /** A conference's entries, newest first. */
  async list(conferenceId: string, query: AuditPageQuery = {}): Promise<{ items: AuditEntry[]; total: number }> {
    // Callers validate; clamped again so no caller can send PostgreSQL a negative or huge page.
    const limit = Math.max(1, Math.min(Math.trunc(query.limit ?? AUDIT_PAGE_DEFAULT) || AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX));
    const offset = Math.max(0, Math.min(Math.trunc(query.offset ?? 0) || 0, 1_000_000_000));
    const action = query.action || null;
    const where = `conference_id = $1 AND ($2::text IS NULL OR action = $2)`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM audit_entry WHERE ${where}`, [conferenceId, action]);
    const items: AuditEntry[] = await this.db.query(
      `SELECT ${COLUMNS} FROM audit_entry WHERE ${where} ORDER BY at DESC, audit_entry.id DESC LIMIT $3 OFFSET $4`,
      [conferenceId, action, limit, offset],
    );
    return { items, total };
  }

  /** The actions a conference's log holds, for filtering by one. */
  async actions(conferenceId: string): Promise<string[]> {
    const rows: Array<{ action: string }> = await this.db.query(
      `SELECT DISTINCT action FROM audit_entry WHERE conference_id = $1 ORDER BY action`,
      [conferenceId],
    );
    return rows.map((row) => row.action);
  }

  /**
   * Deletes the entries recorded before `cutoff`; returns how many. The one way out of the log: the SQL function
   * opens the table's trigger for its own statement only.
   */
  async purgeBefore(cutoff: Date, manager: EntityManager = this.db.manager): Promise<number> {
    const [{ purged }] = await manager.query(`SELECT audit_purge_before($1) AS purged`, [cutoff]);
    return Number(purged);
  }
}

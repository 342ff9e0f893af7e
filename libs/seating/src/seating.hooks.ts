import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RegistrationExtensions } from '@dialogdag/registrations';

/**
 * Keeps the placement in step with registrations, inside their transactions:
 * a colleague who takes over a seat takes over the chair at the table (and any
 * fixing or request); a cancelled registration leaves its chair. Each person's
 * table also shows wherever registrations list people.
 */
@Injectable()
export class SeatingHooks implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly extensions: RegistrationExtensions,
  ) {}

  onModuleInit(): void {
    this.extensions.onTransferred((manager, fromId, toId) => this.transferred(manager, fromId, toId));
    this.extensions.onCancelled((manager, registrationId) => this.cancelled(manager, registrationId));
    this.extensions.addAnnotation({
      key: 'table',
      label: { sv: 'Bord', en: 'Table' },
      values: (conferenceId, registrationIds) => this.tableNames(conferenceId, registrationIds),
    });
  }

  async transferred(manager: EntityManager, fromId: string, toId: string): Promise<void> {
    await manager.query(`UPDATE seating_seat SET registration_id = $2 WHERE registration_id = $1`, [fromId, toId]);
    await manager.query(`UPDATE seating_fixed SET registration_id = $2 WHERE registration_id = $1`, [fromId, toId]);
    await manager.query(`UPDATE seating_request SET first_id = $2 WHERE first_id = $1`, [fromId, toId]);
    await manager.query(`UPDATE seating_request SET second_id = $2 WHERE second_id = $1`, [fromId, toId]);
  }

  async cancelled(manager: EntityManager, registrationId: string): Promise<void> {
    await manager.query(`DELETE FROM seating_seat WHERE registration_id = $1`, [registrationId]);
    await manager.query(`DELETE FROM seating_fixed WHERE registration_id = $1`, [registrationId]);
    await manager.query(`DELETE FROM seating_request WHERE first_id = $1 OR second_id = $1`, [registrationId]);
  }

  async tableNames(conferenceId: string, registrationIds?: string[]): Promise<Map<string, string>> {
    const rows: Array<{ registrationId: string; name: string }> = await this.db.query(
      `SELECT s.registration_id AS "registrationId", t.name
         FROM seating_seat s JOIN seating_table t ON t.id = s.table_id
        WHERE s.conference_id = $1 AND ($2::uuid[] IS NULL OR s.registration_id = ANY($2::uuid[]))`,
      [conferenceId, registrationIds ?? null],
    );
    return new Map(rows.map((r) => [r.registrationId, r.name]));
  }
}

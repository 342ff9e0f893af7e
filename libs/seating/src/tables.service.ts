import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ConferencesService } from '@dialogdag/conferences';
import { Clock } from '@dialogdag/shared';
import { ReplaceTablesDto, TableInputDto, TableView, UpdateTableDto } from './seating.dto';
import { SeatingFixedRow, SeatingTableRow } from './seating.entities';
import { duplicateTableName, fixedOverSeats, tableNameTaken, tableNotFound } from './seating.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Table names are compared as the unique index does: case and surrounding space aside. */
export const tableNameKey = (name: string) => name.trim().toLowerCase();
const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === '23505';

/** The tables of a conference. Every change takes the conference's seating lock, as placement runs do. */
@Injectable()
export class TablesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
  ) {}

  async list(organiserId: string, conferenceId: string): Promise<TableView[]> {
    await this.conferences.assertManages(organiserId, conferenceId);
    return this.views(this.db.manager, conferenceId);
  }

  async views(manager: EntityManager, conferenceId: string): Promise<TableView[]> {
    const tables = await this.rows(manager, conferenceId);
    const fixed = await manager.getRepository(SeatingFixedRow).find({ where: { conferenceId }, order: { registrationId: 'ASC' } });
    return tables.map((t) => ({
      id: t.id,
      name: t.name,
      seats: t.seats,
      reserved: t.reserved,
      position: t.position,
      fixedRegistrationIds: fixed.filter((f) => f.tableId === t.id).map((f) => f.registrationId),
    }));
  }

  rows(manager: EntityManager, conferenceId: string): Promise<SeatingTableRow[]> {
    return manager.getRepository(SeatingTableRow).find({ where: { conferenceId }, order: { position: 'ASC', id: 'ASC' } });
  }

  /** Replaces the set; a table whose name is kept keeps its id, its seated and its fixed people. */
  async replace(organiserId: string, conferenceId: string, dto: ReplaceTablesDto): Promise<TableView[]> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const seen = new Set<string>();
    dto.tables.forEach((t, i) => {
      const key = tableNameKey(t.name);
      if (seen.has(key)) throw duplicateTableName(t.name.trim(), `tables.${i}.name`);
      seen.add(key);
    });
    return this.locked(conferenceId, async (manager) => {
      const existing = new Map((await this.rows(manager, conferenceId)).map((t) => [tableNameKey(t.name), t]));
      const repo = manager.getRepository(SeatingTableRow);
      for (const t of existing.values()) if (!seen.has(tableNameKey(t.name))) await repo.delete({ id: t.id });
      for (const [position, input] of dto.tables.entries()) {
        const kept = existing.get(tableNameKey(input.name));
        if (kept) {
          await this.assertFixedFit(manager, kept, input.seats);
          await repo.update({ id: kept.id }, { name: input.name.trim(), seats: input.seats, reserved: input.reserved ?? false, position });
        } else await repo.insert(this.newRow(conferenceId, input, position));
      }
      return this.views(manager, conferenceId);
    });
  }

  async add(organiserId: string, conferenceId: string, inputs: TableInputDto[]): Promise<TableView[]> {
    await this.conferences.assertManages(organiserId, conferenceId);
    return this.locked(conferenceId, async (manager) => {
      const rows = await this.rows(manager, conferenceId);
      const taken = new Set(rows.map((t) => tableNameKey(t.name)));
      let position = rows.reduce((max, t) => Math.max(max, t.position + 1), 0);
      const added: string[] = [];
      for (const input of inputs) {
        if (taken.has(tableNameKey(input.name))) throw tableNameTaken(input.name.trim());
        taken.add(tableNameKey(input.name));
        const row = this.newRow(conferenceId, input, position++);
        await manager.getRepository(SeatingTableRow).insert(row);
        added.push(row.id);
      }
      return (await this.views(manager, conferenceId)).filter((v) => added.includes(v.id));
    });
  }

  async update(organiserId: string, conferenceId: string, tableId: string, dto: UpdateTableDto): Promise<TableView> {
    await this.conferences.assertManages(organiserId, conferenceId);
    return this.locked(conferenceId, async (manager) => {
      const table = await this.find(manager, conferenceId, tableId);
      if (dto.seats !== undefined) await this.assertFixedFit(manager, table, dto.seats);
      const changes = { ...(dto.name !== undefined ? { name: dto.name.trim() } : {}), ...(dto.seats !== undefined ? { seats: dto.seats } : {}), ...(dto.reserved !== undefined ? { reserved: dto.reserved } : {}) };
      try {
        // An empty change is no change (TypeORM refuses an UPDATE without values).
        if (Object.keys(changes).length > 0) await manager.getRepository(SeatingTableRow).update({ id: table.id }, changes);
      } catch (error) {
        if (isUniqueViolation(error)) throw tableNameTaken(dto.name!.trim());
        throw error;
      }
      return (await this.views(manager, conferenceId)).find((v) => v.id === table.id)!;
    });
  }

  /** Removes a table; its seated and fixed people go with it (they are placed again by the next run). */
  async remove(organiserId: string, conferenceId: string, tableId: string): Promise<void> {
    await this.conferences.assertManages(organiserId, conferenceId);
    await this.locked(conferenceId, async (manager) => {
      const table = await this.find(manager, conferenceId, tableId);
      await manager.getRepository(SeatingTableRow).delete({ id: table.id });
    });
  }

  async find(manager: EntityManager, conferenceId: string, tableId: string): Promise<SeatingTableRow> {
    if (!UUID.test(tableId)) throw tableNotFound();
    const table = await manager.getRepository(SeatingTableRow).findOne({ where: { id: tableId, conferenceId } });
    if (!table) throw tableNotFound();
    return table;
  }

  /** Runs `work` holding the conference's seating lock (a row of seating_plan), shared by every seating change. */
  async locked<T>(conferenceId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(async (manager) => {
      await manager.query(`INSERT INTO seating_plan (conference_id) VALUES ($1) ON CONFLICT DO NOTHING`, [conferenceId]);
      await manager.query(`SELECT 1 FROM seating_plan WHERE conference_id = $1 FOR UPDATE`, [conferenceId]);
      return work(manager);
    });
  }

  private newRow(conferenceId: string, input: TableInputDto, position: number): SeatingTableRow {
    return Object.assign(new SeatingTableRow(), {
      id: randomUUID(),
      conferenceId,
      name: input.name.trim(),
      seats: input.seats,
      reserved: input.reserved ?? false,
      position,
      createdAt: this.clock.now(),
    });
  }

  private async assertFixedFit(manager: EntityManager, table: SeatingTableRow, seats: number): Promise<void> {
    const fixed = await manager.getRepository(SeatingFixedRow).count({ where: { tableId: table.id } });
    if (fixed > seats) throw fixedOverSeats(table.name, fixed, seats);
  }
}

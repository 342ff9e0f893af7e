import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ConferencesService } from '@dialogdag/conferences';
import { Participant, ParticipantsService } from '@dialogdag/registrations';
import { SpeakersService } from '@dialogdag/speakers';
import { Clock, Language } from '@dialogdag/shared';
import { evaluatePlacement, placeTables } from './algorithm';
import { PlaceByHandDto, PlacementView, SeatingRequestDto, SeatingRequestView } from './seating.dto';
import { SeatingFixedRow, SeatingPlanRow, SeatingRequestRow, SeatingSeatRow, SeatingTableRow } from './seating.entities';
import { noTables, notASeatHolder, placementRefused, requestExists, requestNotFound, samePersonTwice, tableFull, unknownPerson } from './seating.errors';
import { seatingInput, SeatingSources } from './seating.input';
import { describeProblems, TableProblem } from './seating.problems';
import { SEATING_TEXTS } from './seating.texts';
import { TablesService } from './tables.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === '23505';

/** A placement with the people's names, for pages and PDFs. */
export interface PlacementWithPeople {
  view: PlacementView;
  people: Map<string, Participant>;
  tables: SeatingTableRow[];
  /** The same findings as `view`'s problems, in the reader's language. */
  problems(lang: Language): Map<string, TableProblem[]>;
}

/** Runs, stores and changes the table placement of a conference. */
@Injectable()
export class SeatingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly participants: ParticipantsService,
    private readonly speakers: SpeakersService,
    private readonly tables: TablesService,
  ) {}

  /** Places every seat holder; a re-run keeps people where they sat unless a higher aim needs the move. */
  async run(organiserId: string, conferenceId: string): Promise<PlacementView> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const speakerEmails = (await this.speakers.list(organiserId, conferenceId)).flatMap((s) => (s.email ? [s.email] : []));
    return this.tables.locked(conferenceId, async (manager) => {
      const sources = await this.sources(manager, conferenceId, speakerEmails);
      if (sources.tables.length === 0) throw noTables();
      const started = performance.now();
      const result = placeTables(seatingInput(sources));
      const runMilliseconds = Math.round(performance.now() - started);
      if ('problem' in result) throw placementRefused(result.problem, (id) => sources.tables.find((t) => t.id === id)?.name ?? id);
      await manager.getRepository(SeatingSeatRow).delete({ conferenceId });
      const rows = result.tables.flatMap((t) => t.personIds.map((registrationId) => ({ registrationId, conferenceId, tableId: t.tableId })));
      for (let i = 0; i < rows.length; i += 1000) await manager.getRepository(SeatingSeatRow).insert(rows.slice(i, i + 1000));
      const moved = result.moved.map((m) => ({ personId: m.personId, fromTableId: m.fromTableId, toTableId: m.toTableId }));
      await manager.getRepository(SeatingPlanRow).save({ conferenceId, ranAt: this.clock.now(), metrics: { ...result.metrics, runMilliseconds }, moved });
      return (await this.placement(manager, conferenceId, speakerEmails)).view;
    });
  }

  async get(organiserId: string, conferenceId: string): Promise<PlacementWithPeople> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const speakerEmails = (await this.speakers.list(organiserId, conferenceId)).flatMap((s) => (s.email ? [s.email] : []));
    return this.placement(this.db.manager, conferenceId, speakerEmails);
  }

  /** Seats someone at a table by hand (optionally for good), then names what the move breaks at the two tables. */
  async placeByHand(organiserId: string, conferenceId: string, dto: PlaceByHandDto): Promise<PlacementView> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const speakerEmails = (await this.speakers.list(organiserId, conferenceId)).flatMap((s) => (s.email ? [s.email] : []));
    return this.tables.locked(conferenceId, async (manager) => {
      const person = await this.seatHolder(conferenceId, dto.registrationId, 'registrationId');
      const table = await this.tables.find(manager, conferenceId, dto.tableId);
      const seats = manager.getRepository(SeatingSeatRow);
      const before = await seats.findOne({ where: { registrationId: person.id } });
      const occupied = await seats.count({ where: { tableId: table.id } });
      if (before?.tableId !== table.id && occupied >= table.seats) throw tableFull(table.name, table.seats);
      await seats.save({ registrationId: person.id, conferenceId, tableId: table.id });
      // A reserved table holds only people placed there by hand.
      if (dto.fix || table.reserved) await manager.getRepository(SeatingFixedRow).save({ registrationId: person.id, conferenceId, tableId: table.id });
      else await manager.getRepository(SeatingFixedRow).delete({ registrationId: person.id });
      const { view } = await this.placement(manager, conferenceId, speakerEmails);
      const involved = new Set([table.id, before?.tableId]);
      view.breaches = view.tables.filter((t) => involved.has(t.id)).flatMap((t) => t.problems);
      return view;
    });
  }

  /** Lets the placement move someone again. */
  async release(organiserId: string, conferenceId: string, registrationId: string): Promise<void> {
    await this.conferences.assertManages(organiserId, conferenceId);
    await this.tables.locked(conferenceId, async (manager) => {
      if (UUID.test(registrationId)) await manager.getRepository(SeatingFixedRow).delete({ registrationId, conferenceId });
    });
  }

  async requests(organiserId: string, conferenceId: string): Promise<SeatingRequestView[]> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const rows = await this.db.getRepository(SeatingRequestRow).find({ where: { conferenceId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((r) => ({ id: r.id, kind: r.kind, registrationIds: [r.firstId, r.secondId] }));
  }

  async addRequest(organiserId: string, conferenceId: string, dto: SeatingRequestDto): Promise<SeatingRequestView> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const [first, second] = dto.registrationIds;
    if (first === second) throw samePersonTwice();
    await this.seatHolder(conferenceId, first, 'registrationIds');
    await this.seatHolder(conferenceId, second, 'registrationIds');
    try {
      const row = await this.db.getRepository(SeatingRequestRow).save({ conferenceId, kind: dto.kind, firstId: first, secondId: second, createdAt: this.clock.now() });
      return { id: row.id, kind: row.kind, registrationIds: [first, second] };
    } catch (error) {
      if (isUniqueViolation(error)) throw requestExists();
      throw error;
    }
  }

  async removeRequest(organiserId: string, conferenceId: string, requestId: string): Promise<void> {
    await this.conferences.assertManages(organiserId, conferenceId);
    if (!UUID.test(requestId)) throw requestNotFound();
    const { affected } = await this.db.getRepository(SeatingRequestRow).delete({ id: requestId, conferenceId });
    if (!affected) throw requestNotFound();
  }

  private async seatHolder(conferenceId: string, registrationId: string, field: string): Promise<Participant> {
    const [person] = await this.participants.list(conferenceId, { ids: [registrationId] });
    if (!person) throw unknownPerson(field);
    if (person.status !== 'confirmed') throw notASeatHolder(field, person.name, person.status);
    return person;
  }

  private async sources(manager: EntityManager, conferenceId: string, speakerEmails: string[]): Promise<Omit<SeatingSources, 'tables'> & { tables: SeatingTableRow[] }> {
    // One after another: the queries share the transaction's connection, which runs one query at a time.
    const tables = await this.tables.rows(manager, conferenceId);
    const people = await this.participants.seatHolders(conferenceId);
    const fixed = await manager.getRepository(SeatingFixedRow).find({ where: { conferenceId } });
    const seats = await manager.getRepository(SeatingSeatRow).find({ where: { conferenceId } });
    const requests = await manager.getRepository(SeatingRequestRow).find({ where: { conferenceId } });
    return {
      tables,
      people,
      fixed: new Map(fixed.map((f) => [f.registrationId, f.tableId])),
      seats: new Map(seats.map((s) => [s.registrationId, s.tableId])),
      requests,
      speakerEmails,
    };
  }

  /** The stored placement judged against today's seat holders (late changes show as problems or people without a table). */
  private async placement(manager: EntityManager, conferenceId: string, speakerEmails: string[]): Promise<PlacementWithPeople> {
    const sources = await this.sources(manager, conferenceId, speakerEmails);
    const plan = await manager.getRepository(SeatingPlanRow).findOne({ where: { conferenceId } });
    const people = new Map(sources.people.map((p) => [p.id, p]));
    const seated = new Map([...sources.seats].filter(([id]) => people.has(id)));
    const evaluation = evaluatePlacement(seatingInput(sources), seated);
    const byTable = sources.tables.map((t) => ({
      id: t.id,
      name: t.name,
      seats: t.seats,
      reserved: t.reserved,
      registrationIds: [...seated].filter(([, tableId]) => tableId === t.id).map(([id]) => id).sort((a, b) => people.get(a)!.name.localeCompare(people.get(b)!.name, 'sv') || (a < b ? -1 : 1)),
    }));
    const problemsIn = (lang: Language) => describeProblems(evaluation, byTable, (id) => people.get(id)?.name ?? id, SEATING_TEXTS[lang]);
    const problems = problemsIn('en');
    const view: PlacementView = {
      tables: byTable.map((t) => ({ ...t, problems: problems.get(t.id) ?? [] })),
      metrics: { ...evaluation.metrics, peopleMoved: plan?.metrics?.peopleMoved ?? 0, runMilliseconds: plan?.metrics?.runMilliseconds },
      moved: (plan?.moved ?? []).map((m) => ({ registrationId: m.personId, fromTableId: m.fromTableId, toTableId: m.toTableId })),
      ranAt: plan?.ranAt ? plan.ranAt.toISOString() : null,
    };
    return { view, people, tables: sources.tables, problems: problemsIn };
  }
}

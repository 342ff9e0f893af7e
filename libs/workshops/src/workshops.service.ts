import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ConferencesService } from '@dialogdag/conferences';
import { ParticipantsService } from '@dialogdag/registrations';
import { SpeakersService } from '@dialogdag/speakers';
import { Clock, ValidationFailed } from '@dialogdag/shared';
import { DEFAULT_GROUP_SIZE } from './algorithm/dialogue-groups';
import { roundKeys, roundRefOf } from './domain/rounds.rules';
import { CreateWorkshopDto, DeleteWorkshopResultView, UpdateWorkshopDto, WorkshopView } from './workshop.dto';
import { Workshop, WorkshopAssignment, WorkshopInspirer } from './workshop.entity';
import { capacityBelowLocked, groupSizeInvalid, inspirerNotFound, lockedPlacesInDroppedRound, workshopInUse, workshopNotFound } from './workshop.errors';
import { WorkshopCatalogue } from './workshop-catalogue';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Workshops of a conference. Every write holds the conference's seat lock,
 * like registrations and the assignment do, so capacities and places are
 * checked against state no concurrent change can move.
 */
@Injectable()
export class WorkshopsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly speakers: SpeakersService,
    private readonly participants: ParticipantsService,
    private readonly catalogue: WorkshopCatalogue,
  ) {}

  async create(organiserId: string, conferenceId: string, dto: CreateWorkshopDto): Promise<WorkshopView> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const id = await this.db.transaction(async (manager) => {
      await this.conferences.lockSeats(manager, conferenceId);
      const rounds = await this.checkedRounds(conferenceId, dto);
      const groupSize = checkedGroupSize(dto.groupSize);
      await this.checkInspirers(manager, conferenceId, dto.inspirerIds);
      const now = this.clock.now();
      const saved = await manager.getRepository(Workshop).save({
        conferenceId,
        title: dto.title.trim(),
        theme: dto.theme.trim(),
        description: dto.description?.trim() ?? '',
        room: dto.room?.trim() || null,
        capacity: dto.capacity,
        rounds,
        groupMin: groupSize.min,
        groupMax: groupSize.max,
        createdAt: now,
        updatedAt: now,
      });
      await this.saveInspirers(manager, conferenceId, saved.id, dto.inspirerIds ?? []);
      return saved.id;
    });
    return this.view(conferenceId, id);
  }

  async list(organiserId: string, conferenceId: string): Promise<WorkshopView[]> {
    await this.conferences.assertManages(organiserId, conferenceId);
    return this.views(conferenceId);
  }

  async get(organiserId: string, conferenceId: string, workshopId: string): Promise<WorkshopView> {
    await this.conferences.assertManages(organiserId, conferenceId);
    return this.view(conferenceId, workshopId);
  }

  /**
   * A capacity below the places organisers locked in one round is refused
   * (409). Dropping a round removes the unlocked places in it (the next run
   * places those people again) and is refused while locked places are there.
   */
  async update(organiserId: string, conferenceId: string, workshopId: string, dto: UpdateWorkshopDto): Promise<WorkshopView> {
    await this.conferences.assertManages(organiserId, conferenceId);
    await this.db.transaction(async (manager) => {
      await this.conferences.lockSeats(manager, conferenceId);
      const workshop = await this.find(manager, conferenceId, workshopId);
      const roundsGiven = dto.round != null || dto.rounds != null;
      const rounds = roundsGiven ? await this.checkedRounds(conferenceId, dto) : workshop.rounds;
      const groupSize = checkedGroupSize(dto.groupSize ?? { min: workshop.groupMin, max: workshop.groupMax });
      await this.checkInspirers(manager, conferenceId, dto.inspirerIds);
      const places = await manager.getRepository(WorkshopAssignment).find({ where: { workshopId } });
      const lockedPerRound = tally(places.filter((p) => p.locked).map((p) => p.round));
      const capacity = dto.capacity ?? workshop.capacity;
      const mostLocked = Math.max(0, ...lockedPerRound.values());
      if (capacity < mostLocked) throw capacityBelowLocked(mostLocked);
      const dropped = places.filter((p) => !rounds.includes(p.round));
      if (dropped.some((p) => p.locked)) throw lockedPlacesInDroppedRound();
      if (dropped.length > 0) await manager.getRepository(WorkshopAssignment).delete({ workshopId, round: In(dropped.map((p) => p.round)) });
      if (dto.title != null) workshop.title = dto.title.trim();
      if (dto.theme != null) workshop.theme = dto.theme.trim();
      if (dto.description != null) workshop.description = dto.description.trim();
      if (dto.room !== undefined) workshop.room = dto.room?.trim() || null;
      workshop.capacity = capacity;
      workshop.rounds = rounds;
      workshop.groupMin = groupSize.min;
      workshop.groupMax = groupSize.max;
      workshop.updatedAt = this.clock.now();
      await manager.save(workshop);
      if (dto.inspirerIds) {
        await manager.getRepository(WorkshopInspirer).delete({ workshopId });
        await this.saveInspirers(manager, conferenceId, workshopId, dto.inspirerIds);
      }
    });
    return this.view(conferenceId, workshopId);
  }

  /**
   * Refused (409) while seat holders or people on the waiting list have
   * chosen the workshop or are placed in it, unless forced: then their
   * choices of it are cleared and their places removed, and the answer says how many.
   */
  async remove(organiserId: string, conferenceId: string, workshopId: string, force: boolean): Promise<DeleteWorkshopResultView> {
    await this.conferences.assertManages(organiserId, conferenceId);
    return this.db.transaction(async (manager) => {
      await this.conferences.lockSeats(manager, conferenceId);
      await this.find(manager, conferenceId, workshopId);
      const active = await this.participants.list(conferenceId, { statuses: ['confirmed', 'waitlisted'] });
      const chosenBy = active.filter((p) => p.workshopPreferences.includes(workshopId)).length;
      const assigned = await manager.getRepository(WorkshopAssignment).count({ where: { workshopId } });
      if ((chosenBy > 0 || assigned > 0) && !force) throw workshopInUse(chosenBy, assigned);
      const clearedPreferences = chosenBy > 0 || force ? await this.participants.dropWorkshopPreference(manager, conferenceId, workshopId) : 0;
      await manager.getRepository(Workshop).delete({ id: workshopId, conferenceId });
      return { deleted: true, clearedPreferences, removedAssignments: assigned };
    });
  }

  /** Views of every workshop of a conference, with how many chose it and how many are placed. */
  async views(conferenceId: string): Promise<WorkshopView[]> {
    const { workshops } = await this.catalogue.load(conferenceId);
    return this.toViews(conferenceId, workshops);
  }

  private async view(conferenceId: string, workshopId: string): Promise<WorkshopView> {
    return (await this.toViews(conferenceId, [await this.find(this.db.manager, conferenceId, workshopId)]))[0];
  }

  private async toViews(conferenceId: string, workshops: Workshop[]): Promise<WorkshopView[]> {
    const ids = workshops.map((w) => w.id);
    const inspirers = await this.catalogue.inspirers(conferenceId, ids);
    const seatHolders = await this.participants.seatHolders(conferenceId);
    const holding = new Set(seatHolders.map((p) => p.id));
    const places = ids.length ? await this.db.getRepository(WorkshopAssignment).find({ where: { workshopId: In(ids) } }) : [];
    return workshops.map((w) => ({
      id: w.id,
      conferenceId: w.conferenceId,
      title: w.title,
      theme: w.theme,
      description: w.description,
      room: w.room,
      capacity: w.capacity,
      round: roundRefOf(w.rounds[0]),
      rounds: w.rounds.map(roundRefOf),
      groupSize: { min: w.groupMin, max: w.groupMax },
      inspirers: inspirers.get(w.id) ?? [],
      chosenBy: seatHolders.filter((p) => p.workshopPreferences.includes(w.id)).length,
      assigned: places.filter((p) => p.workshopId === w.id && holding.has(p.registrationId)).length,
    }));
  }

  private async find(manager: EntityManager, conferenceId: string, workshopId: string): Promise<Workshop> {
    if (!UUID.test(workshopId)) throw workshopNotFound();
    const workshop = await manager.getRepository(Workshop).findOne({ where: { id: workshopId, conferenceId } });
    if (!workshop) throw workshopNotFound();
    return workshop;
  }

  private async checkedRounds(conferenceId: string, dto: { round?: unknown; rounds?: unknown }): Promise<string[]> {
    const { keys, problems } = roundKeys(dto, await this.catalogue.blocks(conferenceId));
    if (problems.length > 0) throw new ValidationFailed(problems);
    return keys;
  }

  private async checkInspirers(manager: EntityManager, conferenceId: string, ids: string[] | undefined): Promise<void> {
    if (!ids || ids.length === 0) return;
    const found = new Set((await this.speakers.summaries(manager, conferenceId, ids)).map((s) => s.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw inspirerNotFound(missing);
  }

  private async saveInspirers(manager: EntityManager, conferenceId: string, workshopId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.getRepository(WorkshopInspirer).insert(ids.map((speakerId, position) => ({ workshopId, conferenceId, speakerId, position })));
  }
}

function checkedGroupSize(size: { min: number; max: number } | undefined): { min: number; max: number } {
  const result = size ?? DEFAULT_GROUP_SIZE;
  if (result.min > result.max) throw groupSizeInvalid();
  return result;
}

function tally(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}


import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxDispatcher } from '@dialogdag/mail';
import { Clock } from '@dialogdag/shared';
import { applyUpdate, optionalTime, time, travelColumns } from './conference.changes';
import {
  capacityBelowSeatsHeld,
  conferenceNotFound,
  invalidSchedule,
  publishedConferenceNotFound,
  slugTaken,
} from './conference.errors';
import { CreateConferenceDto, UpdateConferenceDto } from './conference.dto';
import { Conference, ConferenceOrganiser } from './conference.entity';
import { capacityRefused, scheduleProblems } from './conference.rules';

/** Called inside the transaction that raised a conference's capacity (e.g. to promote from the waiting list). */
export type CapacityIncreasedListener = (manager: EntityManager, conferenceId: string) => Promise<void>;
/** Called inside the transaction that moved a conference's start or end; may refuse the change by throwing. */
export type ScheduleChangedListener = (manager: EntityManager, conference: Conference, before: { startsAt: Date; endsAt: Date }) => Promise<void>;
/** Called inside the transaction that first publishes a conference. */
export type PublishedListener = (manager: EntityManager, conferenceId: string) => Promise<void>;

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === '23505';

@Injectable()
export class ConferencesService {
  private readonly capacityListeners: CapacityIncreasedListener[] = [];
  private readonly scheduleListeners: ScheduleChangedListener[] = [];
  private readonly publishedListeners: PublishedListener[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  onCapacityIncreased(listener: CapacityIncreasedListener): void {
    this.capacityListeners.push(listener);
  }

  onScheduleChanged(listener: ScheduleChangedListener): void {
    this.scheduleListeners.push(listener);
  }

  onPublished(listener: PublishedListener): void {
    this.publishedListeners.push(listener);
  }

  async create(organiserId: string, dto: CreateConferenceDto): Promise<Conference> {
    const now = this.clock.now();
    const startsAt = time(dto.startsAt);
    const registrationDeadline = dto.registrationDeadline ? time(dto.registrationDeadline, 'endOfDay') : startsAt;
    const conference = this.db.getRepository(Conference).create({
      slug: dto.slug,
      title: dto.title.trim(),
      description: dto.description ?? '',
      targetAudience: dto.targetAudience ?? '',
      arrangers: dto.arrangers ?? '',
      costNote: dto.costNote?.trim() || null,
      contactEmail: dto.contactEmail ?? null,
      privacyNotice: dto.privacyNotice?.trim() || null,
      startsAt,
      endsAt: time(dto.endsAt),
      venueName: dto.venue.name.trim(),
      venueAddress: dto.venue.address?.trim() ?? '',
      venueCity: dto.venue.city?.trim() ?? '',
      capacity: dto.capacity,
      seatsHeld: 0,
      registrationOpensAt: optionalTime(dto.registrationOpensAt, 'startOfDay'),
      registrationDeadline,
      modificationDeadline: optionalTime(dto.modificationDeadline),
      cancellationDeadline: dto.cancellationDeadline ? time(dto.cancellationDeadline, 'endOfDay') : registrationDeadline,
      cancellationFee: dto.cancellationFee ?? 0,
      ...travelColumns(dto.travelPolicy ?? null),
      status: 'draft',
      publishedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    this.assertValidSchedule(conference);
    try {
      return await this.db.transaction(async (manager) => {
        const saved = await manager.save(conference);
        await manager.insert(ConferenceOrganiser, { conferenceId: saved.id, organiserId, role: 'owner' });
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw slugTaken(dto.slug);
      throw error;
    }
  }

  async update(organiserId: string, id: string, dto: UpdateConferenceDto): Promise<Conference> {
    try {
      const updated = await this.db.transaction(async (manager) => {
        await this.assertManages(organiserId, id, manager);
        const conference = await manager
          .getRepository(Conference)
          .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!conference) throw conferenceNotFound();
        const previousCapacity = conference.capacity;
        const before = { startsAt: conference.startsAt, endsAt: conference.endsAt };
        applyUpdate(conference, dto);
        this.assertValidSchedule(conference);
        if (capacityRefused({ before: previousCapacity, after: conference.capacity, seatsHeld: conference.seatsHeld })) {
          throw capacityBelowSeatsHeld(conference.seatsHeld);
        }
        conference.updatedAt = this.clock.now();
        const saved = await manager.save(conference);
        if (saved.startsAt.getTime() !== before.startsAt.getTime() || saved.endsAt.getTime() !== before.endsAt.getTime()) {
          for (const listener of this.scheduleListeners) await listener(manager, saved, before);
        }
        if (saved.capacity > previousCapacity) {
          for (const listener of this.capacityListeners) await listener(manager, id);
        }
        return saved;
      });
      // Listeners may have enqueued mail (a promotion, a speaker's moved slot): deliver it now.
      this.dispatcher.nudge();
      return updated;
    } catch (error) {
      if (isUniqueViolation(error) && dto.slug) throw slugTaken(dto.slug);
      throw error;
    }
  }

  /** Opens the conference to the public; the first time, listeners (e.g. speaker e-mails) run in the same transaction. */
  async publish(organiserId: string, id: string): Promise<Conference> {
    await this.assertManages(organiserId, id);
    const firstTime = await this.db.transaction(async (manager) => {
      const conference = await manager.getRepository(Conference).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!conference) throw conferenceNotFound();
      if (conference.status === 'published') return false;
      const now = this.clock.now();
      await manager.update(Conference, { id }, { status: 'published', publishedAt: conference.publishedAt ?? now, updatedAt: now });
      for (const listener of this.publishedListeners) await listener(manager, id);
      return true;
    });
    if (firstTime) this.dispatcher.nudge();
    return this.get(organiserId, id);
  }

  async get(organiserId: string, id: string): Promise<Conference> {
    await this.assertManages(organiserId, id);
    const conference = await this.db.getRepository(Conference).findOneBy({ id });
    if (!conference) throw conferenceNotFound();
    return conference;
  }

  async findPublishedBySlug(slug: string): Promise<Conference> {
    const conference = await this.db.getRepository(Conference).findOneBy({ slug, status: 'published' });
    if (!conference) throw publishedConferenceNotFound();
    return conference;
  }

  /** Published conferences that have not ended, soonest first. */
  listUpcomingPublished(now: Date): Promise<Conference[]> {
    return this.db
      .getRepository(Conference)
      .createQueryBuilder('c')
      .where(`c.status = 'published' AND c.ends_at > :now`, { now })
      .orderBy('c.starts_at', 'ASC')
      .getMany();
  }

  /** Any conference by id, for services that already checked who is asking. */
  async findById(id: string, manager: EntityManager = this.db.manager): Promise<Conference> {
    const conference = await manager.getRepository(Conference).findOneBy({ id });
    if (!conference) throw conferenceNotFound();
    return conference;
  }

  /**
   * The first lock of every transaction that changes something belonging to a conference (its programme, …):
   * KEY SHARE on the conference's row. Seat counting goes on beside it; a change to the conference itself, which
   * locks the row first and may then take the dependent lib's locks in its listeners, waits or is waited for.
   * So the lock order is the same everywhere: the conference's row, then the dependent lib's locks.
   */
  async lockForDependentChange(manager: EntityManager, id: string): Promise<Conference> {
    const conference = await manager.getRepository(Conference).findOne({ where: { id }, lock: { mode: 'for_key_share' } });
    if (!conference) throw conferenceNotFound();
    return conference;
  }

  /**
   * Any role will do: the route's access declaration has already checked the permission; this second line keeps
   * services from serving an outsider. 404 rather than 403, so outsiders cannot probe which conferences exist.
   */
  async assertManages(organiserId: string, conferenceId: string, manager: EntityManager = this.db.manager): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(conferenceId)) throw conferenceNotFound();
    const found = await manager.getRepository(ConferenceOrganiser).existsBy({ conferenceId, organiserId });
    if (!found) throw conferenceNotFound();
  }

  // --- Seats. Capacity is enforced here, in the database, for the registrations lib. ---

  /** Takes a seat if one is free; the conditional UPDATE also row-locks the conference until commit. */
  async tryTakeSeat(manager: EntityManager, conferenceId: string): Promise<boolean> {
    // For UPDATE, TypeORM's postgres driver answers [rows, affectedCount].
    const [, affected] = await manager.query(
      `UPDATE conference SET seats_held = seats_held + 1 WHERE id = $1 AND seats_held < capacity`,
      [conferenceId],
    );
    return affected > 0;
  }

  /** Serialises waiting-list changes of one conference until the transaction ends. */
  async lockSeats(manager: EntityManager, conferenceId: string): Promise<{ capacity: number; seatsHeld: number }> {
    const [row] = await manager.query(
      `SELECT capacity, seats_held AS "seatsHeld" FROM conference WHERE id = $1 FOR UPDATE`,
      [conferenceId],
    );
    if (!row) throw conferenceNotFound();
    return row;
  }

  /** An organiser lets someone in although the room is full (a walk-in): the seat counts, beyond capacity. */
  async takeSeatOverCapacity(manager: EntityManager, conferenceId: string): Promise<void> {
    await manager.query(`UPDATE conference SET seats_held = seats_held + 1 WHERE id = $1`, [conferenceId]);
  }

  /**
   * Gives a seat back. Not clamped: seats_held is the one count of seat-holders, so a release it
   * cannot account for is drift, and the CHECK (seats_held >= 0) makes it fail loudly instead of hiding it.
   */
  async releaseSeat(manager: EntityManager, conferenceId: string): Promise<void> {
    await manager.query(`UPDATE conference SET seats_held = seats_held - 1 WHERE id = $1`, [conferenceId]);
  }

  /**
   * The seat lock for a batch of registrations, with the whole conference read under it (by id, or by slug
   * for a published conference; null when there is none). FOR NO KEY UPDATE waits for and holds off every
   * other seat change (lockSeats, tryTakeSeat, releaseSeat) as FOR UPDATE would, but not the KEY SHARE of
   * changes that only depend on the conference (lockForDependentChange, rows referencing it).
   */
  lockSeatsForBatch(manager: EntityManager, by: { id: string } | { publishedSlug: string }): Promise<Conference | null> {
    const where = 'id' in by ? { id: by.id } : { slug: by.publishedSlug, status: 'published' as const };
    return manager.getRepository(Conference).findOne({ where, lock: { mode: 'for_no_key_update' } });
  }

  /**
   * Seats for a batch, under lockSeatsForBatch: `withinCapacity` must fit (else this throws and the caller's
   * transaction rolls back: the caller counted without the lock); `overCapacity` are walk-ins let in beyond it.
   */
  async takeSeats(manager: EntityManager, conferenceId: string, seats: { withinCapacity: number; overCapacity: number }): Promise<void> {
    if (seats.withinCapacity + seats.overCapacity === 0) return;
    const [, affected] = await manager.query(
      `UPDATE conference SET seats_held = seats_held + $2 + $3 WHERE id = $1 AND seats_held + $2 <= capacity`,
      [conferenceId, seats.withinCapacity, seats.overCapacity],
    );
    if (affected !== 1) throw new Error(`${seats.withinCapacity} seats do not fit in conference ${conferenceId}: taken without its seat lock?`);
  }

  private assertValidSchedule(conference: Conference): void {
    const problems = scheduleProblems(conference);
    if (problems.length > 0) throw invalidSchedule(problems);
  }
}

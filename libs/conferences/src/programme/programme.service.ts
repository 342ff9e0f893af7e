import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { OutboxDispatcher } from '@dialogdag/mail';
import {
  Clock,
  DomainError,
  formatClock,
  parseConferenceTime,
  stockholmDateInput,
  toStockholmIso,
  ValidationFailed,
} from '@dialogdag/shared';
import { Conference } from '../conference.entity';
import { ConferencesService } from '../conferences.service';
import {
  CreateProgrammeItemDto,
  ItemSpeakerDto,
  ProgrammeItemView,
  ProgrammeView,
  ShiftProgrammeDto,
  UpdateProgrammeItemDto,
} from './programme.dto';
import { ProgrammeItem, ProgrammeItemSpeaker } from './programme-item.entity';
import {
  byStart,
  candidateProblems,
  describeProblem,
  DayHours,
  groupIntoSlots,
  PlannedItem,
  ProgrammeProblem,
  problemField,
  programmeProblems,
  rescheduleItems,
  shiftItems,
  Slot,
  SpeakerRole,
} from './programme.rules';

/** What the programme needs to know about a speaker; provided by the speakers lib. */
export interface SpeakerSummary {
  id: string;
  name: string;
  title: string;
  organisation: string;
}

/** The speakers lib registers itself as the directory (it depends on this lib, not the other way round). */
export interface SpeakerDirectory {
  summaries(manager: EntityManager, conferenceId: string, ids?: string[]): Promise<SpeakerSummary[]>;
}

/** Called inside the transaction that changed a published programme, with the speakers whose slots changed. */
export type ProgrammeChangedListener = (manager: EntityManager, conferenceId: string, speakerIds: string[]) => Promise<void>;

export interface ProgrammeEntrySpeaker extends SpeakerSummary {
  role: SpeakerRole;
}

export interface ProgrammeEntry {
  item: ProgrammeItem;
  speakers: ProgrammeEntrySpeaker[];
  /** Copies of the item's fields, so entries sort and group into slots directly. */
  startsAt: Date;
  endsAt: Date;
  id: string;
  room: string | null;
  title: string;
}

/** A conference's programme with dates, for pages and exports. */
export interface Programme {
  conference: Conference;
  entries: ProgrammeEntry[];
  slots: Slot<ProgrammeEntry>[];
  moderator: SpeakerSummary | null;
}

const programmeNotFound = () => new DomainError('programme_item_not_found', 'not_found', 'No such programme item in this conference.');
const isForeignKeyViolation = (error: unknown) => (error as { code?: string })?.code === '23503';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class ProgrammeService implements OnModuleInit {
  private directory: SpeakerDirectory | null = null;
  private readonly listeners: ProgrammeChangedListener[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  onModuleInit(): void {
    this.conferences.onScheduleChanged((manager, conference, before) => this.followNewHours(manager, conference, before));
  }

  /** A day moved as a whole takes its programme along; a shortened day must still hold every item. */
  private async followNewHours(manager: EntityManager, conference: Conference, before: DayHours): Promise<void> {
    await this.lockProgramme(manager, conference.id);
    const items = await this.plannedItems(manager, conference.id);
    if (items.length === 0) return;
    const { items: rescheduled, outside } = rescheduleItems(items, before, conference);
    if (outside.length > 0) {
      const [first] = outside;
      throw new DomainError(
        'programme_outside_hours',
        'conflict',
        `The programme item "${first.title}" (${formatClock(first.startsAt)}–${formatClock(first.endsAt)}) would fall outside the new hours; move or shorten it first.`,
        first.endsAt > conference.endsAt ? 'endsAt' : 'startsAt',
      );
    }
    const moved = rescheduled.filter((item, i) => item.startsAt.getTime() !== items[i].startsAt.getTime());
    for (const item of moved) {
      await manager.update(ProgrammeItem, { id: item.id }, { startsAt: item.startsAt, endsAt: item.endsAt });
    }
    if (moved.length > 0 && conference.status === 'published') {
      const speakerIds = [...new Set(moved.flatMap((item) => item.speakerIds))];
      for (const listener of this.listeners) await listener(manager, conference.id, speakerIds);
    }
  }

  useSpeakerDirectory(directory: SpeakerDirectory): void {
    this.directory = directory;
  }

  onProgrammeChanged(listener: ProgrammeChangedListener): void {
    this.listeners.push(listener);
  }

  // --- Organiser operations (each checks who is asking first: tenant isolation). ---

  async create(organiserId: string, conferenceId: string, dto: CreateProgrammeItemDto): Promise<ProgrammeItemView> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const id = randomUUID();
    await this.write(conferenceId, async (manager, conference, existing) => {
      const speakers = await this.checkSpeakers(manager, conferenceId, dto.speakers ?? []);
      const candidate: PlannedItem = {
        id,
        title: dto.title.trim(),
        kind: dto.kind,
        startsAt: programmeTime(dto.startsAt, conference, 'startsAt'),
        endsAt: programmeTime(dto.endsAt, conference, 'endsAt'),
        room: cleanRoom(dto.room),
        speakerIds: speakers.map((s) => s.speakerId),
      };
      await this.assertFits(manager, conference, candidate, existing);
      const now = this.clock.now();
      await manager.insert(ProgrammeItem, {
        id,
        conferenceId,
        startsAt: candidate.startsAt,
        endsAt: candidate.endsAt,
        kind: candidate.kind,
        title: candidate.title,
        description: dto.description?.trim() ?? '',
        room: candidate.room,
        createdAt: now,
        updatedAt: now,
      });
      await this.saveSpeakers(manager, conferenceId, id, speakers);
      return candidate.speakerIds;
    });
    return this.getItem(organiserId, conferenceId, id);
  }

  async update(organiserId: string, conferenceId: string, itemId: string, dto: UpdateProgrammeItemDto): Promise<ProgrammeItemView> {
    await this.conferences.assertManages(organiserId, conferenceId);
    if (!UUID.test(itemId)) throw programmeNotFound();
    await this.write(conferenceId, async (manager, conference, existing) => {
      const before = existing.find((i) => i.id === itemId);
      const item = await manager.getRepository(ProgrammeItem).findOneBy({ id: itemId, conferenceId });
      if (!before || !item) throw programmeNotFound();
      // null means "not given" for every field except room (null: plenary) and speakers (null: none).
      const speakers = dto.speakers !== undefined ? await this.checkSpeakers(manager, conferenceId, dto.speakers ?? []) : null;
      const candidate: PlannedItem = {
        id: itemId,
        title: dto.title != null ? dto.title.trim() : item.title,
        kind: dto.kind ?? item.kind,
        startsAt: dto.startsAt != null ? programmeTime(dto.startsAt, conference, 'startsAt') : item.startsAt,
        endsAt: dto.endsAt != null ? programmeTime(dto.endsAt, conference, 'endsAt') : item.endsAt,
        room: dto.room !== undefined ? cleanRoom(dto.room) : item.room,
        speakerIds: speakers ? speakers.map((s) => s.speakerId) : before.speakerIds,
      };
      await this.assertFits(manager, conference, candidate, existing.filter((i) => i.id !== itemId));
      await manager.update(ProgrammeItem, { id: itemId }, {
        title: candidate.title,
        kind: candidate.kind,
        startsAt: candidate.startsAt,
        endsAt: candidate.endsAt,
        room: candidate.room,
        ...(dto.description != null ? { description: dto.description.trim() } : {}),
        updatedAt: this.clock.now(),
      });
      if (speakers) {
        await manager.delete(ProgrammeItemSpeaker, { itemId });
        await this.saveSpeakers(manager, conferenceId, itemId, speakers);
      }
      return [...new Set([...before.speakerIds, ...candidate.speakerIds])];
    });
    return this.getItem(organiserId, conferenceId, itemId);
  }

  async remove(organiserId: string, conferenceId: string, itemId: string): Promise<void> {
    await this.conferences.assertManages(organiserId, conferenceId);
    if (!UUID.test(itemId)) throw programmeNotFound();
    await this.write(conferenceId, async (manager, _conference, existing) => {
      const before = existing.find((i) => i.id === itemId);
      if (!before) throw programmeNotFound();
      await manager.delete(ProgrammeItem, { id: itemId, conferenceId });
      return before.speakerIds;
    });
  }

  /** Moves every item starting at or after `after` by `minutes`, all or nothing, under the same rules. */
  async shift(organiserId: string, conferenceId: string, dto: ShiftProgrammeDto): Promise<ProgrammeView & { moved: number }> {
    await this.conferences.assertManages(organiserId, conferenceId);
    let moved = 0;
    await this.write(conferenceId, async (manager, conference, existing) => {
      const after = programmeTime(dto.after, conference, 'after');
      const shifted = shiftItems(existing, after, dto.minutes);
      const movedItems = shifted.filter((item, i) => item !== existing[i]);
      moved = movedItems.length;
      if (moved === 0 || dto.minutes === 0) return [];
      const problems = programmeProblems(shifted, conference);
      if (problems.length) throw await this.conflict(manager, conferenceId, problems[0], 'minutes', true);
      for (const item of movedItems) {
        await manager.update(ProgrammeItem, { id: item.id }, { startsAt: item.startsAt, endsAt: item.endsAt, updatedAt: this.clock.now() });
      }
      return [...new Set(movedItems.flatMap((i) => i.speakerIds))];
    });
    return { ...toProgrammeView(await this.forConference(conferenceId)), moved };
  }

  async setModerator(organiserId: string, conferenceId: string, speakerId: string | null): Promise<ProgrammeView> {
    await this.conferences.assertManages(organiserId, conferenceId);
    await this.write(conferenceId, async (manager) => {
      const [row] = await manager.query(`SELECT moderator_speaker_id AS id FROM conference WHERE id = $1`, [conferenceId]);
      if (speakerId) await this.checkSpeakers(manager, conferenceId, [{ speakerId, role: 'moderator' }], 'speakerId');
      await manager.query(`UPDATE conference SET moderator_speaker_id = $2 WHERE id = $1`, [conferenceId, speakerId]);
      return [row?.id, speakerId].filter((id): id is string => !!id);
    });
    return toProgrammeView(await this.forConference(conferenceId));
  }

  async getItem(organiserId: string, conferenceId: string, itemId: string): Promise<ProgrammeItemView> {
    await this.conferences.assertManages(organiserId, conferenceId);
    if (!UUID.test(itemId)) throw programmeNotFound();
    const programme = await this.forConference(conferenceId);
    const entry = programme.entries.find((e) => e.id === itemId);
    if (!entry) throw programmeNotFound();
    return toItemView(entry);
  }

  async programme(organiserId: string, conferenceId: string): Promise<Programme> {
    await this.conferences.assertManages(organiserId, conferenceId);
    return this.forConference(conferenceId);
  }

  // --- For other libs and public pages, which have already checked who is asking. ---

  /** The whole programme of a conference, in time order, with speakers and slots. */
  async forConference(conferenceId: string, manager: EntityManager = this.db.manager): Promise<Programme> {
    const conference = await this.conferences.findById(conferenceId, manager);
    const items = await manager.getRepository(ProgrammeItem).find({ where: { conferenceId } });
    const links = items.length
      ? await manager.getRepository(ProgrammeItemSpeaker).find({ where: { itemId: In(items.map((i) => i.id)) }, order: { position: 'ASC' } })
      : [];
    const [row] = await manager.query(`SELECT moderator_speaker_id AS id FROM conference WHERE id = $1`, [conferenceId]);
    const moderatorId: string | null = row?.id ?? null;
    const wanted = [...new Set([...links.map((l) => l.speakerId), ...(moderatorId ? [moderatorId] : [])])];
    const summaries = new Map((await this.speakerSummaries(manager, conferenceId, wanted)).map((s) => [s.id, s]));
    const entries = byStart(
      items.map((item) => ({
        id: item.id,
        startsAt: item.startsAt,
        endsAt: item.endsAt,
        room: item.room,
        title: item.title,
        item,
        speakers: links
          .filter((l) => l.itemId === item.id)
          .map((l) => ({ ...(summaries.get(l.speakerId) ?? { id: l.speakerId, name: '', title: '', organisation: '' }), role: l.role })),
      })),
    );
    return {
      conference,
      entries,
      slots: groupIntoSlots(entries),
      moderator: moderatorId ? (summaries.get(moderatorId) ?? null) : null,
    };
  }

  /** Whether a speaker appears anywhere in the programme (an item, or as moderator of the day). */
  async isSpeakerInProgramme(manager: EntityManager, conferenceId: string, speakerId: string): Promise<boolean> {
    const [row] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM programme_item_speaker WHERE conference_id = $1 AND speaker_id = $2)
           OR EXISTS (SELECT 1 FROM conference WHERE id = $1 AND moderator_speaker_id = $2) AS used`,
      [conferenceId, speakerId],
    );
    return row.used === true;
  }

  /** The conference's speakers, for pickers. */
  speakersOf(conferenceId: string): Promise<SpeakerSummary[]> {
    return this.speakerSummaries(this.db.manager, conferenceId);
  }

  /** Serialises programme changes of one conference until the transaction ends. */
  async lockProgramme(manager: EntityManager, conferenceId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`programme:${conferenceId}`]);
  }

  // --- internals ---

  /**
   * Runs a change under the conference's programme lock, so two simultaneous
   * writes cannot both pass the clash check; tells listeners which speakers
   * were affected when the conference is published; nudges the mail dispatcher after commit.
   */
  private async write(
    conferenceId: string,
    change: (manager: EntityManager, conference: Conference, existing: PlannedItem[]) => Promise<string[]>,
  ): Promise<void> {
    let mailed = false;
    try {
      await this.db.transaction(async (manager) => {
        await this.lockProgramme(manager, conferenceId);
        const conference = await this.conferences.findById(conferenceId, manager);
        const existing = await this.plannedItems(manager, conferenceId);
        const affected = await change(manager, conference, existing);
        if (conference.status === 'published' && affected.length > 0) {
          for (const listener of this.listeners) await listener(manager, conferenceId, affected);
          mailed = this.listeners.length > 0;
        }
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) {
        throw new DomainError('speaker_not_in_conference', 'conflict', 'A speaker was removed from this conference meanwhile; reload and try again.', 'speakers');
      }
      throw error;
    }
    if (mailed) this.dispatcher.nudge();
  }

  private async plannedItems(manager: EntityManager, conferenceId: string): Promise<PlannedItem[]> {
    const items = await manager.getRepository(ProgrammeItem).find({ where: { conferenceId } });
    const links = items.length ? await manager.getRepository(ProgrammeItemSpeaker).find({ where: { conferenceId } }) : [];
    return byStart(
      items.map((i) => ({
        id: i.id,
        title: i.title,
        kind: i.kind,
        startsAt: i.startsAt,
        endsAt: i.endsAt,
        room: i.room,
        speakerIds: links.filter((l) => l.itemId === i.id).map((l) => l.speakerId),
      })),
    );
  }

  private async assertFits(manager: EntityManager, conference: Conference, candidate: PlannedItem, others: PlannedItem[]): Promise<void> {
    const [problem] = candidateProblems(candidate, others, conference);
    if (!problem) return;
    if (problem.reason === 'ends_before_start') throw new ValidationFailed([{ field: 'endsAt', message: 'endsAt must be after startsAt.' }]);
    if (problem.reason === 'outside_hours') {
      const hours = `${formatClock(conference.startsAt)}–${formatClock(conference.endsAt)}`;
      const field = candidate.startsAt < conference.startsAt || candidate.startsAt >= conference.endsAt ? 'startsAt' : 'endsAt';
      throw new ValidationFailed([{ field, message: `${field} must lie within the conference's hours (${stockholmDateInput(conference.startsAt)} ${hours}).` }]);
    }
    throw await this.conflict(manager, conference.id, problem, problemField(problem), false);
  }

  private async conflict(manager: EntityManager, conferenceId: string, problem: ProgrammeProblem, field: string, shifting: boolean): Promise<DomainError> {
    const names = new Map((await this.speakerSummaries(manager, conferenceId)).map((s) => [s.id, s.name]));
    const clock = (d: Date) => formatClock(d);
    const message = describeProblem(problem, clock, (id) => names.get(id) ?? 'The speaker');
    if (shifting) {
      const subject = `"${problem.item.title}" would move to ${clock(problem.item.startsAt)}–${clock(problem.item.endsAt)}`;
      const text = problem.reason === 'outside_hours' ? `${subject}, outside the conference's hours.` : `${subject}: ${message}`;
      return new DomainError('programme_shift_refused', 'conflict', `The shift was not made. ${text}`, field);
    }
    return new DomainError('programme_clash', 'conflict', message, field);
  }

  /** 400 unless every speaker belongs to this conference and none is listed twice. */
  private async checkSpeakers(
    manager: EntityManager,
    conferenceId: string,
    speakers: ItemSpeakerDto[],
    field = 'speakers',
  ): Promise<Array<{ speakerId: string; role: SpeakerRole }>> {
    const ids = speakers.map((s) => s.speakerId.toLowerCase());
    const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
    if (duplicate) throw new ValidationFailed([{ field, message: `${field} lists the speaker ${duplicate} more than once.` }]);
    if (ids.length === 0) return [];
    const known = new Set((await this.speakerSummaries(manager, conferenceId, ids)).map((s) => s.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) {
      throw new ValidationFailed([{ field, message: `${field}: no speaker ${unknown.join(', ')} in this conference; add the speaker first.` }]);
    }
    return speakers.map((s) => ({ speakerId: s.speakerId.toLowerCase(), role: s.role ?? 'speaker' }));
  }

  private async saveSpeakers(manager: EntityManager, conferenceId: string, itemId: string, speakers: Array<{ speakerId: string; role: SpeakerRole }>) {
    if (speakers.length === 0) return;
    await manager.insert(
      ProgrammeItemSpeaker,
      speakers.map((s, position) => ({ conferenceId, itemId, speakerId: s.speakerId, role: s.role, position })),
    );
  }

  private async speakerSummaries(manager: EntityManager, conferenceId: string, ids?: string[]): Promise<SpeakerSummary[]> {
    if (ids && ids.length === 0) return [];
    if (!this.directory) throw new Error('No speaker directory registered (is SpeakersModule imported?)');
    return this.directory.summaries(manager, conferenceId, ids);
  }
}

function cleanRoom(room: string | null | undefined): string | null {
  const cleaned = room?.trim().replace(/\s+/g, ' ');
  return cleaned ? cleaned : null;
}

/** A clock time ("13:15") means that time on the conference's (first) day in Stockholm. */
export function programmeTime(text: string, conference: { startsAt: Date }, field: string): Date {
  const value = text.trim();
  const clock = /^(\d{1,2}):(\d{2})$/.exec(value);
  const parsed = clock
    ? parseConferenceTime(`${stockholmDateInput(conference.startsAt)}T${clock[1].padStart(2, '0')}:${clock[2]}`)
    : parseConferenceTime(value);
  if (!parsed) throw new ValidationFailed([{ field, message: `${field} must be a time such as 13:15 or 2026-10-06T13:15:00+02:00.` }]);
  return parsed;
}

export function toItemView(entry: ProgrammeEntry): ProgrammeItemView {
  const { item } = entry;
  return {
    id: item.id,
    conferenceId: item.conferenceId,
    startsAt: toStockholmIso(item.startsAt),
    endsAt: toStockholmIso(item.endsAt),
    kind: item.kind,
    title: item.title,
    description: item.description,
    room: item.room,
    speakers: entry.speakers.map((s) => ({ speakerId: s.id, name: s.name, title: s.title, organisation: s.organisation, role: s.role })),
  };
}

export function toProgrammeView(programme: Programme): ProgrammeView {
  const items = programme.entries.map(toItemView);
  const byId = new Map(items.map((i) => [i.id, i]));
  const m = programme.moderator;
  return {
    conferenceId: programme.conference.id,
    items,
    total: items.length,
    slots: programme.slots.map((slot) => ({
      startsAt: toStockholmIso(slot.startsAt),
      endsAt: toStockholmIso(slot.endsAt),
      items: slot.items.map((e) => byId.get(e.id)!),
    })),
    moderator: m ? { speakerId: m.id, name: m.name, title: m.title, organisation: m.organisation } : null,
  };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Conference, ConferencesService } from '@dialogdag/conferences';
import { OutboxDispatcher } from '@dialogdag/mail';
import { formatClock, stockholmDateInput, ValidationFailed } from '@dialogdag/shared';
import { SpeakersService } from '@dialogdag/speakers';
import { ItemSpeakerDto } from './programme.dto';
import { programmeClash, programmeShiftRefused, speakerRemovedMeanwhile } from './programme.errors';
import { ProgrammeItem, ProgrammeItemSpeaker } from './programme-item.entity';
import { byStart, candidateProblems, describeProblem, PlannedItem, ProgrammeProblem, problemField, SpeakerRole } from './programme.rules';

/** Called inside the transaction that changed a published programme, with the speakers whose slots changed. */
export type ProgrammeChangedListener = (manager: EntityManager, conferenceId: string, speakerIds: string[]) => Promise<void>;

export type ItemSpeakers = Array<{ speakerId: string; role: SpeakerRole }>;

const isForeignKeyViolation = (error: unknown) => (error as { code?: string })?.code === '23503';

/** The transaction, lock and checks every change to a programme goes through. */
@Injectable()
export class ProgrammeWriter {
  private readonly listeners: ProgrammeChangedListener[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conferences: ConferencesService,
    private readonly speakers: SpeakersService,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  onProgrammeChanged(listener: ProgrammeChangedListener): void {
    this.listeners.push(listener);
  }

  /** Serialises programme changes of one conference until the transaction ends. */
  async lock(manager: EntityManager, conferenceId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`programme:${conferenceId}`]);
  }

  /**
   * Runs a change under the conference's programme lock, so two simultaneous
   * writes cannot both pass the clash check; tells listeners which speakers
   * were affected when the conference is published; nudges the mail dispatcher after commit.
   */
  async write(
    conferenceId: string,
    change: (manager: EntityManager, conference: Conference, existing: PlannedItem[]) => Promise<string[]>,
  ): Promise<void> {
    let mailed = false;
    try {
      await this.db.transaction(async (manager) => {
        await this.lock(manager, conferenceId);
        const conference = await this.conferences.findById(conferenceId, manager);
        const existing = await this.plannedItems(manager, conferenceId);
        const affected = await change(manager, conference, existing);
        mailed = await this.announce(manager, conference, affected);
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) throw speakerRemovedMeanwhile();
      throw error;
    }
    if (mailed) this.dispatcher.nudge();
  }

  /** Tells listeners about a change to a published programme; answers whether any may have queued mail. */
  async announce(manager: EntityManager, conference: Conference, speakerIds: string[]): Promise<boolean> {
    if (conference.status !== 'published' || speakerIds.length === 0) return false;
    for (const listener of this.listeners) await listener(manager, conference.id, speakerIds);
    return this.listeners.length > 0;
  }

  async plannedItems(manager: EntityManager, conferenceId: string): Promise<PlannedItem[]> {
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

  /** 400 when the item breaks the day's hours, 409 naming the clashing item. */
  async assertFits(manager: EntityManager, conference: Conference, candidate: PlannedItem, others: PlannedItem[]): Promise<void> {
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

  async conflict(manager: EntityManager, conferenceId: string, problem: ProgrammeProblem, field: string, shifting: boolean) {
    const names = new Map((await this.speakers.summaries(manager, conferenceId)).map((s) => [s.id, s.name]));
    const clock = (d: Date) => formatClock(d);
    const message = describeProblem(problem, clock, (id) => names.get(id) ?? 'The speaker');
    if (shifting) {
      const subject = `"${problem.item.title}" would move to ${clock(problem.item.startsAt)}–${clock(problem.item.endsAt)}`;
      const text = problem.reason === 'outside_hours' ? `${subject}, outside the conference's hours.` : `${subject}: ${message}`;
      return programmeShiftRefused(`The shift was not made. ${text}`, field);
    }
    return programmeClash(message, field);
  }

  /** 400 unless every speaker belongs to this conference and none is listed twice. */
  async checkSpeakers(manager: EntityManager, conferenceId: string, speakers: ItemSpeakerDto[], field = 'speakers'): Promise<ItemSpeakers> {
    const ids = speakers.map((s) => s.speakerId.toLowerCase());
    const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
    if (duplicate) throw new ValidationFailed([{ field, message: `${field} lists the speaker ${duplicate} more than once.` }]);
    if (ids.length === 0) return [];
    const known = new Set((await this.speakers.summaries(manager, conferenceId, ids)).map((s) => s.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) {
      throw new ValidationFailed([{ field, message: `${field}: no speaker ${unknown.join(', ')} in this conference; add the speaker first.` }]);
    }
    return speakers.map((s) => ({ speakerId: s.speakerId.toLowerCase(), role: s.role ?? 'speaker' }));
  }

  async saveSpeakers(manager: EntityManager, conferenceId: string, itemId: string, speakers: ItemSpeakers): Promise<void> {
    if (speakers.length === 0) return;
    await manager.insert(
      ProgrammeItemSpeaker,
      speakers.map((s, position) => ({ conferenceId, itemId, speakerId: s.speakerId, role: s.role, position })),
    );
  }
}

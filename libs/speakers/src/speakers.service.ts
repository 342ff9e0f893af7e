import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AppConfig } from '@dialogdag/config';
import { ConferencesService, ProgrammeService, ROLE_LABELS, SpeakerDirectory, SpeakerSummary } from '@dialogdag/conferences';
import { MailComposer, OutboxDispatcher, OutboxService } from '@dialogdag/mail';
import { Clock, DomainError } from '@dialogdag/shared';
import { CreateSpeakerDto, SpeakerView, UpdateSpeakerDto } from './speaker.dto';
import { Speaker } from './speaker.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const speakerNotFound = () => new DomainError('speaker_not_found', 'not_found', 'No such speaker in this conference.');
export const speakerInProgramme = (name: string) =>
  new DomainError(
    'speaker_in_programme',
    'conflict',
    `${name} is in the programme (an item or as moderator of the day); remove them there before deleting the speaker.`,
  );
export const conferenceNotPublished = () =>
  new DomainError('conference_not_published', 'conflict', 'Speakers are told their slots once the conference is published.');

const isForeignKeyViolation = (error: unknown) => (error as { code?: string })?.code === '23503';

@Injectable()
export class SpeakersService implements SpeakerDirectory, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly programme: ProgrammeService,
    private readonly outbox: OutboxService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly composer: MailComposer,
    private readonly appConfig: AppConfig,
  ) {}

  onModuleInit(): void {
    this.programme.useSpeakerDirectory(this);
    // A change to a published programme tells each affected speaker their (new) slots, in the same transaction.
    this.programme.onProgrammeChanged((manager, conferenceId, speakerIds) => this.enqueueSlots(manager, conferenceId, speakerIds).then(() => undefined));
    // Publishing tells everyone in the programme (and the moderator of the day) their slots.
    this.conferences.onPublished(async (manager, conferenceId) => {
      const programme = await this.programme.forConference(conferenceId, manager);
      const ids = programme.entries.flatMap((entry) => entry.speakers.map((s) => s.id));
      if (programme.moderator) ids.push(programme.moderator.id);
      await this.enqueueSlots(manager, conferenceId, ids);
    });
  }

  async summaries(manager: EntityManager, conferenceId: string, ids?: string[]): Promise<SpeakerSummary[]> {
    const valid = ids?.filter((id) => UUID.test(id));
    if (valid && valid.length === 0) return [];
    const rows = await manager.getRepository(Speaker).find({
      where: { conferenceId, ...(valid ? { id: In(valid) } : {}) },
      order: { name: 'ASC' },
    });
    return rows.map((s) => ({ id: s.id, name: s.name, title: s.title, organisation: s.organisation }));
  }

  async create(organiserId: string, conferenceId: string, dto: CreateSpeakerDto): Promise<Speaker> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const now = this.clock.now();
    return this.db.getRepository(Speaker).save({
      conferenceId,
      name: dto.name.trim(),
      title: dto.title.trim(),
      organisation: dto.organisation.trim(),
      sector: dto.sector,
      email: dto.email?.trim() || null,
      bio: dto.bio?.trim() ?? '',
      status: dto.status ?? 'invited',
      language: dto.language ?? 'sv',
      createdAt: now,
      updatedAt: now,
    });
  }

  async list(organiserId: string, conferenceId: string): Promise<Speaker[]> {
    await this.conferences.assertManages(organiserId, conferenceId);
    return this.db.getRepository(Speaker).find({ where: { conferenceId }, order: { name: 'ASC', id: 'ASC' } });
  }

  async get(organiserId: string, conferenceId: string, speakerId: string): Promise<Speaker> {
    await this.conferences.assertManages(organiserId, conferenceId);
    return this.find(this.db.manager, conferenceId, speakerId);
  }

  /** Changing a speaker's name, title or organisation changes every programme item that lists them. */
  async update(organiserId: string, conferenceId: string, speakerId: string, dto: UpdateSpeakerDto): Promise<Speaker> {
    await this.conferences.assertManages(organiserId, conferenceId);
    return this.db.transaction(async (manager) => {
      const speaker = await this.find(manager, conferenceId, speakerId, true);
      if (dto.name != null) speaker.name = dto.name.trim();
      if (dto.title != null) speaker.title = dto.title.trim();
      if (dto.organisation != null) speaker.organisation = dto.organisation.trim();
      if (dto.sector != null) speaker.sector = dto.sector;
      if (dto.email !== undefined) speaker.email = dto.email?.trim() || null;
      if (dto.bio != null) speaker.bio = dto.bio.trim();
      if (dto.status != null) speaker.status = dto.status;
      if (dto.language != null) speaker.language = dto.language;
      speaker.updatedAt = this.clock.now();
      return manager.save(speaker);
    });
  }

  /** 409 while the speaker is in the programme: deleting must not silently change a published programme. */
  async remove(organiserId: string, conferenceId: string, speakerId: string): Promise<void> {
    await this.conferences.assertManages(organiserId, conferenceId);
    try {
      await this.db.transaction(async (manager) => {
        await this.programme.lockProgramme(manager, conferenceId);
        const speaker = await this.find(manager, conferenceId, speakerId, true);
        if (await this.programme.isSpeakerInProgramme(manager, conferenceId, speakerId)) throw speakerInProgramme(speaker.name);
        await manager.delete(Speaker, { id: speakerId, conferenceId });
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) throw speakerInProgramme('The speaker');
      throw error;
    }
  }

  /** Tells every speaker with an e-mail address (or the ones named) their slots; answers how many e-mails were queued. */
  async notify(organiserId: string, conferenceId: string, speakerIds?: string[]): Promise<{ queued: number; speakerIds: string[] }> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const conference = await this.conferences.findById(conferenceId);
    if (conference.status !== 'published') throw conferenceNotPublished();
    const result = await this.db.transaction(async (manager) => {
      const ids = speakerIds ?? (await manager.getRepository(Speaker).find({ where: { conferenceId }, select: { id: true } })).map((s) => s.id);
      return this.enqueueSlots(manager, conferenceId, ids);
    });
    if (result.length) this.dispatcher.nudge();
    return { queued: result.length, speakerIds: result };
  }

  /** One e-mail per speaker (with an address, not declined) listing their slots as the programme now stands. */
  private async enqueueSlots(manager: EntityManager, conferenceId: string, speakerIds: string[]): Promise<string[]> {
    const ids = [...new Set(speakerIds)].filter((id) => UUID.test(id));
    if (ids.length === 0) return [];
    const speakers = await manager.getRepository(Speaker).find({ where: { conferenceId, id: In(ids) }, order: { name: 'ASC' } });
    const recipients = speakers.filter((s) => s.email && s.status !== 'declined');
    if (recipients.length === 0) return [];
    const programme = await this.programme.forConference(conferenceId, manager);
    const c = programme.conference;
    const base = this.appConfig.publicBaseUrl();
    for (const speaker of recipients) {
      const slots = programme.entries.flatMap((entry) =>
        entry.speakers
          .filter((s) => s.id === speaker.id)
          .map((s) => ({
            title: entry.item.title,
            startsAt: entry.item.startsAt,
            endsAt: entry.item.endsAt,
            room: entry.item.room,
            roleLabel: ROLE_LABELS[speaker.language][s.role],
          })),
      );
      await this.outbox.enqueue(
        manager,
        this.composer.speakerProgramme({
          lang: speaker.language,
          to: speaker.email!,
          name: speaker.name,
          speakerId: speaker.id,
          conference: {
            id: c.id,
            title: c.title,
            startsAt: c.startsAt,
            endsAt: c.endsAt,
            venue: [c.venueName, c.venueAddress, c.venueCity].filter(Boolean).join(', '),
          },
          moderatorOfTheDay: programme.moderator?.id === speaker.id,
          slots,
          programmeUrl: `${base}/c/${c.slug}/programme`,
        }),
      );
    }
    return recipients.map((s) => s.id);
  }

  private async find(manager: EntityManager, conferenceId: string, speakerId: string, lock = false): Promise<Speaker> {
    if (!UUID.test(speakerId)) throw speakerNotFound();
    const speaker = await manager
      .getRepository(Speaker)
      .findOne({ where: { id: speakerId, conferenceId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!speaker) throw speakerNotFound();
    return speaker;
  }
}

export function toSpeakerView(s: Speaker): SpeakerView {
  return {
    id: s.id,
    conferenceId: s.conferenceId,
    name: s.name,
    title: s.title,
    organisation: s.organisation,
    sector: s.sector,
    email: s.email,
    bio: s.bio,
    status: s.status,
    language: s.language,
  };
}

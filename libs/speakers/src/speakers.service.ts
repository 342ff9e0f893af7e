import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ConferencesService } from '@dialogdag/conferences';
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

const isForeignKeyViolation = (error: unknown) => (error as { code?: string })?.code === '23503';

/** What other libs need to know about a speaker. */
export interface SpeakerSummary {
  id: string;
  name: string;
  title: string;
  organisation: string;
}

/**
 * Called first in the transaction that deletes a speaker, before the speaker's row is locked
 * (libs that refer to speakers take their own locks here, so the lock order stays theirs, then the speaker);
 * may refuse the deletion by throwing.
 */
export type SpeakerRemovingListener = (manager: EntityManager, conferenceId: string, speakerId: string) => Promise<void>;

@Injectable()
export class SpeakersService {
  private readonly removingListeners: SpeakerRemovingListener[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
  ) {}

  onRemoving(listener: SpeakerRemovingListener): void {
    this.removingListeners.push(listener);
  }

  /** Speakers of a conference (all, or those named), by name; for libs that have already checked who is asking. */
  async summaries(manager: EntityManager, conferenceId: string, ids?: string[]): Promise<SpeakerSummary[]> {
    const rows = await this.findMany(manager, conferenceId, ids);
    return rows.map((s) => ({ id: s.id, name: s.name, title: s.title, organisation: s.organisation }));
  }

  /** Whole speaker rows (e-mail, language, status), for libs that write to speakers. */
  async findMany(manager: EntityManager, conferenceId: string, ids?: string[]): Promise<Speaker[]> {
    const valid = ids?.filter((id) => UUID.test(id));
    if (valid && valid.length === 0) return [];
    return manager.getRepository(Speaker).find({
      where: { conferenceId, ...(valid ? { id: In(valid) } : {}) },
      order: { name: 'ASC' },
    });
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

  /** Listeners may refuse (the programme does while the speaker is in it); the foreign keys refuse too. */
  async remove(organiserId: string, conferenceId: string, speakerId: string): Promise<void> {
    await this.conferences.assertManages(organiserId, conferenceId);
    try {
      await this.db.transaction(async (manager) => {
        await this.find(manager, conferenceId, speakerId);
        for (const listener of this.removingListeners) await listener(manager, conferenceId, speakerId);
        await this.find(manager, conferenceId, speakerId, true);
        await manager.delete(Speaker, { id: speakerId, conferenceId });
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) throw speakerInProgramme('The speaker');
      throw error;
    }
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

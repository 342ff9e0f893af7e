import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Conference, ConferencesService } from '@dialogdag/conferences';
import { SpeakersService, SpeakerSummary } from '@dialogdag/speakers';
import { ProgrammeItemView } from './programme.dto';
import { programmeItemNotFound } from './programme.errors';
import { ProgrammeItem, ProgrammeItemSpeaker, ProgrammeModerator } from './programme-item.entity';
import { byStart, groupIntoSlots, Slot, SpeakerRole } from './programme.rules';
import { toItemView } from './programme.view';

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

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The programme as it is read: by organisers, the public pages, exports and other libs. Changes go through ProgrammeCommands. */
@Injectable()
export class ProgrammeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conferences: ConferencesService,
    private readonly speakers: SpeakersService,
  ) {}

  async getItem(organiserId: string, conferenceId: string, itemId: string): Promise<ProgrammeItemView> {
    await this.conferences.assertManages(organiserId, conferenceId);
    if (!UUID.test(itemId)) throw programmeItemNotFound();
    const programme = await this.forConference(conferenceId);
    const entry = programme.entries.find((e) => e.id === itemId);
    if (!entry) throw programmeItemNotFound();
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
    const moderatorId = (await manager.getRepository(ProgrammeModerator).findOneBy({ conferenceId }))?.speakerId ?? null;
    const wanted = [...new Set([...links.map((l) => l.speakerId), ...(moderatorId ? [moderatorId] : [])])];
    const summaries = new Map((wanted.length ? await this.speakers.summaries(manager, conferenceId, wanted) : []).map((s) => [s.id, s]));
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
    return (
      (await manager.getRepository(ProgrammeItemSpeaker).existsBy({ conferenceId, speakerId })) ||
      (await manager.getRepository(ProgrammeModerator).existsBy({ conferenceId, speakerId }))
    );
  }

  /** The conference's speakers, for pickers. */
  speakersOf(conferenceId: string): Promise<SpeakerSummary[]> {
    return this.speakers.summaries(this.db.manager, conferenceId);
  }
}

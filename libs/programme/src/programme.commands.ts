import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ConferencesService } from '@dialogdag/conferences';
import { Clock } from '@dialogdag/shared';
import { CreateProgrammeItemDto, ProgrammeItemView, ProgrammeView, ShiftProgrammeDto, UpdateProgrammeItemDto } from './programme.dto';
import { programmeItemNotFound } from './programme.errors';
import { ProgrammeItem, ProgrammeItemSpeaker, ProgrammeModerator } from './programme-item.entity';
import { PlannedItem, programmeProblems, shiftItems } from './programme.rules';
import { ProgrammeService, UUID } from './programme.service';
import { cleanRoom, programmeTime } from './programme-time';
import { toProgrammeView } from './programme.view';
import { ProgrammeWriter } from './programme.writer';

/** What organisers change in a programme; each command checks who is asking first (tenant isolation). */
@Injectable()
export class ProgrammeCommands {
  constructor(
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly writer: ProgrammeWriter,
    private readonly programme: ProgrammeService,
  ) {}

  async create(organiserId: string, conferenceId: string, dto: CreateProgrammeItemDto): Promise<ProgrammeItemView> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const id = randomUUID();
    await this.writer.write(conferenceId, async (manager, conference, existing) => {
      const speakers = await this.writer.checkSpeakers(manager, conferenceId, dto.speakers ?? []);
      const candidate: PlannedItem = {
        id,
        title: dto.title.trim(),
        kind: dto.kind,
        startsAt: programmeTime(dto.startsAt, conference, 'startsAt'),
        endsAt: programmeTime(dto.endsAt, conference, 'endsAt'),
        room: cleanRoom(dto.room),
        speakerIds: speakers.map((s) => s.speakerId),
      };
      await this.writer.assertFits(manager, conference, candidate, existing);
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
      await this.writer.saveSpeakers(manager, conferenceId, id, speakers);
      return candidate.speakerIds;
    });
    return this.programme.getItem(organiserId, conferenceId, id);
  }

  async update(organiserId: string, conferenceId: string, itemId: string, dto: UpdateProgrammeItemDto): Promise<ProgrammeItemView> {
    await this.conferences.assertManages(organiserId, conferenceId);
    if (!UUID.test(itemId)) throw programmeItemNotFound();
    await this.writer.write(conferenceId, async (manager, conference, existing) => {
      const before = existing.find((i) => i.id === itemId);
      const item = await manager.getRepository(ProgrammeItem).findOneBy({ id: itemId, conferenceId });
      if (!before || !item) throw programmeItemNotFound();
      // null means "not given" for every field except room (null: plenary) and speakers (null: none).
      const speakers = dto.speakers !== undefined ? await this.writer.checkSpeakers(manager, conferenceId, dto.speakers ?? []) : null;
      const candidate: PlannedItem = {
        id: itemId,
        title: dto.title != null ? dto.title.trim() : item.title,
        kind: dto.kind ?? item.kind,
        startsAt: dto.startsAt != null ? programmeTime(dto.startsAt, conference, 'startsAt') : item.startsAt,
        endsAt: dto.endsAt != null ? programmeTime(dto.endsAt, conference, 'endsAt') : item.endsAt,
        room: dto.room !== undefined ? cleanRoom(dto.room) : item.room,
        speakerIds: speakers ? speakers.map((s) => s.speakerId) : before.speakerIds,
      };
      await this.writer.assertFits(manager, conference, candidate, existing.filter((i) => i.id !== itemId));
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
        await this.writer.saveSpeakers(manager, conferenceId, itemId, speakers);
      }
      return [...new Set([...before.speakerIds, ...candidate.speakerIds])];
    });
    return this.programme.getItem(organiserId, conferenceId, itemId);
  }

  async remove(organiserId: string, conferenceId: string, itemId: string): Promise<void> {
    await this.conferences.assertManages(organiserId, conferenceId);
    if (!UUID.test(itemId)) throw programmeItemNotFound();
    await this.writer.write(conferenceId, async (manager, _conference, existing) => {
      const before = existing.find((i) => i.id === itemId);
      if (!before) throw programmeItemNotFound();
      await manager.delete(ProgrammeItem, { id: itemId, conferenceId });
      return before.speakerIds;
    });
  }

  /** Moves every item starting at or after `after` by `minutes`, all or nothing, under the same rules. */
  async shift(organiserId: string, conferenceId: string, dto: ShiftProgrammeDto): Promise<ProgrammeView & { moved: number }> {
    await this.conferences.assertManages(organiserId, conferenceId);
    let moved = 0;
    await this.writer.write(conferenceId, async (manager, conference, existing) => {
      const after = programmeTime(dto.after, conference, 'after');
      const shifted = shiftItems(existing, after, dto.minutes);
      const movedItems = shifted.filter((item, i) => item !== existing[i]);
      moved = movedItems.length;
      if (moved === 0 || dto.minutes === 0) return [];
      const problems = programmeProblems(shifted, conference);
      if (problems.length) throw await this.writer.conflict(manager, conferenceId, problems[0], 'minutes', true);
      for (const item of movedItems) {
        await manager.update(ProgrammeItem, { id: item.id }, { startsAt: item.startsAt, endsAt: item.endsAt, updatedAt: this.clock.now() });
      }
      return [...new Set(movedItems.flatMap((i) => i.speakerIds))];
    });
    return { ...toProgrammeView(await this.programme.forConference(conferenceId)), moved };
  }

  async setModerator(organiserId: string, conferenceId: string, speakerId: string | null): Promise<ProgrammeView> {
    await this.conferences.assertManages(organiserId, conferenceId);
    await this.writer.write(conferenceId, async (manager) => {
      const before = await manager.getRepository(ProgrammeModerator).findOneBy({ conferenceId });
      if (speakerId) {
        const [checked] = await this.writer.checkSpeakers(manager, conferenceId, [{ speakerId, role: 'moderator' }], 'speakerId');
        await manager.upsert(ProgrammeModerator, { conferenceId, speakerId: checked.speakerId }, ['conferenceId']);
      } else {
        await manager.delete(ProgrammeModerator, { conferenceId });
      }
      return [before?.speakerId, speakerId].filter((id): id is string => !!id);
    });
    return toProgrammeView(await this.programme.forConference(conferenceId));
  }
}

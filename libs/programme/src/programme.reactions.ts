import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Conference, ConferencesService } from '@dialogdag/conferences';
import { formatClock } from '@dialogdag/shared';
import { SpeakersService, speakerInProgramme } from '@dialogdag/speakers';
import { programmeOutsideHours } from './programme.errors';
import { ProgrammeItem } from './programme-item.entity';
import { DayHours, rescheduleItems } from './programme.rules';
import { ProgrammeService } from './programme.service';
import { ProgrammeWriter } from './programme.writer';

/** How the programme answers changes made in the libs it depends on: the conference's hours, a speaker's deletion. */
@Injectable()
export class ProgrammeReactions implements OnModuleInit {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly speakers: SpeakersService,
    private readonly writer: ProgrammeWriter,
    private readonly programme: ProgrammeService,
  ) {}

  onModuleInit(): void {
    this.conferences.onScheduleChanged((manager, conference, before) => this.followNewHours(manager, conference, before));
    this.speakers.onRemoving((manager, conferenceId, speakerId) => this.refuseWhileInProgramme(manager, conferenceId, speakerId));
  }

  /** A day moved as a whole takes its programme along; a shortened day must still hold every item. */
  private async followNewHours(manager: EntityManager, conference: Conference, before: DayHours): Promise<void> {
    await this.writer.lock(manager, conference.id);
    const items = await this.writer.plannedItems(manager, conference.id);
    if (items.length === 0) return;
    const { items: rescheduled, outside } = rescheduleItems(items, before, conference);
    if (outside.length > 0) {
      const [first] = outside;
      throw programmeOutsideHours(
        `The programme item "${first.title}" (${formatClock(first.startsAt)}–${formatClock(first.endsAt)}) would fall outside the new hours; move or shorten it first.`,
        first.endsAt > conference.endsAt ? 'endsAt' : 'startsAt',
      );
    }
    const moved = rescheduled.filter((item, i) => item.startsAt.getTime() !== items[i].startsAt.getTime());
    for (const item of moved) {
      await manager.update(ProgrammeItem, { id: item.id }, { startsAt: item.startsAt, endsAt: item.endsAt });
    }
    await this.writer.announce(manager, conference, [...new Set(moved.flatMap((item) => item.speakerIds))]);
  }

  /** Deleting a speaker must not silently change a published programme: 409 while they are in it. */
  private async refuseWhileInProgramme(manager: EntityManager, conferenceId: string, speakerId: string): Promise<void> {
    await this.writer.lock(manager, conferenceId);
    if (!(await this.programme.isSpeakerInProgramme(manager, conferenceId, speakerId))) return;
    const [speaker] = await this.speakers.summaries(manager, conferenceId, [speakerId]);
    throw speakerInProgramme(speaker?.name ?? 'The speaker');
  }
}

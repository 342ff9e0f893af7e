import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@dialogdag/config';
import { ConferencesService } from '@dialogdag/conferences';
import { MailComposer, OutboxDispatcher, OutboxService } from '@dialogdag/mail';
import { SpeakersService } from '@dialogdag/speakers';
import { conferenceNotPublished } from './programme.errors';
import { ROLE_LABELS } from './programme.render';
import { ProgrammeService, UUID } from './programme.service';
import { ProgrammeWriter } from './programme.writer';

/** E-mails speakers their slots: on request, when the conference is published and when a published slot of theirs changes. */
@Injectable()
export class SpeakerSlotsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conferences: ConferencesService,
    private readonly speakers: SpeakersService,
    private readonly programme: ProgrammeService,
    private readonly writer: ProgrammeWriter,
    private readonly outbox: OutboxService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly composer: MailComposer,
    private readonly appConfig: AppConfig,
  ) {}

  onModuleInit(): void {
    // A change to a published programme tells each affected speaker their (new) slots, in the same transaction.
    this.writer.onProgrammeChanged((manager, conferenceId, speakerIds) => this.enqueueSlots(manager, conferenceId, speakerIds).then(() => undefined));
    // Publishing tells everyone in the programme (and the moderator of the day) their slots.
    this.conferences.onPublished(async (manager, conferenceId) => {
      const programme = await this.programme.forConference(conferenceId, manager);
      const ids = programme.entries.flatMap((entry) => entry.speakers.map((s) => s.id));
      if (programme.moderator) ids.push(programme.moderator.id);
      await this.enqueueSlots(manager, conferenceId, ids);
    });
  }

  /** Tells every speaker with an e-mail address (or the ones named) their slots; answers how many e-mails were queued. */
  async notify(organiserId: string, conferenceId: string, speakerIds?: string[]): Promise<{ queued: number; speakerIds: string[] }> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const conference = await this.conferences.findById(conferenceId);
    if (conference.status !== 'published') throw conferenceNotPublished();
    const result = await this.db.transaction(async (manager) => {
      const ids = speakerIds ?? (await this.speakers.findMany(manager, conferenceId)).map((s) => s.id);
      return this.enqueueSlots(manager, conferenceId, ids);
    });
    if (result.length) this.dispatcher.nudge();
    return { queued: result.length, speakerIds: result };
  }

  /** One e-mail per speaker (with an address, not declined) listing their slots as the programme now stands. */
  private async enqueueSlots(manager: EntityManager, conferenceId: string, speakerIds: string[]): Promise<string[]> {
    const ids = [...new Set(speakerIds)].filter((id) => UUID.test(id));
    if (ids.length === 0) return [];
    const speakers = await this.speakers.findMany(manager, conferenceId, ids);
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
}

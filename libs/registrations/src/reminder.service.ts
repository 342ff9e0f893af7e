import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Conference, ConferencesService } from '@dialogdag/conferences';
import { ProgrammeService } from '@dialogdag/programme';
import { MailComposer, OutboxDispatcher, OutboxService, ProgrammeLine } from '@dialogdag/mail';
import { Clock } from '@dialogdag/shared';
import { Registration } from './registration.entity';
import { RegistrationsService } from './registrations.service';

/** Days before the start that reminders go out. */
export const DEFAULT_REMINDER_DAYS_BEFORE = 3;
const BATCH = 50;
const RUN_EVERY_MS = 15 * 60 * 1000;


/**
 * Sends one reminder (with the programme and an .ics file) to every seat-holder of a
 * conference starting within N days. Exactly once: rows are claimed with
 * FOR UPDATE SKIP LOCKED and marked `reminder_sent_at` in the transaction that
 * enqueues the mail, so several instances never send it twice.
 */
@Injectable()
export class ReminderService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReminderService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly programmes: ProgrammeService,
    private readonly registrations: RegistrationsService,
    private readonly outbox: OutboxService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly composer: MailComposer,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.run().catch((error) => this.logger.error(`Reminder round failed: ${error instanceof Error ? error.message : error}`));
    }, RUN_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** The day in brief; the conference's own times while it has no programme. */
  private async programmeLines(conference: Conference): Promise<ProgrammeLine[]> {
    const { entries } = await this.programmes.forConference(conference.id);
    if (entries.length === 0) return [{ startsAt: conference.startsAt, endsAt: conference.endsAt, title: conference.title }];
    return entries.map((e) => ({ startsAt: e.startsAt, endsAt: e.endsAt, title: e.title, room: e.room }));
  }

  /** Enqueues the reminders that are due now; returns how many. */
  async run(daysBefore = DEFAULT_REMINDER_DAYS_BEFORE): Promise<number> {
    const now = this.clock.now();
    const horizon = now.getTime() + daysBefore * 24 * 60 * 60 * 1000;
    const due = (await this.conferences.listUpcomingPublished(now)).filter((c) => c.startsAt > now && c.startsAt.getTime() <= horizon);
    let enqueued = 0;
    for (const conference of due) {
      const programme = await this.programmeLines(conference);
      for (;;) {
        const claimed = await this.db.transaction(async (manager) => {
          const batch = await manager
            .getRepository(Registration)
            .createQueryBuilder('r')
            .where(`r.conference_id = :id AND r.status = 'confirmed' AND r.reminder_sent_at IS NULL`, { id: conference.id })
            .orderBy('r.id')
            .limit(BATCH)
            .setLock('pessimistic_write')
            .setOnLocked('skip_locked')
            .getMany();
          for (const registration of batch) {
            const link = await this.registrations.issueLink(manager, registration.id);
            await this.outbox.enqueue(
              manager,
              this.composer.registrationReminder({ ...this.registrations.mailParams(conference, registration, link), programme, now }),
            );
          }
          if (batch.length > 0) {
            await manager.update(Registration, batch.map((r) => r.id), { reminderSentAt: now });
          }
          return batch.length;
        });
        enqueued += claimed;
        if (claimed < BATCH) break;
      }
    }
    if (enqueued > 0) this.dispatcher.nudge();
    return enqueued;
  }
}

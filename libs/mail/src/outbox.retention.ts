import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MailConfig } from '@dialogdag/config';
import { isDatabaseUnavailable } from '@dialogdag/database';
import { Clock, PeriodicTask } from '@dialogdag/shared';
import { bodyRetentionCutoff } from './outbox.rules';

const HOUR_MS = 3_600_000;
const BATCH = 1000;

/**
 * Clears the text, HTML and attachments of messages delivered (or given up) more than
 * OUTBOX_BODY_RETENTION_HOURS ago: they hold personal links and check-in codes, which are worth nothing
 * kept once the recipient has the e-mail. Recipient, subject, kind, status and times stay. Batches are
 * taken with SKIP LOCKED and only uncleared rows qualify, so any number of instances may run it at once.
 */
@Injectable()
export class OutboxRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRetention.name);
  private readonly job = new PeriodicTask({
    everyMs: HOUR_MS,
    run: () => this.clearLogged(),
    onError: (error) => {
      const reason = error instanceof Error ? error.message : String(error);
      if (isDatabaseUnavailable(error)) this.logger.warn(`Clearing delivered e-mails' bodies waits for the database: ${reason}`);
      else this.logger.error(`Clearing delivered e-mails' bodies failed: ${reason}`);
    },
  });

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly config: MailConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** Returns how many messages had their body cleared. */
  async clearExpired(): Promise<number> {
    const now = this.clock.now();
    const cutoff = bodyRetentionCutoff(now, this.config.bodyRetentionHours);
    let cleared = 0;
    for (;;) {
      const [, count] = (await this.db.query(
        `UPDATE mail_outbox m SET text_body = '', html_body = NULL, attachments = '[]', body_cleared_at = $2
           FROM (SELECT id FROM mail_outbox
                  WHERE body_cleared_at IS NULL AND status <> 'pending' AND coalesce(sent_at, last_attempt_at, created_at) <= $1
                  ORDER BY id
                  LIMIT $3
                  FOR UPDATE SKIP LOCKED) due
          WHERE m.id = due.id`,
        [cutoff, now, BATCH],
      )) as [unknown, number];
      cleared += count;
      if (count < BATCH) return cleared;
    }
  }

  private async clearLogged(): Promise<void> {
    const cleared = await this.clearExpired();
    if (cleared > 0) this.logger.log(`Cleared the bodies of ${cleared} delivered e-mails`);
  }
}

import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MailConfig } from '@dialogdag/config';
import { Clock } from '@dialogdag/shared';
import { MailTransport } from './mail.transport';
import { OutboxMessage } from './outbox-message.entity';
import { afterFailedAttempt } from './outbox.rules';

const BATCH = 10;

/**
 * Delivers due outbox messages. Each batch is claimed with
 * `FOR UPDATE SKIP LOCKED` and kept locked until its result is committed,
 * so several app instances never deliver the same message twice.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<number> | null = null;
  private again = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
    private readonly config: MailConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.transport.enabled) return;
    this.timer = setInterval(() => this.nudge(), this.config.pollIntervalMs);
    this.timer.unref();
    this.nudge();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Ask for a delivery round soon (e.g. right after a transaction that enqueued mail committed). */
  nudge(): void {
    if (!this.transport.enabled) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.deliverDue()
      .catch((error) => {
        this.logger.error(`Outbox delivery round failed: ${error instanceof Error ? error.message : error}`);
        return 0;
      })
      .finally(() => {
        this.running = null;
        if (this.again && this.timer) {
          this.again = false;
          this.nudge();
        }
      });
  }

  /** Delivers everything due now; returns how many messages were sent. */
  async deliverDue(): Promise<number> {
    let sent = 0;
    for (;;) {
      const { claimed, delivered } = await this.deliverBatch();
      sent += delivered;
      if (claimed < BATCH) return sent;
    }
  }

  private deliverBatch(): Promise<{ claimed: number; delivered: number }> {
    return this.db.transaction(async (manager) => {
      const now = this.clock.now();
      const due: OutboxMessage[] = await manager
        .getRepository(OutboxMessage)
        .createQueryBuilder('m')
        .where(`m.status = 'pending' AND m.next_attempt_at <= :now`, { now })
        .orderBy('m.next_attempt_at')
        .addOrderBy('m.id')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      let delivered = 0;
      for (const message of due) {
        try {
          await this.transport.send({
            messageId: message.messageId,
            to: message.recipient,
            subject: message.subject,
            text: message.textBody,
            html: message.htmlBody,
            attachments: message.attachments,
          });
          await manager.update(OutboxMessage, { id: message.id }, { status: 'sent', sentAt: this.clock.now(), attempts: message.attempts + 1, lastError: null });
          delivered++;
        } catch (error) {
          const next = afterFailedAttempt(message.attempts, this.clock.now());
          const reason = error instanceof Error ? error.message : String(error);
          await manager.update(OutboxMessage, { id: message.id }, { ...next, lastError: reason.slice(0, 1000) });
          this.logger.warn(`Mail ${message.id} (${message.kind}) not delivered, attempt ${next.attempts}: ${reason}`);
        }
      }
      return { claimed: due.length, delivered };
    });
  }
}

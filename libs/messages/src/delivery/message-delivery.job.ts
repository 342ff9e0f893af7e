import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { MessagesConfig } from '@dialogdag/config';
import { ConferencesService } from '@dialogdag/conferences';
import { OutboxDispatcher, OutboxService } from '@dialogdag/mail';
import { Clock, DomainError } from '@dialogdag/shared';
import { renderMessage } from '../domain/compose';
import { allowance, defaultBurst, PaceSettings, refill, take } from '../domain/pace';
import { usedPlaceholders } from '../domain/placeholders';
import { contentOf, Message, MessageRecipient } from '../message.entity';
import { PlaceholderFacts } from '../recipients/placeholder-facts';

/**
 * Hands queued recipients to the outbox at the configured pace. The pace lives in one row
 * (`message_pace`) that a round locks with SKIP LOCKED: one instance hands out at a time, so the rate
 * holds for the whole installation; the recipients are claimed with SKIP LOCKED as well, and each
 * one's outbox row is written in the same transaction that marks it handed, so none goes out twice.
 */
@Injectable()
export class MessageDeliveryJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MessageDeliveryJob.name);
  private readonly pace: PaceSettings;
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly outbox: OutboxService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly facts: PlaceholderFacts,
    private readonly config: MessagesConfig,
  ) {
    this.pace = { ratePerMinute: config.ratePerMinute, burst: defaultBurst(config.ratePerMinute) };
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.nudge(), this.config.pollIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** A round soon; rounds of one instance never overlap (other instances are kept apart by the pace row's lock). */
  nudge(): void {
    if (this.running) return;
    this.running = this.handOver()
      .catch((error) => this.logger.error(`Handing messages to the outbox failed: ${error instanceof Error ? error.message : error}`))
      .finally(() => (this.running = null));
  }

  /** Resolves when this instance's current round (if any) has finished. */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** One round: as many queued recipients as the pace allows now; returns how many were handed over. */
  async handOver(): Promise<number> {
    // Most rounds find nothing to do: a plain read, so an idle job takes no lock and writes nothing.
    const [{ waiting }] = await this.db.query(`SELECT EXISTS (SELECT 1 FROM message_recipient WHERE state = 'queued') AS waiting`);
    if (!waiting) return 0;
    const handed = await this.db.transaction(async (manager) => {
      const [row] = await manager.query(`SELECT available, refilled_at FROM message_pace WHERE id = 1 FOR UPDATE SKIP LOCKED`);
      if (!row) return 0;
      const now = this.clock.now();
      let state = refill({ available: Number(row.available), refilledAt: new Date(row.refilled_at) }, this.pace, now);
      const allowed = allowance(state, this.pace.burst);
      if (allowed === 0) return 0;
      const claimed = await manager
        .getRepository(MessageRecipient)
        .createQueryBuilder('r')
        .where(`r.state = 'queued'`)
        .orderBy('r.id')
        .limit(allowed)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (claimed.length === 0) return 0; // the bucket refills the same from the stored state next time
      await this.deliver(manager, claimed);
      state = take(state, claimed.length);
      await manager.query(`UPDATE message_pace SET available = $1, refilled_at = $2 WHERE id = 1`, [state.available, state.refilledAt]);
      return claimed.length;
    });
    if (handed > 0) this.dispatcher.nudge();
    return handed;
  }

  private async deliver(manager: EntityManager, claimed: MessageRecipient[]): Promise<void> {
    const messages = await manager.getRepository(Message).findBy({ id: In([...new Set(claimed.map((r) => r.messageId))]) });
    for (const message of messages) {
      const conference = await this.conferences.findById(message.conferenceId, manager);
      const content = contentOf(message);
      // A further personal link is issued only for messages that show one.
      const needsLink = [content.subject.sv, content.subject.en, content.body.sv, content.body.en].some((t) => t !== undefined && usedPlaceholders(t).has('personalLink'));
      const rows = claimed.filter((r) => r.messageId === message.id);
      const facts = await this.facts.recipients(conference, rows, { issueIn: manager }, needsLink);
      for (const [i, recipient] of rows.entries()) {
        const mail = renderMessage(content, this.facts.conference(conference), facts[i]);
        try {
          const queued = await this.outbox.enqueue(manager, {
            kind: 'message',
            to: recipient.email,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            conferenceId: conference.id,
            registrationId: recipient.registrationId ?? undefined,
          });
          await manager.update(MessageRecipient, { id: recipient.id }, { state: 'handed', outboxId: String(queued.id), handedAt: this.clock.now(), lastError: null });
        } catch (error) {
          // Refused before anything was written (e.g. an address the outbox will not take): record why, go on with the rest.
          if (!(error instanceof DomainError)) throw error;
          await manager.update(MessageRecipient, { id: recipient.id }, { state: 'failed', lastError: error.message });
        }
      }
    }
  }
}

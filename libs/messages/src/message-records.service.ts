import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ConferencesService } from '@dialogdag/conferences';
import { OutboxService } from '@dialogdag/mail';
import type { Language } from '@dialogdag/shared';
import { ProgressSummary, RecipientProgress, recipientProgress, summarise } from './domain/progress';
import { MessageDeliveryJob } from './delivery/message-delivery.job';
import { Message, MessageRecipient } from './message.entity';
import { messageNotFound } from './messages.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RecipientReport extends RecipientProgress {
  id: string;
  kind: 'participant' | 'speaker';
  registrationId: string | null;
  speakerId: string | null;
  name: string;
  email: string;
  language: Language;
}

export interface MessageReport {
  message: Message;
  progress: ProgressSummary;
  recipients: RecipientReport[];
}

/** Sent messages as a record: the list per conference, one message with each recipient's progress, resending failures. */
@Injectable()
export class MessageRecordsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conferences: ConferencesService,
    private readonly outbox: OutboxService,
    private readonly job: MessageDeliveryJob,
  ) {}

  async list(organiserId: string, conferenceId: string): Promise<{ items: Array<{ message: Message; progress: ProgressSummary }>; total: number }> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const messages = await this.db.getRepository(Message).find({ where: { conferenceId }, order: { sentAt: 'DESC', id: 'ASC' } });
    const reports = await this.reports(messages);
    return { items: reports.map(({ message, progress }) => ({ message, progress })), total: messages.length };
  }

  async get(organiserId: string, conferenceId: string, messageId: string): Promise<MessageReport> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const message = await this.find(conferenceId, messageId);
    const [report] = await this.reports([message]);
    return report;
  }

  /**
   * Queues again the recipients whose e-mail the outbox gave up on (or that could not be composed). Only a
   * definite failure is resent, never one still being retried, so nobody gets the message twice.
   */
  async resendFailed(organiserId: string, conferenceId: string, messageId: string): Promise<{ requeued: number }> {
    await this.conferences.assertManages(organiserId, conferenceId);
    await this.find(conferenceId, messageId);
    const requeued = await this.db.transaction(async (manager) => {
      const rows = await manager
        .getRepository(MessageRecipient)
        .createQueryBuilder('r')
        .where(`r.message_id = :messageId AND r.state IN ('handed', 'failed')`, { messageId })
        .setLock('pessimistic_write')
        .getMany();
      const statuses = await this.outbox.statuses(rows.filter((r) => r.outboxId).map((r) => r.outboxId!));
      const failed = rows.filter((r) => recipientProgress(r, r.outboxId ? statuses.get(r.outboxId) : undefined).status === 'failed');
      if (failed.length === 0) return 0;
      await manager
        .createQueryBuilder()
        .update(MessageRecipient)
        .set({ state: 'queued', outboxId: null, handedAt: null, lastError: null, resends: () => 'resends + 1' })
        .where({ id: In(failed.map((r) => r.id)) })
        .execute();
      return failed.length;
    });
    if (requeued > 0) this.job.nudge();
    return { requeued };
  }

  /** The messages a registration was sent, newest first; for the personal page. */
  async receivedBy(registrationId: string): Promise<Message[]> {
    if (!UUID.test(registrationId)) return [];
    return this.db
      .getRepository(Message)
      .createQueryBuilder('m')
      .where(`m.id IN (SELECT r.message_id FROM message_recipient r WHERE r.registration_id = :registrationId AND r.state = 'handed')`, { registrationId })
      .orderBy('m.sent_at', 'DESC')
      .getMany();
  }

  private async find(conferenceId: string, messageId: string): Promise<Message> {
    if (!UUID.test(messageId)) throw messageNotFound();
    const message = await this.db.getRepository(Message).findOneBy({ id: messageId, conferenceId });
    if (!message) throw messageNotFound();
    return message;
  }

  private async reports(messages: Message[]): Promise<MessageReport[]> {
    if (messages.length === 0) return [];
    const rows = await this.db.getRepository(MessageRecipient).find({ where: { messageId: In(messages.map((m) => m.id)) }, order: { id: 'ASC' } });
    const statuses = await this.outbox.statuses(rows.filter((r) => r.outboxId).map((r) => r.outboxId!));
    return messages.map((message) => {
      const recipients = rows
        .filter((r) => r.messageId === message.id)
        .map((r) => ({
          id: r.id,
          kind: r.speakerId ? ('speaker' as const) : ('participant' as const),
          registrationId: r.registrationId,
          speakerId: r.speakerId,
          name: r.name,
          email: r.email,
          language: r.language,
          ...recipientProgress(r, r.outboxId ? statuses.get(r.outboxId) : undefined),
        }));
      return { message, progress: summarise(recipients), recipients };
    });
  }
}

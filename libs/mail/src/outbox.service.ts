import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { MailConfig } from '@dialogdag/config';
import { Clock, DomainError } from '@dialogdag/shared';
import { ComposedMail } from './composed-mail';
import { MailTexts } from './mail-texts';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity';
import { OUTBOX_PAGE_MAX } from './outbox.dto';
import { maskPersonalLinks } from './outbox.mask';

export interface OutboxDeliveryStatus {
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
}

const SINGLE_LINE = /^[^\r\n]*$/;

type NewMessage = Omit<OutboxMessage, 'id'>;

/**
 * The columns a new message fills (the rest keep their defaults), one array each: one statement for any
 * number of messages, without an ORM building and numbering a parameter per cell.
 */
const INSERTED_COLUMNS: Array<[string, string, (m: NewMessage) => unknown]> = [
  ['message_id', 'text', (m) => m.messageId],
  ['conference_id', 'uuid', (m) => m.conferenceId],
  ['registration_id', 'uuid', (m) => m.registrationId],
  ['kind', 'text', (m) => m.kind],
  ['recipient', 'text', (m) => m.recipient],
  ['subject', 'text', (m) => m.subject],
  ['text_body', 'text', (m) => m.textBody],
  ['html_body', 'text', (m) => m.htmlBody],
  ['attachments', 'text', (m) => JSON.stringify(m.attachments)],
];
const INSERT_MANY = `INSERT INTO mail_outbox (${INSERTED_COLUMNS.map(([c]) => c).join(', ')}, next_attempt_at, created_at)
  SELECT ${INSERTED_COLUMNS.map(([c]) => (c === 'attachments' ? 't.attachments::jsonb' : `t.${c}`)).join(', ')}, $${INSERTED_COLUMNS.length + 1}, $${INSERTED_COLUMNS.length + 1}
  FROM unnest(${INSERTED_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) WITH ORDINALITY AS t(${INSERTED_COLUMNS.map(([c]) => c).join(', ')}, ord)
  ORDER BY t.ord
  RETURNING id, message_id AS "messageId"`.replace(/\s+/g, ' ');

@Injectable()
export class OutboxService {
  private readonly messageIdDomain: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly texts: MailTexts,
    config: MailConfig,
  ) {
    this.messageIdDomain = /@([^>\s]+)/.exec(config.mailFrom)?.[1] ?? 'dialogdag.local';
  }

  /**
   * Writes the message in the caller's transaction: it is sent if and only if
   * the transaction that caused it commits.
   */
  async enqueue(manager: EntityManager, mail: ComposedMail): Promise<OutboxMessage> {
    const [message] = await this.enqueueMany(manager, [mail]);
    return message;
  }

  /**
   * Several messages in one multi-row insert, in the caller's transaction; the conference's
   * adapted texts are applied first (one query for the lot). Returned in the order given.
   */
  async enqueueMany(manager: EntityManager, mails: ComposedMail[]): Promise<OutboxMessage[]> {
    if (mails.length === 0) return [];
    for (const mail of mails) {
      if (!SINGLE_LINE.test(mail.to) || !SINGLE_LINE.test(mail.subject)) {
        throw new DomainError('mail_header_injection', 'invalid', 'E-mail addresses and subjects must be one line.', 'email');
      }
    }
    const now = this.clock.now();
    const rows = (await this.texts.adapt(manager, mails)).map(
      (mail): NewMessage => ({
        messageId: `<${randomUUID()}@${this.messageIdDomain}>`,
        conferenceId: mail.conferenceId ?? null,
        registrationId: mail.registrationId ?? null,
        kind: mail.kind,
        recipient: mail.to,
        subject: mail.subject,
        textBody: mail.text,
        htmlBody: mail.html ?? null,
        attachments: mail.attachments ?? [],
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        createdAt: now,
        sentAt: null,
        claimedBy: null,
        claimedUntil: null,
        lastAttemptAt: null,
        bodyClearedAt: null,
      }),
    );
    const ids: Array<{ id: string; messageId: string }> = await manager.query(INSERT_MANY, [
      ...INSERTED_COLUMNS.map(([, , value]) => rows.map(value)),
      now,
    ]);
    const idOf = new Map(ids.map((row) => [row.messageId, row.id]));
    return rows.map((row) => ({ ...row, id: idOf.get(row.messageId) }) as OutboxMessage);
  }

  /**
   * A conference's outbox as its organisers may read it: personal links masked, for only the recipient may
   * ever see them, and no attachments (the QR code is a check-in credential). A body cleared after delivery
   * (OUTBOX_BODY_RETENTION_HOURS) is empty, its `bodyClearedAt` set. `exceptKinds` leaves out mail the
   * reader may not see (invitation links are for the conference's owners).
   */
  /**
   * Erasure and retention: the e-mails already sent (or given up) about these registrations no longer say whom
   * they went to (the address becomes the registration's anonymised one, given in the same order) nor what they
   * said; kind, subject and times stay. Mail still waiting is left to go out, as the last e-mails of an erasure
   * (the cancellation with its fee) must, and its body is cleared after delivery like any other.
   */
  async forgetRecipients(manager: EntityManager, registrationIds: string[], anonymisedAddresses: string[]): Promise<void> {
    if (registrationIds.length === 0) return;
    await manager.query(
      `UPDATE mail_outbox m
          SET recipient = v.address, text_body = '', html_body = NULL, attachments = '[]', body_cleared_at = coalesce(m.body_cleared_at, $1)
         FROM unnest($2::uuid[], $3::text[]) AS v(id, address)
        WHERE m.registration_id = v.id AND m.status <> 'pending'`,
      [this.clock.now(), registrationIds, anonymisedAddresses],
    );
  }

  async listForConference(conferenceId: string, options: { limit?: number; offset?: number; exceptKinds?: string[] } = {}) {
    const [rows, total] = await this.db.getRepository(OutboxMessage).findAndCount({
      where: { conferenceId, ...(options.exceptKinds?.length ? { kind: Not(In(options.exceptKinds)) } : {}) },
      order: { id: 'DESC' },
      // Callers validate (OutboxPageQuery); clamped again so no caller can send PostgreSQL a negative or huge page.
      take: Math.max(1, Math.min(Math.trunc(options.limit ?? 100) || 100, OUTBOX_PAGE_MAX)),
      skip: Math.max(0, Math.min(Math.trunc(options.offset ?? 0) || 0, 1_000_000_000)),
    });
    const items = rows.map((m): OutboxMessage => ({
      ...m,
      textBody: maskPersonalLinks(m.textBody),
      htmlBody: m.htmlBody === null ? null : maskPersonalLinks(m.htmlBody),
      attachments: [],
    }));
    return { items, total };
  }

  /** How far each given message has got, by outbox id; for libs that show the progress of mail they enqueued. */
  async statuses(ids: string[]): Promise<Map<string, OutboxDeliveryStatus>> {
    const result = new Map<string, OutboxDeliveryStatus>();
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await this.db.getRepository(OutboxMessage).find({
        where: { id: In(ids.slice(i, i + 1000)) },
        select: { id: true, status: true, attempts: true, lastError: true, sentAt: true },
      });
      for (const row of rows) result.set(String(row.id), { status: row.status, attempts: row.attempts, lastError: row.lastError, sentAt: row.sentAt });
    }
    return result;
  }
}

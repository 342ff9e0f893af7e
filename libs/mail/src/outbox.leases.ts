import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { MailConfig } from '@dialogdag/config';
import { Clock } from '@dialogdag/shared';
import { MailAttachment } from './outbox-message.entity';
import { afterFailedAttempt, leaseSeconds } from './outbox.rules';

/** A message taken for one delivery, with the claim that must still be its holder when the result is recorded. */
export interface ClaimedMessage {
  id: string;
  messageId: string;
  kind: string;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  attachments: MailAttachment[];
  attempts: number;
  claim: string;
}

/**
 * The outbox's delivery leases, in PostgreSQL so that every instance sees them. Each step is one short
 * statement: nothing stays locked, and no connection is held, while a message is being sent.
 */
@Injectable()
export class OutboxLeases {
  /** Names this process in `claimed_by`: which instance holds (or last held) a message. */
  private readonly instance = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private rounds = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly config: MailConfig,
  ) {}

  /**
   * Takes up to `limit` due messages (by the app's Clock, as retries are scheduled) that nobody holds, or
   * whose holder's lease ran out (by PostgreSQL's clock: it crashed or hung). SKIP LOCKED lets instances
   * claim side by side without waiting for one another.
   */
  async claim(limit: number): Promise<ClaimedMessage[]> {
    const now = this.clock.now();
    const claim = `${this.instance}#${++this.rounds}`;
    const [rows] = (await this.db.query(
      `UPDATE mail_outbox m SET claimed_by = $1, claimed_until = now() + make_interval(secs => $2)
         FROM (SELECT id FROM mail_outbox
                WHERE status = 'pending' AND next_attempt_at <= $3 AND (claimed_until IS NULL OR claimed_until <= now())
                ORDER BY next_attempt_at, id
                LIMIT $4
                FOR UPDATE SKIP LOCKED) due
        WHERE m.id = due.id
        RETURNING m.id, m.message_id AS "messageId", m.kind, m.recipient, m.subject, m.text_body AS "textBody",
                  m.html_body AS "htmlBody", m.attachments, m.attempts`,
      [claim, leaseSeconds(this.config.sendTimeoutMs), now, limit],
    )) as [Array<Omit<ClaimedMessage, 'claim'>>, number];
    return rows.map((row) => ({ ...row, id: String(row.id), claim })).sort((a, b) => Number(a.id) - Number(b.id));
  }

  /**
   * Records a delivery, if the claim still holds the message. False when another delivery took it over
   * after the lease ran out: that one sends it again, with the same Message-ID.
   */
  async recordSent(message: ClaimedMessage): Promise<boolean> {
    const now = this.clock.now();
    const [, updated] = (await this.db.query(
      `UPDATE mail_outbox SET status = 'sent', sent_at = $3, last_attempt_at = $3, attempts = attempts + 1, last_error = NULL, claimed_until = NULL
        WHERE id = $1 AND claimed_by = $2 AND status = 'pending'`,
      [message.id, message.claim, now],
    )) as [unknown, number];
    return updated === 1;
  }

  /** Records a failed (or abandoned) delivery and when to try again, and lets go of the message. */
  async recordFailure(message: ClaimedMessage, reason: string): Promise<{ attempts: number; status: 'pending' | 'failed' }> {
    const now = this.clock.now();
    const next = afterFailedAttempt(message.attempts, now);
    await this.db.query(
      `UPDATE mail_outbox SET status = $3, attempts = $4, next_attempt_at = $5, last_error = $6, last_attempt_at = $7, claimed_until = NULL
        WHERE id = $1 AND claimed_by = $2 AND status = 'pending'`,
      [message.id, message.claim, next.status, next.attempts, next.nextAttemptAt, reason.slice(0, 1000), now],
    );
    return next;
  }
}

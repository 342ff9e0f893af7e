import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/**
 * A file sent with a message: its bytes (base64), or a QR code of a text, drawn when the message is sent.
 * A confirmation's QR code is most of the work of writing it; drawn at delivery, it stays out of the
 * registration's transaction and its row holds a dozen characters instead of a picture.
 */
export type MailAttachment = { filename: string; contentType: string; content: string } | { filename: string; contentType: 'image/png'; qrCodeOf: string };

@Entity('mail_outbox')
export class OutboxMessage {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** RFC 5322 Message-ID, fixed at enqueue so a retried delivery is recognisably the same message. */
  @Column('text')
  messageId!: string;

  @Column('uuid', { nullable: true })
  conferenceId!: string | null;

  @Column('uuid', { nullable: true })
  registrationId!: string | null;

  @Column('text')
  kind!: string;

  @Column('text')
  recipient!: string;

  @Column('text')
  subject!: string;

  @Column('text')
  textBody!: string;

  @Column('text', { nullable: true })
  htmlBody!: string | null;

  @Column('jsonb', { default: [] })
  attachments!: MailAttachment[];

  @Column('text', { default: 'pending' })
  status!: OutboxStatus;

  @Column('int', { default: 0 })
  attempts!: number;

  @Column('timestamptz')
  nextAttemptAt!: Date;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;

  /** The delivery that holds the message (instance and round), while it sends or last sent it. */
  @Column('text', { nullable: true })
  claimedBy!: string | null;

  /** Until then (PostgreSQL's clock) no other delivery takes the message; past it (the holder crashed), any instance may. */
  @Column('timestamptz', { nullable: true })
  claimedUntil!: Date | null;

  @Column('timestamptz', { nullable: true })
  lastAttemptAt!: Date | null;

  /** When text, HTML and attachments were cleared (OUTBOX_BODY_RETENTION_HOURS after delivery). */
  @Column('timestamptz', { nullable: true })
  bodyClearedAt!: Date | null;
}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** base64 */
  content: string;
}

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
}

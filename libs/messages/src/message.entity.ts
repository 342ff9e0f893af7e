import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Language } from '@dialogdag/shared';
import type { RecipientFilter } from './domain/recipient-filter';

/** A composed message as sent: who sent it, when, what it said, to which filter. */
@Entity('message')
export class Message {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  conferenceId!: string;

  @Column('uuid', { nullable: true })
  sentById!: string | null;

  @Column('text')
  sentByName!: string;

  @Column('timestamptz')
  sentAt!: Date;

  @Column('text', { nullable: true })
  subjectSv!: string | null;

  @Column('text', { nullable: true })
  bodySv!: string | null;

  @Column('text', { nullable: true })
  subjectEn!: string | null;

  @Column('text', { nullable: true })
  bodyEn!: string | null;

  @Column('jsonb')
  filter!: RecipientFilter;

  @Column('int')
  recipientCount!: number;
}

export type RecipientState = 'queued' | 'handed' | 'failed';

/** One recipient of one message; the unique (message, address) pair is what makes "never twice" hold. */
@Entity('message_recipient')
export class MessageRecipient {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column('uuid')
  messageId!: string;

  @Column('uuid', { nullable: true })
  registrationId!: string | null;

  @Column('uuid', { nullable: true })
  speakerId!: string | null;

  @Column('text')
  name!: string;

  @Column('text')
  email!: string;

  @Column('text')
  emailKey!: string;

  @Column('text')
  language!: Language;

  @Column('text', { default: 'queued' })
  state!: RecipientState;

  @Column('bigint', { nullable: true })
  outboxId!: string | null;

  @Column('timestamptz', { nullable: true })
  handedAt!: Date | null;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @Column('int', { default: 0 })
  resends!: number;
}

export function contentOf(m: Pick<Message, 'subjectSv' | 'bodySv' | 'subjectEn' | 'bodyEn'>) {
  const pick = (v: string | null) => v ?? undefined;
  return {
    subject: { sv: pick(m.subjectSv), en: pick(m.subjectEn) } as Partial<Record<Language, string>>,
    body: { sv: pick(m.bodySv), en: pick(m.bodyEn) } as Partial<Record<Language, string>>,
  };
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Language } from '@dialogdag/shared';

/** A conference's own introduction and closing for one automatic e-mail in one language; no row: the default text. */
@Entity('mail_text')
export class MailText {
  @PrimaryColumn('uuid')
  conferenceId!: string;

  @PrimaryColumn('text')
  kind!: string;

  @PrimaryColumn('text')
  language!: Language;

  @Column('text')
  intro!: string;

  @Column('text')
  closing!: string;

  @Column('uuid', { nullable: true })
  updatedBy!: string | null;

  @Column('text')
  updatedByName!: string;

  @Column('timestamptz')
  updatedAt!: Date;
}

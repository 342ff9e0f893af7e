import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Language, Sector } from '@dialogdag/shared';

export const SPEAKER_STATUSES = ['invited', 'confirmed', 'declined'] as const;
export type SpeakerStatus = (typeof SPEAKER_STATUSES)[number];

/** Someone who speaks, chairs a panel, inspires a workshop or moderates the day, at one conference. */
@Entity('speaker')
export class Speaker {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  conferenceId!: string;

  @Column('text')
  name!: string;

  /** E.g. "integration strategist", "chair of the municipal board". */
  @Column('text', { default: '' })
  title!: string;

  @Column('text', { default: '' })
  organisation!: string;

  @Column('text')
  sector!: Sector;

  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text', { default: '' })
  bio!: string;

  @Column('text', { default: 'invited' })
  status!: SpeakerStatus;

  /** Language of the e-mails the speaker gets. */
  @Column('text', { default: 'sv' })
  language!: Language;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}

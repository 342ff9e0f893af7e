import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProgrammeKind, SpeakerRole } from './programme.rules';

@Entity('programme_item')
export class ProgrammeItem {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  conferenceId!: string;

  @Column('timestamptz')
  startsAt!: Date;

  @Column('timestamptz')
  endsAt!: Date;

  @Column('text')
  kind!: ProgrammeKind;

  @Column('text')
  title!: string;

  @Column('text', { default: '' })
  description!: string;

  /** Null: a plenary item, for everybody, wherever the day's main room is. */
  @Column('text', { nullable: true })
  room!: string | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}

@Entity('programme_item_speaker')
export class ProgrammeItemSpeaker {
  @PrimaryColumn('uuid')
  itemId!: string;

  @PrimaryColumn('uuid')
  speakerId!: string;

  @Column('uuid')
  conferenceId!: string;

  @Column('text')
  role!: SpeakerRole;

  /** Order in which the item lists its speakers. */
  @Column('int', { default: 0 })
  position!: number;
}

/** The moderator of the day (at most one per conference), a speaker of the same conference. */
@Entity('programme_moderator')
export class ProgrammeModerator {
  @PrimaryColumn('uuid')
  conferenceId!: string;

  @Column('uuid')
  speakerId!: string;
}

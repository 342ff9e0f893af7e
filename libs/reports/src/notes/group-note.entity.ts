import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The written outcome of one workshop group, table or discussion question. */
@Entity('group_note')
export class GroupNote {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  conferenceId!: string;

  /** The workshop theme or discussion question the notes are compiled under. */
  @Column('text', { default: '' })
  theme!: string;

  @Column('text')
  groupName!: string;

  @Column('text', { default: '' })
  obstacles!: string;

  @Column('text', { default: '' })
  opportunities!: string;

  @Column('text', { default: '' })
  proposals!: string;

  /** The note-taker's link is stored only as a hash. */
  @Column('text', { nullable: true, select: false })
  noteTakerTokenHash!: string | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ConferenceRole } from '@dialogdag/auth';

/** An owner's invitation to take a role in a conference; the link's token is stored only as a hash. */
@Entity('conference_invitation')
export class ConferenceInvitation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  conferenceId!: string;

  @Column('text')
  email!: string;

  @Column('text')
  role!: ConferenceRole;

  @Column('text', { select: false })
  tokenHash!: string;

  @Column('uuid', { nullable: true })
  invitedBy!: string | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  acceptedAt!: Date | null;

  @Column('uuid', { nullable: true })
  acceptedBy!: string | null;
}

import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { AssignmentMetrics } from './algorithm/assignment.types';

/** A themed workshop of a conference, in one round or repeated in several. */
@Entity('workshop')
export class Workshop {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  conferenceId!: string;

  @Column('text')
  title!: string;

  @Column('text', { default: '' })
  theme!: string;

  @Column('text', { default: '' })
  description!: string;

  @Column('text', { nullable: true })
  room!: string | null;

  /** Seats in each of its rounds. */
  @Column('int')
  capacity!: number;

  /** Round keys (see rounds.rules.ts), in the order the organiser gave them. */
  @Column('text', { array: true })
  rounds!: string[];

  @Column('int', { default: 6 })
  groupMin!: number;

  @Column('int', { default: 10 })
  groupMax!: number;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}

/** A speaker who opens the workshop with a short talk; not counted in its groups. */
@Entity('workshop_inspirer')
export class WorkshopInspirer {
  @PrimaryColumn('uuid')
  workshopId!: string;

  @PrimaryColumn('uuid')
  speakerId!: string;

  @Column('uuid')
  conferenceId!: string;

  @Column('int', { default: 0 })
  position!: number;
}

/** A person's workshop in one round, with their dialogue group there. */
@Entity('workshop_assignment')
export class WorkshopAssignment {
  @PrimaryColumn('uuid')
  registrationId!: string;

  @PrimaryColumn('text')
  round!: string;

  @Column('uuid')
  conferenceId!: string;

  @Column('uuid')
  workshopId!: string;

  @Column('int', { nullable: true })
  dialogueGroup!: number | null;

  /** 1–3: the person's choice it was; null: outside their choices. */
  @Column('int', { nullable: true })
  rank!: number | null;

  /** Set by an organiser: kept by every later run. */
  @Column('boolean', { default: false })
  locked!: boolean;

  @Column('timestamptz')
  assignedAt!: Date;
}

export interface SnapshotEntry {
  id: string;
  preferences: string[];
}

/** One run of the assignment: when, how long, how well, and who it was for. */
@Entity('workshop_run')
export class WorkshopRun {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  conferenceId!: string;

  @Column('timestamptz')
  ranAt!: Date;

  @Column('double precision')
  durationMs!: number;

  @Column('jsonb')
  metrics!: AssignmentMetrics;

  @Column('jsonb')
  snapshot!: SnapshotEntry[];
}

import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { SeatingMetrics, Move } from './algorithm';

/** A table in the room: a name, its seats, reserved (left empty by the placement) or open. */
@Entity('seating_table')
export class SeatingTableRow {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  conferenceId!: string;

  @Column('text')
  name!: string;

  @Column('int')
  seats!: number;

  @Column('boolean', { default: false })
  reserved!: boolean;

  /** Order in the room plan and on the page. */
  @Column('int')
  position!: number;

  @Column('timestamptz')
  createdAt!: Date;
}

/** Where a seat holder sits in the stored placement. */
@Entity('seating_seat')
export class SeatingSeatRow {
  @PrimaryColumn('uuid')
  registrationId!: string;

  @Column('uuid')
  conferenceId!: string;

  @Column('uuid')
  tableId!: string;
}

/** Someone the organiser placed by hand: the placement never moves them. */
@Entity('seating_fixed')
export class SeatingFixedRow {
  @PrimaryColumn('uuid')
  registrationId!: string;

  @Column('uuid')
  conferenceId!: string;

  @Column('uuid')
  tableId!: string;
}

export const REQUEST_KINDS = ['apart', 'together'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Keep two people apart, or together. */
@Entity('seating_request')
export class SeatingRequestRow {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  conferenceId!: string;

  @Column('text')
  kind!: RequestKind;

  @Column('uuid')
  firstId!: string;

  @Column('uuid')
  secondId!: string;

  @Column('timestamptz')
  createdAt!: Date;
}

/** The last placement run of a conference: when, how good, who moved. One row per conference, also the run lock. */
@Entity('seating_plan')
export class SeatingPlanRow {
  @PrimaryColumn('uuid')
  conferenceId!: string;

  @Column('timestamptz', { nullable: true })
  ranAt!: Date | null;

  @Column('jsonb', { nullable: true })
  metrics!: (SeatingMetrics & { runMilliseconds: number }) | null;

  @Column('jsonb', { default: () => `'[]'` })
  moved!: Move[];
}

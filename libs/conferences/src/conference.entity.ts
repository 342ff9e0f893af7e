import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ConferenceRole } from '@dialogdag/auth';

export type ConferenceStatus = 'draft' | 'published';

@Entity('conference')
export class Conference {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  slug!: string;

  @Column('text')
  title!: string;

  @Column('text', { default: '' })
  description!: string;

  @Column('text', { default: '' })
  targetAudience!: string;

  /** Co-arranging organisations, as printed on the invitation. */
  @Column('text', { default: '' })
  arrangers!: string;

  /** E.g. "Free of charge, lunch and coffee included"; null shows that default. */
  @Column('text', { nullable: true })
  costNote!: string | null;

  @Column('text', { nullable: true })
  contactEmail!: string | null;

  /** What participants are told about their personal data (plain text); null shows the default notice. */
  @Column('text', { nullable: true })
  privacyNotice!: string | null;

  @Column('timestamptz')
  startsAt!: Date;

  @Column('timestamptz')
  endsAt!: Date;

  @Column('text')
  venueName!: string;

  @Column('text', { default: '' })
  venueAddress!: string;

  @Column('text', { default: '' })
  venueCity!: string;

  @Column('int')
  capacity!: number;

  /** Seats held by confirmed registrations; changed only through ConferencesService's seat methods. */
  @Column('int', { default: 0 })
  seatsHeld!: number;

  @Column('timestamptz', { nullable: true })
  registrationOpensAt!: Date | null;

  @Column('timestamptz')
  registrationDeadline!: Date;

  /** Last moment for self-service changes (diet, phone, preferences); null: the registration deadline. */
  @Column('timestamptz', { nullable: true })
  modificationDeadline!: Date | null;

  @Column('timestamptz')
  cancellationDeadline!: Date;

  /** Öre. */
  @Column('int', { default: 0 })
  cancellationFee!: number;

  @Column('int', { nullable: true })
  travelMinRoundTripKm!: number | null;

  @Column('timestamptz', { nullable: true })
  travelRequestDeadline!: Date | null;

  /** Öre per km. */
  @Column('int', { nullable: true })
  travelRatePerKm!: number | null;

  /** Öre. */
  @Column('int', { nullable: true })
  travelBudget!: number | null;

  /** Public transport is reimbursed at the ticket's cost. */
  @Column('boolean', { default: true })
  travelPublicTransportAtCost!: boolean;

  @Column('boolean', { default: false })
  travelLostEarningsAllowed!: boolean;

  /** Öre per person. */
  @Column('int', { default: 0 })
  travelLostEarningsCap!: number;

  /** Fixed fee (arvode) per eligible person, öre; 0 for none. */
  @Column('int', { default: 0 })
  travelFixedFee!: number;

  @Column('text', { default: 'draft' })
  status!: ConferenceStatus;

  @Column('timestamptz', { nullable: true })
  publishedAt!: Date | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}

@Entity('conference_organiser')
export class ConferenceOrganiser {
  @Column('uuid', { primary: true })
  conferenceId!: string;

  @Column('uuid', { primary: true })
  organiserId!: string;

  /** What the organiser may do in this conference (see permissions.rules in libs/auth); its creator is owner. */
  @Column('text')
  role!: ConferenceRole;
}

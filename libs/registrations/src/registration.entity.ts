import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Language, Sector } from '@dialogdag/shared';

/**
 * confirmed: holds a seat; waitlisted: queued for one; cancelled: gave it up;
 * transferred: handed the seat to a colleague (whose registration holds it now).
 */
export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled' | 'transferred';
export type RegistrationSource = 'public' | 'organiser' | 'walk_in' | 'transfer';

@Entity('registration')
export class Registration {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  conferenceId!: string;

  @Column('text')
  status!: RegistrationStatus;

  @Column('text')
  name!: string;

  @Column('text')
  email!: string;

  @Column('text', { nullable: true })
  phone!: string | null;

  @Column('text')
  organisation!: string;

  @Column('text')
  sector!: Sector;

  @Column('boolean', { default: false })
  isPolitician!: boolean;

  @Column('text', { nullable: true })
  politicalParty!: string | null;

  /** Volunteers of civil-society organisations may claim travel reimbursement. */
  @Column('boolean', { default: false })
  isVolunteer!: boolean;

  /** Special diet: may reveal health or religion, so kept only with explicit consent. */
  @Column('text', { nullable: true })
  diet!: string | null;

  @Column('timestamptz', { nullable: true })
  dietConsentAt!: Date | null;

  /** Ranked workshop choices, first choice first. */
  @Column('uuid', { array: true, default: () => `'{}'` })
  workshopPreferences!: string[];

  @Column('text', { default: 'sv' })
  language!: Language;

  @Column('text', { select: false })
  manageTokenHash!: string;

  @Column('text', { default: 'public' })
  source!: RegistrationSource;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  confirmedAt!: Date | null;

  /** Queue order of the waiting list. */
  @Column('timestamptz', { nullable: true })
  waitlistedAt!: Date | null;

  /** Place in the waiting list (a sequence, arrival order); a transfer keeps it. */
  @Column('bigint', { nullable: true })
  waitlistOrder!: string | null;

  @Column('timestamptz', { nullable: true })
  cancelledAt!: Date | null;

  /** Set in the transaction that enqueued the reminder, so it goes out once. */
  @Column('timestamptz', { nullable: true })
  reminderSentAt!: Date | null;

  /** Öre owed for a late cancellation or a no-show. */
  @Column('int', { default: 0 })
  fee!: number;

  @Column('timestamptz', { nullable: true })
  feeWaivedAt!: Date | null;

  @Column('text', { nullable: true })
  feeWaiverReason!: string | null;

  @Column('timestamptz', { nullable: true })
  checkedInAt!: Date | null;

  @Column('uuid', { nullable: true })
  transferredFromId!: string | null;

  /** What the QR code at the door holds: random, not the personal-link token. */
  @Column('text')
  checkInCode!: string;

  /** Set when the personal data was anonymised (erased on request, or after the retention period). */
  @Column('timestamptz', { nullable: true })
  anonymisedAt!: Date | null;

  @Column('timestamptz')
  updatedAt!: Date;
}

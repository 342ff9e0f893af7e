import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ClaimStatus } from './rules/claim-state.rules';
import type { TravelMode } from './rules/travel-policy';

const kilometres = { to: (km: number) => km, from: (text: string | null) => (text === null ? null : Number(text)) };

@Entity('travel_claim')
export class TravelClaim {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** From a sequence; the reference people quote is RE- and this number. */
  @Column({ type: 'bigint', insert: false, update: false })
  number!: string;

  @Column('uuid')
  conferenceId!: string;

  @Column('uuid')
  registrationId!: string;

  @Column('text')
  status!: ClaimStatus;

  @Column('text')
  mode!: TravelMode;

  @Column('text')
  fromPlace!: string;

  @Column('numeric', { precision: 7, scale: 1, transformer: kilometres })
  roundTripKm!: number;

  @Column('int', { nullable: true })
  ticketCost!: number | null;

  @Column('int')
  lostEarnings!: number;

  @Column('text', { nullable: true })
  lostEarningsDescription!: string | null;

  /** The rate the amount was computed with. */
  @Column('int')
  ratePerKm!: number;

  @Column('int')
  travelAmount!: number;

  @Column('int')
  lostEarningsAmount!: number;

  @Column('int')
  fixedFeeAmount!: number;

  @Column('int')
  computedAmount!: number;

  @Column('int', { nullable: true })
  approvedAmount!: number | null;

  @Column('text', { nullable: true })
  decisionReason!: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt!: Date | null;

  @Column('uuid', { nullable: true })
  decidedBy!: string | null;

  /** Stockholm date, YYYY-MM-DD. */
  @Column('date', { nullable: true })
  paidOn!: string | null;

  @Column('timestamptz', { nullable: true })
  paidAt!: Date | null;

  @Column('uuid', { nullable: true })
  paidBy!: string | null;

  /** Stays after the bank details are erased: bookkeeping needs who was paid. */
  @Column('text', { nullable: true })
  payeeName!: string | null;

  /** Never selected by default: only the review page and the payment list decrypt it. */
  @Column('bytea', { nullable: true, select: false })
  payeeDetails!: Buffer | null;

  @Column('text', { nullable: true })
  payeeKeyId!: string | null;

  @Column('timestamptz', { nullable: true })
  payeeGivenAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  payeeErasedAt!: Date | null;

  @Column('timestamptz')
  submittedAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;

  @Column('timestamptz', { nullable: true })
  withdrawnAt!: Date | null;
}

@Entity('travel_claim_person')
export class TravelClaimPerson {
  @PrimaryColumn('uuid')
  registrationId!: string;

  @Column('uuid')
  claimId!: string;

  @Column('uuid')
  conferenceId!: string;

  @Column('text')
  role!: 'claimant' | 'passenger';
}

@Entity('travel_claim_receipt')
export class TravelClaimReceipt {
  @PrimaryColumn('uuid')
  claimId!: string;

  @Column('text')
  contentType!: string;

  @Column('int')
  byteSize!: number;

  @Column('bytea', { select: false })
  content!: Buffer;

  @Column('timestamptz')
  uploadedAt!: Date;
}

@Entity('reimbursement_secret')
export class ReimbursementSecret {
  @PrimaryColumn('text')
  name!: string;

  @Column('text')
  value!: string;
}

export const referenceOf = (claim: Pick<TravelClaim, 'number'>) => `RE-${String(claim.number).padStart(5, '0')}`;

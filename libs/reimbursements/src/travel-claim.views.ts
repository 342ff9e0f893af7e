import { ApiProperty } from '@nestjs/swagger';
import { toStockholmIso } from '@dialogdag/shared';
import type { ReceiptInfo } from './claims.store';
import { ClaimStage, stageOf, receiptNeeded } from './rules/claim-state.rules';
import { referenceOf, TravelClaim } from './travel-claim.entity';

export class PersonRefView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() organisation!: string;
}

export class AmountsView {
  @ApiProperty({ description: 'Öre: km × rate for a car, the ticket for public transport' }) travel!: number;
  @ApiProperty({ description: 'Öre, up to the cap' }) lostEarnings!: number;
  @ApiProperty({ description: 'Öre (arvode)' }) fixedFee!: number;
  @ApiProperty({ description: 'Öre' }) total!: number;
}

export class ReceiptView {
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() uploadedAt!: string;
}

export class TravelClaimView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'RE-00012' }) reference!: string;
  @ApiProperty({ format: 'uuid' }) conferenceId!: string;
  @ApiProperty({ format: 'uuid' }) registrationId!: string;
  @ApiProperty({ type: PersonRefView }) claimant!: PersonRefView;
  @ApiProperty({ enum: ['submitted', 'approved', 'adjusted', 'rejected', 'withdrawn'] }) status!: string;
  @ApiProperty({ enum: ['new', 'approved', 'adjusted', 'rejected', 'paid', 'withdrawn'] }) stage!: ClaimStage;
  @ApiProperty({ enum: ['car', 'public_transport'] }) mode!: string;
  @ApiProperty() fromPlace!: string;
  @ApiProperty() roundTripKm!: number;
  @ApiProperty({ type: [PersonRefView], description: 'The car group: who rode with the claimant' }) passengers!: PersonRefView[];
  @ApiProperty({ nullable: true, type: Number }) ticketCost!: number | null;
  @ApiProperty({ description: 'Öre claimed' }) lostEarnings!: number;
  @ApiProperty({ nullable: true, type: String }) lostEarningsDescription!: string | null;
  @ApiProperty({ description: 'Öre per km the amount was computed with' }) ratePerKm!: number;
  @ApiProperty({ type: AmountsView, description: 'Computed under the policy when submitted' }) amounts!: AmountsView;
  @ApiProperty({ description: 'Öre' }) computedAmount!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Öre, once approved or adjusted' }) approvedAmount!: number | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty() receiptNeeded!: boolean;
  @ApiProperty({ type: ReceiptView, nullable: true }) receipt!: ReceiptView | null;
  @ApiProperty({ nullable: true, type: String }) payeeName!: string | null;
  @ApiProperty({ description: 'The bank details themselves are shown only on the review page' }) payeeDetailsGiven!: boolean;
  @ApiProperty({ nullable: true, type: String }) payeeGivenAt!: string | null;
  @ApiProperty() payeeDetailsErased!: boolean;
  @ApiProperty({ nullable: true, type: String }) paidOn!: string | null;
  @ApiProperty() submittedAt!: string;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
}

export type People = Map<string, { name: string; organisation: string }>;

const person = (id: string, people: People): PersonRefView => ({ id, name: people.get(id)?.name ?? '', organisation: people.get(id)?.organisation ?? '' });

export function toClaimView(c: TravelClaim, passengers: string[], people: People, receipt: ReceiptInfo | undefined): TravelClaimView {
  return {
    id: c.id,
    reference: referenceOf(c),
    conferenceId: c.conferenceId,
    registrationId: c.registrationId,
    claimant: person(c.registrationId, people),
    status: c.status,
    stage: stageOf(c),
    mode: c.mode,
    fromPlace: c.fromPlace,
    roundTripKm: c.roundTripKm,
    passengers: passengers.map((id) => person(id, people)),
    ticketCost: c.ticketCost,
    lostEarnings: c.lostEarnings,
    lostEarningsDescription: c.lostEarningsDescription,
    ratePerKm: c.ratePerKm,
    amounts: { travel: c.travelAmount, lostEarnings: c.lostEarningsAmount, fixedFee: c.fixedFeeAmount, total: c.computedAmount },
    computedAmount: c.computedAmount,
    approvedAmount: c.approvedAmount,
    reason: c.decisionReason,
    receiptNeeded: receiptNeeded(c.mode),
    receipt: receipt ? { contentType: receipt.contentType, size: receipt.byteSize, uploadedAt: toStockholmIso(receipt.uploadedAt) } : null,
    payeeName: c.payeeName,
    payeeDetailsGiven: c.payeeKeyId !== null,
    payeeGivenAt: c.payeeGivenAt ? toStockholmIso(c.payeeGivenAt) : null,
    payeeDetailsErased: c.payeeErasedAt !== null,
    paidOn: c.paidOn,
    submittedAt: toStockholmIso(c.submittedAt),
    decidedAt: c.decidedAt ? toStockholmIso(c.decidedAt) : null,
  };
}

/** The view's amount in the shape the amount lines read. */
export const storedAmounts = (v: TravelClaimView) => ({
  ...v,
  mode: v.mode as TravelClaim['mode'],
  travelAmount: v.amounts.travel,
  lostEarningsAmount: v.amounts.lostEarnings,
  fixedFeeAmount: v.amounts.fixedFee,
  computedAmount: v.amounts.total,
});

import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalSectionContext, RegistrationExtensions } from '@dialogdag/registrations';
import { toStockholmIso } from '@dialogdag/shared';
import { ClaimStore } from './claims.store';
import { stageOf } from './rules/claim-state.rules';
import { referenceOf, TravelClaim, TravelClaimPerson } from './travel-claim.entity';

/**
 * The travel-claims section of "Download my data": the person's own claims with their amounts, and the claim
 * they ride in as a passenger (its reference only: the claim is the driver's). Bank details are never decrypted
 * here; the export says they are stored encrypted. Passengers are counted, not named.
 */
@Injectable()
export class ReimbursementsPersonalData implements OnModuleInit {
  constructor(
    private readonly store: ClaimStore,
    private readonly extensions: RegistrationExtensions,
  ) {}

  onModuleInit(): void {
    this.extensions.addPersonalData({ key: 'travelClaims', collect: (context) => this.collect(context) });
  }

  async collect({ participant }: PersonalSectionContext) {
    const claims = await this.store.db.getRepository(TravelClaim).find({ where: { registrationId: participant.id }, order: { number: 'ASC' } });
    const ids = claims.map((c) => c.id);
    const [passengers, receipts] = await Promise.all([this.store.passengersOf(ids), this.store.receiptsOf(ids)]);
    const riding = await this.store.db.getRepository(TravelClaimPerson).findOneBy({ registrationId: participant.id, role: 'passenger' });
    const ridingIn = riding ? await this.store.byId(riding.claimId) : null;
    return {
      claims: claims.map((c) => {
        const receipt = receipts.get(c.id);
        return {
          reference: referenceOf(c),
          stage: stageOf(c),
          mode: c.mode,
          fromPlace: c.fromPlace,
          roundTripKm: c.roundTripKm,
          passengers: passengers.get(c.id)?.length ?? 0,
          ticketCost: c.ticketCost,
          lostEarnings: c.lostEarnings,
          lostEarningsDescription: c.lostEarningsDescription,
          amounts: { travel: c.travelAmount, lostEarnings: c.lostEarningsAmount, fixedFee: c.fixedFeeAmount, total: c.computedAmount },
          approvedAmount: c.approvedAmount,
          decisionReason: c.decisionReason,
          paidOn: c.paidOn,
          receipt: receipt ? { contentType: receipt.contentType, size: receipt.byteSize, uploadedAt: toStockholmIso(receipt.uploadedAt) } : null,
          payee: {
            name: c.payeeName,
            bankDetailsGiven: c.payeeKeyId !== null,
            bankDetailsStoredEncrypted: c.payeeKeyId !== null,
            bankDetailsIncludedHere: false,
            bankDetailsErasedAt: c.payeeErasedAt ? toStockholmIso(c.payeeErasedAt) : null,
          },
          submittedAt: toStockholmIso(c.submittedAt),
          decidedAt: c.decidedAt ? toStockholmIso(c.decidedAt) : null,
        };
      }),
      passengerIn: ridingIn ? { reference: referenceOf(ridingIn), stage: stageOf(ridingIn) } : null,
    };
  }
}

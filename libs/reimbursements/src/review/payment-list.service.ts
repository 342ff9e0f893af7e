import { Injectable } from '@nestjs/common';
import { ClaimViews } from '../claim-views.service';
import { ClaimStore } from '../claims.store';
import { PayeeCipher } from '../payee/payee-cipher';
import { PayeeDetails } from '../rules/payee.rules';
import { referenceOf } from '../travel-claim.entity';
import { PaymentRow } from './payment-list';
import { ReviewService } from './review.service';

/** The payment list and the review page are the only places payee details are decrypted. */
@Injectable()
export class PayeeReader {
  constructor(
    private readonly store: ClaimStore,
    private readonly cipher: PayeeCipher,
    private readonly review: ReviewService,
    private readonly views: ClaimViews,
  ) {}

  /** For the review page of one claim (the caller has checked the organiser). */
  async details(claim: { id: string; payeeKeyId: string | null }): Promise<{ details: PayeeDetails | null; unreadable: boolean }> {
    if (!claim.payeeKeyId) return { details: null, unreadable: false };
    const sealed = await this.store.sealedPayee(claim.id);
    const details = sealed ? await this.cipher.open(claim.id, sealed, claim.payeeKeyId) : null;
    return { details, unreadable: details === null };
  }

  async paymentRows(organiserId: string, conferenceId: string): Promise<PaymentRow[]> {
    const claims = await this.review.payable(organiserId, conferenceId);
    const people = await this.views.people(conferenceId, claims.map((c) => c.registrationId));
    const rows: PaymentRow[] = [];
    for (const claim of claims) {
      const { details, unreadable } = await this.details(claim);
      const claimant = people.get(claim.registrationId);
      rows.push({
        reference: referenceOf(claim),
        payee: claim.payeeName ?? claimant?.name ?? '',
        organisation: claimant?.organisation ?? '',
        details,
        detailsUnreadable: unreadable,
        amount: claim.approvedAmount ?? 0,
      });
    }
    return rows;
  }
}

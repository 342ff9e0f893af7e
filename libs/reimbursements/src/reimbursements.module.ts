import { Module } from '@nestjs/common';
import { ReimbursementsAdminLinks } from './reimbursements.admin-links';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@dialogdag/auth';
import { ConferencesModule } from '@dialogdag/conferences';
import { MailModule } from '@dialogdag/mail';
import { RegistrationsModule } from '@dialogdag/registrations';
import { ClaimViews } from './claim-views.service';
import { ClaimStore } from './claims.store';
import { ClaimantService } from './claimant/claimant.service';
import { Passengers } from './claimant/passengers';
import { ClaimantPages } from './pages/claimant.pages';
import { ReviewPages } from './pages/review.pages';
import { PublicClaimsController } from './claimant/public-claims.controller';
import { PayeeCipher } from './payee/payee-cipher';
import { PayeeRetention } from './payee/payee-retention';
import { ReimbursementHooks } from './reimbursement.hooks';
import { ReimbursementsPersonalData } from './reimbursements.personal-data';
import { ReimbursementsPrivacy } from './reimbursements.privacy';
import { PayeeReader } from './review/payment-list.service';
import { ReviewController } from './review/review.controller';
import { ClaimAccess } from './review/claim-access';
import { ReviewService } from './review/review.service';
import { ReimbursementSecret, TravelClaim, TravelClaimPerson, TravelClaimReceipt } from './travel-claim.entity';

/** Travel reimbursement and lost-earnings compensation for civil-society volunteers, from the claim to the payment list. */
@Module({
  imports: [
    TypeOrmModule.forFeature([TravelClaim, TravelClaimPerson, TravelClaimReceipt, ReimbursementSecret]),
    AuthModule,
    ConferencesModule,
    MailModule,
    RegistrationsModule,
  ],
  controllers: [PublicClaimsController, ReviewController, ClaimantPages, ReviewPages],
  providers: [ReimbursementsAdminLinks, ClaimAccess, ClaimStore, ClaimViews, PayeeCipher, PayeeRetention, Passengers, ClaimantService, ReviewService, PayeeReader, ReimbursementHooks, ReimbursementsPersonalData, ReimbursementsPrivacy],
  exports: [ReviewService, PayeeRetention],
})
export class ReimbursementsModule {}

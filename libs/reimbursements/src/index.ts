import { TravelClaims1764000400000 } from './migrations/1764000400000-travel-claims';

export * from './reimbursements.module';
export { ReviewService } from './review/review.service';
export { PayeeRetention } from './payee/payee-retention';
export type { TravelClaimSummary, OrganisationTotals } from './rules/summary.rules';
export type { BudgetState } from './rules/claim-state.rules';
export const reimbursementsMigrations = [TravelClaims1764000400000];
export { sampleClaimMail } from './claim-mail';

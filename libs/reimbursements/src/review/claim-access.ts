import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccessRegistry } from '@dialogdag/auth';
import { ClaimStore } from '../claims.store';
import { claimNotFound } from '../reimbursement.errors';

/** The resolver of routes keyed by a claim (`/api/travel-claims/:claimId`): the claim's conference decides. */
export const TRAVEL_CLAIM = 'travel-claim';

@Injectable()
export class ClaimAccess implements OnModuleInit {
  constructor(
    private readonly access: AccessRegistry,
    private readonly store: ClaimStore,
  ) {}

  onModuleInit(): void {
    this.access.addConferenceResolver(
      TRAVEL_CLAIM,
      async (params) => (params.claimId ? ((await this.store.byId(params.claimId))?.conferenceId ?? null) : null),
      { notFound: claimNotFound },
    );
  }
}

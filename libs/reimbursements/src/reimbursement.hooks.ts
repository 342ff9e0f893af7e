import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RegistrationExtensions } from '@dialogdag/registrations';
import { Clock } from '@dialogdag/shared';
import { ClaimantService } from './claimant/claimant.service';
import { personalSection } from './pages/personal-section';

/** Plugs travel claims into registrations: a block on the personal page, and the claims of people who leave. */
@Injectable()
export class ReimbursementHooks implements OnModuleInit {
  constructor(
    private readonly extensions: RegistrationExtensions,
    private readonly claimant: ClaimantService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.extensions.addPersonalSection({
      key: 'travel-claim',
      render: async ({ participant, conference, token, lang }) => personalSection(await this.claimant.contextFor(participant, conference), token, lang),
    });
    this.extensions.onCancelled((manager, registrationId) => this.left(manager, registrationId));
    this.extensions.onTransferred((manager, fromRegistrationId) => this.left(manager, fromRegistrationId));
  }

  /**
   * Someone gave up their seat (before the conference, as cancelling and transferring require):
   * their undecided claim is withdrawn and they leave undecided car groups. Decided claims stay
   * as the organisers decided them.
   */
  private async left(manager: EntityManager, registrationId: string): Promise<void> {
    const now = this.clock.now();
    await manager.query(
      `WITH withdrawn AS (
         UPDATE travel_claim SET status = 'withdrawn', withdrawn_at = $2, updated_at = $2
          WHERE registration_id = $1 AND status = 'submitted' RETURNING id)
       DELETE FROM travel_claim_person p USING withdrawn w WHERE p.claim_id = w.id`,
      [registrationId, now],
    );
    await manager.query(
      `DELETE FROM travel_claim_person p USING travel_claim c
        WHERE p.registration_id = $1 AND p.role = 'passenger' AND c.id = p.claim_id AND c.status = 'submitted'`,
      [registrationId],
    );
  }
}

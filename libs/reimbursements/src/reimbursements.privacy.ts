import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { erasedName, ParticipantsService, RegistrationExtensions } from '@dialogdag/registrations';
import { Clock } from '@dialogdag/shared';

/**
 * When registrations are anonymised (erased on request or after the retention period), their travel claims lose
 * what identifies the person: bank details, the payee's name (replaced by the neutral name the registration got,
 * as a paid claim must name a payee), where they travelled from, and the free texts. Amounts, kilometres, the
 * mode and the decisions stay, so budgets, payment totals and summaries are unchanged. Receipts stay: vouchers.
 */
@Injectable()
export class ReimbursementsPrivacy implements OnModuleInit {
  constructor(
    private readonly extensions: RegistrationExtensions,
    private readonly participants: ParticipantsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.extensions.onErased((manager, conferenceId, registrationIds) => this.erase(manager, conferenceId, registrationIds));
  }

  private async erase(manager: EntityManager, conferenceId: string, registrationIds: string[]): Promise<void> {
    const claimants: Array<{ registrationId: string }> = await manager.query(
      `SELECT DISTINCT registration_id AS "registrationId" FROM travel_claim WHERE registration_id = ANY($1::uuid[])`,
      [registrationIds],
    );
    if (claimants.length === 0) return;
    // Only the language is read: the placeholder is said in it, as on the registration.
    const people = await this.participants.list(conferenceId, { ids: claimants.map((c) => c.registrationId) });
    const now = this.clock.now();
    await manager.query(
      `UPDATE travel_claim c
          SET payee_details = NULL, payee_key_id = NULL,
              payee_erased_at = CASE WHEN c.payee_details IS NOT NULL THEN $1::timestamptz ELSE c.payee_erased_at END,
              payee_name = CASE WHEN c.payee_name IS NULL THEN NULL ELSE p.placeholder END,
              from_place = '–', lost_earnings_description = NULL, decision_reason = NULL, updated_at = $1
         FROM unnest($2::uuid[], $3::text[]) AS p(registration_id, placeholder)
        WHERE c.registration_id = p.registration_id`,
      [now, people.map((p) => p.id), people.map((p) => erasedName(p.language))],
    );
  }
}

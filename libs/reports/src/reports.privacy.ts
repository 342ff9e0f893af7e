import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RegistrationExtensions } from '@dialogdag/registrations';
import { respondentKey } from './evaluation/evaluation.service';

/**
 * When registrations are anonymised, their evaluation answers lose the person: the free texts (which may say who
 * wrote them) are cleared, and the respondent key, which anyone holding the registration id could recompute, is
 * replaced by a random one. The ratings stay, so the averages and distributions are unchanged.
 */
@Injectable()
export class ReportsPrivacy implements OnModuleInit {
  constructor(private readonly extensions: RegistrationExtensions) {}

  onModuleInit(): void {
    this.extensions.onErased((manager, conferenceId, registrationIds) => this.erase(manager, conferenceId, registrationIds));
  }

  private async erase(manager: EntityManager, conferenceId: string, registrationIds: string[]): Promise<void> {
    await manager.query(
      `UPDATE evaluation_response SET answers = '{}'::jsonb, respondent_key = 'erased:' || gen_random_uuid()
        WHERE conference_id = $1 AND respondent_key = ANY($2::text[])`,
      [conferenceId, registrationIds.map((id) => respondentKey(conferenceId, id))],
    );
  }
}

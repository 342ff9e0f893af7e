import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxService } from '@dialogdag/mail';
import { RegistrationExtensions } from '../extensions/registration-extensions';
import { PersonalLinks } from '../personal-links.service';
import { anonymise, AnonymisableRegistration } from './anonymisation.rules';

/**
 * Writes what `anonymise` decides, for one registration or a batch, in the caller's transaction (which holds
 * the rows' locks): the registration rows, their further links, the outbox's copies of their e-mails, and through `RegistrationExtensions.onErased`
 * every other lib's personal data about them. Erasure on request and the retention job both come here.
 */
@Injectable()
export class Anonymiser {
  constructor(
    private readonly extensions: RegistrationExtensions,
    private readonly links: PersonalLinks,
    private readonly outbox: OutboxService,
  ) {}

  async anonymiseIn(manager: EntityManager, conferenceId: string, rows: AnonymisableRegistration[], now: Date): Promise<void> {
    if (rows.length === 0) return;
    const values = rows.map((r) => anonymise(r, now));
    const column = <K extends keyof (typeof values)[number]>(key: K) => values.map((v) => v[key]);
    // One statement for the batch; every value comes from the rule, none is decided here.
    await manager.query(
      `UPDATE registration r
          SET name = v.name, email = v.email, phone = v.phone, diet = v.diet, diet_consent_at = v.diet_consent_at,
              fee_waiver_reason = v.fee_waiver_reason, manage_token_hash = v.manage_token_hash, check_in_code = v.check_in_code,
              anonymised_at = v.anonymised_at, updated_at = $1
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::text[], $10::text[], $11::timestamptz[])
              AS v(id, name, email, phone, diet, diet_consent_at, fee_waiver_reason, manage_token_hash, check_in_code, anonymised_at)
        WHERE r.id = v.id AND r.conference_id = $12`,
      [
        now,
        rows.map((r) => r.id),
        column('name'),
        column('email'),
        column('phone'),
        column('diet'),
        column('dietConsentAt'),
        column('feeWaiverReason'),
        column('manageTokenHash'),
        column('checkInCode'),
        column('anonymisedAt'),
        conferenceId,
      ],
    );
    const ids = rows.map((r) => r.id);
    await this.links.revokeFurther(manager, ids);
    await this.outbox.forgetRecipients(manager, ids, column('email'));
    await this.extensions.erased(manager, conferenceId, ids);
  }
}

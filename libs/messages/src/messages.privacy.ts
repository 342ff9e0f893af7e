import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { erasedEmail, erasedName, RegistrationExtensions } from '@dialogdag/registrations';
import { emailKey } from './domain/recipient-filter';

/**
 * When registrations are anonymised, the recipient rows of messages sent to them keep the delivery record but
 * not the person: the name becomes the neutral one (in the recipient's language) and the address the
 * registration's undeliverable one (still unique per message). Someone still queued is not sent the message.
 */
@Injectable()
export class MessagesPrivacy implements OnModuleInit {
  constructor(private readonly extensions: RegistrationExtensions) {}

  onModuleInit(): void {
    this.extensions.onErased((manager, _conferenceId, registrationIds) => this.erase(manager, registrationIds));
  }

  private async erase(manager: EntityManager, registrationIds: string[]): Promise<void> {
    const addresses = registrationIds.map((id) => erasedEmail(id));
    await manager.query(
      `UPDATE message_recipient m
          SET name = CASE WHEN m.language = 'en' THEN $3 ELSE $4 END,
              email = p.address, email_key = p.key,
              state = CASE WHEN m.state = 'queued' THEN 'failed' ELSE m.state END,
              last_error = CASE WHEN m.state = 'queued' THEN 'Personal data erased before sending' ELSE m.last_error END
         FROM unnest($1::uuid[], $2::text[], $5::text[]) AS p(registration_id, address, key)
        WHERE m.registration_id = p.registration_id`,
      [registrationIds, addresses, erasedName('en'), erasedName('sv'), addresses.map(emailKey)],
    );
  }
}

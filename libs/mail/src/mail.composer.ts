import { Injectable } from '@nestjs/common';
import { ComposedMail } from './composed-mail';
import { RegistrationMailParams, registrationConfirmed, registrationWaitlisted } from './templates/registration-received';

/** One method, and one template, per e-mail the product sends. */
@Injectable()
export class MailComposer {
  registrationConfirmed(params: RegistrationMailParams): ComposedMail {
    return registrationConfirmed(params);
  }

  registrationWaitlisted(params: RegistrationMailParams & { position: number }): ComposedMail {
    return registrationWaitlisted(params);
  }
}

import { Injectable } from '@nestjs/common';
import { ComposedMail } from './composed-mail';
import { RegistrationMailParams, registrationConfirmed, registrationWaitlisted } from './templates/registration-received';
import { SpeakerProgrammeMailParams, speakerProgramme } from './templates/speaker-programme';

/** One method, and one template, per e-mail the product sends. */
@Injectable()
export class MailComposer {
  registrationConfirmed(params: RegistrationMailParams): ComposedMail {
    return registrationConfirmed(params);
  }

  registrationWaitlisted(params: RegistrationMailParams & { position: number }): ComposedMail {
    return registrationWaitlisted(params);
  }

  /** A speaker's slot(s) in a published programme. */
  speakerProgramme(params: SpeakerProgrammeMailParams): ComposedMail {
    return speakerProgramme(params);
  }
}

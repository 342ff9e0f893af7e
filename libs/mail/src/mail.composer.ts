import { Injectable } from '@nestjs/common';
import { ComposedMail } from './composed-mail';
import { RegistrationMailParams, registrationConfirmed, registrationWaitlisted } from './templates/registration-received';
import { SpeakerProgrammeMailParams, speakerProgramme } from './templates/speaker-programme';
import {
  CancellationMailParams,
  registrationCancelled,
  registrationDetailsChanged,
  registrationPromoted,
  registrationReminder,
  registrationTransferReceipt,
  registrationTransferredToYou,
  ReminderMailParams,
  TransferReceiptMailParams,
  TransferredToYouMailParams,
} from './templates/registration-changes';
import { BookTableDecisionMailParams, bookTableDecided } from './templates/registration-book-table';

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

  registrationPromoted(params: RegistrationMailParams): ComposedMail {
    return registrationPromoted(params);
  }

  registrationCancelled(params: CancellationMailParams): ComposedMail {
    return registrationCancelled(params);
  }

  registrationTransferReceipt(params: TransferReceiptMailParams): ComposedMail {
    return registrationTransferReceipt(params);
  }

  registrationTransferredToYou(params: TransferredToYouMailParams): ComposedMail {
    return registrationTransferredToYou(params);
  }

  registrationDetailsChanged(params: RegistrationMailParams & { changes: Array<[string, string]> }): ComposedMail {
    return registrationDetailsChanged(params);
  }

  registrationReminder(params: ReminderMailParams): ComposedMail {
    return registrationReminder(params);
  }

  /** Approved or declined: the book table an organisation asked for. */
  bookTableDecided(params: BookTableDecisionMailParams): ComposedMail {
    return bookTableDecided(params);
  }
}

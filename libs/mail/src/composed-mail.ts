import { MailAttachment } from './outbox-message.entity';

/** A message ready for the outbox: composed, not yet sent. */
export interface ComposedMail {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  conferenceId?: string;
  registrationId?: string;
}

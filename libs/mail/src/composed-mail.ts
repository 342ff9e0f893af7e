import { MailAttachment } from './outbox-message.entity';
import type { AdaptableContent } from './templates/layout';

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
  /** Set by renderMailBody: lets a conference's adapted introduction and closing be added at enqueue time. */
  adaptable?: AdaptableContent;
}

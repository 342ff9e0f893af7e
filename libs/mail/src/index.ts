import { Mail1763900000100 } from './migrations/1763900000100-mail';
import { OutboxLeases1764000950000 } from './migrations/1764000950000-outbox-leases';

export * from './composed-mail';
export * from './outbox-message.entity';
export * from './outbox.service';
export * from './outbox.dto';
export * from './outbox.dispatcher';
export * from './outbox.rules';
export * from './outbox.mask';
export * from './outbox.retention';
export * from './mail.composer';
export * from './mail.module';
export * from './mail-texts';
export type { RegistrationMailParams } from './templates/registration-received';
export type { SpeakerProgrammeMailParams, SpeakerSlot } from './templates/speaker-programme';
export type {
  CancellationMailParams,
  ProgrammeLine,
  ReminderMailParams,
  TransferReceiptMailParams,
  TransferredToYouMailParams,
} from './templates/registration-changes';
export { conferenceCalendar } from './templates/registration-changes';
export const mailMigrations = [Mail1763900000100, OutboxLeases1764000950000];
export { renderMailBody } from './templates/layout';
export type { MailBody, AdaptableContent } from './templates/layout';

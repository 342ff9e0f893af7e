import { MailTexts1764001000000 } from './migrations/1764001000000-mail-texts';
import { Messages1764000600000 } from './migrations/1764000600000-messages';

export * from './messages.module';
export * from './messages.service';
export * from './message-records.service';
export * from './message.entity';
export * from './received-messages.section';
export * from './delivery/message-delivery.job';
export * from './domain/recipient-filter';
export * from './domain/placeholders';
export * from './domain/mail-text-kinds';
export * from './mail-texts/mail-texts.service';
export { ConferenceMailTexts } from './mail-texts/conference-mail-texts';
export { MailText } from './mail-texts/mail-text.entity';
export const messagesMigrations = [Messages1764000600000, MailTexts1764001000000];

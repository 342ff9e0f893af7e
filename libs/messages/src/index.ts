import { Messages1764000600000 } from './migrations/1764000600000-messages';

export * from './messages.module';
export * from './messages.config';
export * from './messages.service';
export * from './message-records.service';
export * from './message.entity';
export * from './received-messages.section';
export * from './delivery/message-delivery.job';
export * from './domain/recipient-filter';
export * from './domain/placeholders';
export const messagesMigrations = [Messages1764000600000];

export * from './messages.module';
export const messagesMigrations = [];

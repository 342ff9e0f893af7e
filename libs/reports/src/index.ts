export * from './reports.module';
export const reportsMigrations = [];

export * from './workshops.module';
export const workshopsMigrations = [];

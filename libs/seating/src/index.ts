export * from './seating.module';
export const seatingMigrations = [];

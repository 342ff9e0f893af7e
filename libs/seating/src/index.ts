import { Seating1764000300000 } from './migrations/1764000300000-seating';

export * from './seating.module';
export * from './seating.service';
export * from './tables.service';
export * from './seating.dto';
export * from './algorithm';
export const seatingMigrations = [Seating1764000300000];

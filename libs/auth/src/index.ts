import { Auth1763900000000 } from './migrations/1763900000000-auth';

export * from './auth.module';
export * from './auth.service';
export * from './organiser.guard';
export * from './auth.errors';
export const authMigrations = [Auth1763900000000];

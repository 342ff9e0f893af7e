import { Auth1763900000000 } from './migrations/1763900000000-auth';
import { RateCounter1764000700000 } from './migrations/1764000700000-rate-counter';
import { SessionsAndPasswordReset1764000700100 } from './migrations/1764000700100-sessions-and-password-reset';

export * from './auth.module';
export * from './auth.service';
export * from './organiser.guard';
export * from './auth.errors';
export * from './throttle/rate-counter.service';
export * from './bot-check/form-stamp';
export * from './csrf/safe-redirect.rules';
export const authMigrations = [Auth1763900000000, RateCounter1764000700000, SessionsAndPasswordReset1764000700100];

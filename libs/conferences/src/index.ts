import { Conferences1763900000200 } from './migrations/1763900000200-conferences';
import { TravelPolicy1764000000100 } from './migrations/1764000000100-travel-policy';

export * from './conference.entity';
export * from './conference.dto';
export * from './conference.errors';
export * from './conference.rules';
export * from './conferences.service';
export * from './conferences.module';
export const conferencesMigrations = [Conferences1763900000200, TravelPolicy1764000000100];

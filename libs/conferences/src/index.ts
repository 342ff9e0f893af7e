import { Conferences1763900000200 } from './migrations/1763900000200-conferences';
import { Programme1763900001100 } from './migrations/1763900001100-programme';
import { TravelPolicy1764000000100 } from './migrations/1764000000100-travel-policy';

export * from './conference.entity';
export * from './conference.dto';
export * from './conference.errors';
export * from './conference.rules';
export * from './conferences.service';
export * from './conferences.module';
export * from './programme/programme.rules';
export * from './programme/programme.dto';
export * from './programme/programme-item.entity';
export * from './programme/programme.service';
export * from './programme/programme.render';
export const conferencesMigrations = [Conferences1763900000200, Programme1763900001100, TravelPolicy1764000000100];

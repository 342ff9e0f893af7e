import { Conferences1763900000200 } from './migrations/1763900000200-conferences';
import { TravelPolicy1764000000100 } from './migrations/1764000000100-travel-policy';
import { PrivacyNotice1764000820000 } from './migrations/1764000820000-privacy-notice';

export * from './conference.entity';
export * from './conference.dto';
export * from './conference.errors';
export * from './conference.rules';
export * from './conference.texts';
export * from './conferences.service';
export * from './conference.view';
export { DEFAULT_MIN_ROUND_TRIP_KM } from './conference.changes';
export * from './conferences.module';
export * from './conference-admin.extensions';
export const conferencesMigrations = [Conferences1763900000200, TravelPolicy1764000000100, PrivacyNotice1764000820000];
export * from './public-page';

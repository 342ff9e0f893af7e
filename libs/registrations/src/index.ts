import { Registrations1763900000300 } from './migrations/1763900000300-registrations';
import { RegistrationRules1763900002001 } from './migrations/1763900002001-registration-rules';
import { CheckInCodesBookTables1764100000300 } from './migrations/1764100000300-check-in-codes-book-tables';
import { RegistrationAttendanceIndex1764000500100 } from './migrations/1764000500100-registration-attendance-index';
import { RegistrationAnonymisedAt1764000820001 } from './migrations/1764000820001-registration-anonymised-at';

export * from './registration.entity';
export * from './registration.dto';
export * from './registration.errors';
export * from './registration.rules';
export * from './registration.view';
export * from './registration-filter';
export * from './registrations.service';
export * from './registrations.module';
export * from './extensions';
export * from './seats.rules';
export * from './reminder.service';
export * from './registrations.config';
export { erasedEmail, erasedName } from './privacy/anonymisation.rules';
export { RegistrationRetention } from './privacy/retention.job';
export const registrationsMigrations = [
  Registrations1763900000300,
  RegistrationRules1763900002001,
  RegistrationAttendanceIndex1764000500100,
  CheckInCodesBookTables1764100000300,
  RegistrationAnonymisedAt1764000820001,
];
export * from './organiser/csv';
export * from './organiser/diets';
export * from './organiser/fees';
export * from './organiser/organiser-registrations.service';
export * from './book-tables/book-tables.service';
export * from './check-in/check-in.service';
export { AnnotationTable } from './extensions/annotation-table';
// The Unicode font lookup of the badges, also used by the seating lib's PDFs.
export { findUnicodeFonts } from './organiser/badges';
export type { BadgeFonts } from './organiser/badges';

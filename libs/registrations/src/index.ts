import { Registrations1763900000300 } from './migrations/1763900000300-registrations';
import { RegistrationRules1763900002001 } from './migrations/1763900002001-registration-rules';
import { RegistrationAttendanceIndex1764000500100 } from './migrations/1764000500100-registration-attendance-index';

export * from './registration.entity';
export * from './registration.dto';
export * from './registration.errors';
export * from './registration.rules';
export * from './registration.view';
export * from './registrations.service';
export * from './registrations.module';
export * from './extensions';
export * from './waitlist.rules';
export * from './reminder.service';
export const registrationsMigrations = [Registrations1763900000300, RegistrationRules1763900002001, RegistrationAttendanceIndex1764000500100];
export * from './organiser/csv';
export * from './organiser/diets';
export * from './organiser/fees';
export * from './organiser/organiser-registrations.service';

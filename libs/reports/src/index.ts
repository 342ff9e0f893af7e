import { Reports1764000500000 } from './migrations/1764000500000-reports';

export * from './reports.module';
export * from './summary/attendance.rules';
export * from './summary/attendance.service';
export * from './series/series.service';
export const reportsMigrations = [Reports1764000500000];

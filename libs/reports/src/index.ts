import { Reports1764000500000 } from './migrations/1764000500000-reports';

export * from './reports.module';
export * from './summary/attendance.rules';
export * from './summary/attendance.service';
export { headlinePanel } from './pages/summary.render';
export * from './series/series.service';
export * from './notes/group-notes.service';
export * from './notes/notes.rules';
export * from './evaluation/evaluation.rules';
export * from './evaluation/evaluation.service';
export * from './report/report.document';
export * from './report/report.service';
export const reportsMigrations = [Reports1764000500000];

import { AuditLog1764000810000 } from './migrations/1764000810000-audit-log';

export * from './audit.module';
export * from './audit.service';
export * from './audit.config';
export { AuditRetentionJob } from './retention/audit-retention.job';
export type { AuditEntryView, AuditLogView } from './reading/audit-log.dto';
export const auditMigrations = [AuditLog1764000810000];

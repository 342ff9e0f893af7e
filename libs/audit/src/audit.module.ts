import { Module } from '@nestjs/common';
import { AuthModule } from '@dialogdag/auth';
import { ConferencesModule } from '@dialogdag/conferences';
import { AuditAdminLinks } from './audit.admin-links';
import { AuditConfig, loadAuditConfig } from './audit.config';
import { AuditService } from './audit.service';
import { AuditLogController } from './reading/audit-log.controller';
import { AuditLogPages } from './reading/audit-log.pages';
import { AuditRecorder } from './recording/audit-recorder';
import { AuditRetentionJob } from './retention/audit-retention.job';

/** The audit log: every organiser's successful change recorded, append-only, readable per conference, purged by age. */
@Module({
  imports: [AuthModule, ConferencesModule],
  controllers: [AuditLogController, AuditLogPages],
  providers: [
    { provide: AuditConfig, useFactory: () => loadAuditConfig(process.env) },
    AuditService,
    AuditRecorder,
    AuditRetentionJob,
    AuditAdminLinks,
  ],
  exports: [AuditService, AuditRetentionJob],
})
export class AuditModule {}

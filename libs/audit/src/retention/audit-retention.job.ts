import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, PeriodicTask } from '@dialogdag/shared';
import { AuditConfig } from '../audit.config';
import { AuditService } from '../audit.service';
import { retentionCutoff } from './retention.rules';

const DAY_MS = 86_400_000;
// Any fixed number: the key the instances take turns on, so only one purges at a time.
const PURGE_LOCK = 727_364_810;

/** Once a day (and at start-up), deletes the audit entries older than the retention period (AuditConfig). */
@Injectable()
export class AuditRetentionJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AuditRetentionJob.name);
  private readonly job = new PeriodicTask({
    everyMs: DAY_MS,
    run: () => this.purgeLogged(),
    onError: (error) => this.logger.warn(`Audit log purge failed: ${error instanceof Error ? error.message : error}`),
  });

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AuditConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** Purges what is due; null when another instance is purging right now (it deletes the same rows). */
  purgeDue(): Promise<number | null> {
    const cutoff = retentionCutoff(this.clock.now(), this.config.retentionDays);
    return this.db.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [PURGE_LOCK]);
      return locked ? this.audit.purgeBefore(cutoff, manager) : null;
    });
  }

  private async purgeLogged(): Promise<void> {
    const purged = await this.purgeDue();
    if (purged) this.logger.log(`Purged ${purged} audit entries older than ${this.config.retentionDays} days`);
  }
}

import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReimbursementConfig } from '@dialogdag/config';
import { Clock, PeriodicTask } from '@dialogdag/shared';
import { erasureCutoff } from '../rules/retention.rules';

const HOUR_MS = 3_600_000;

/**
 * Erases bank details of claims paid more than REIMBURSEMENT_RETENTION_DAYS ago; the amount and
 * the payee's name stay for the bookkeeping. One idempotent UPDATE, so any number of instances
 * may run it at once.
 */
@Injectable()
export class PayeeRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PayeeRetention.name);
  private readonly task = new PeriodicTask({
    everyMs: HOUR_MS,
    run: async () => {
      const erased = await this.eraseDue();
      if (erased > 0) this.logger.log(`Erased the payee details of ${erased} paid travel claims`);
    },
    onError: (error) => this.logger.warn(`Payee details erasure failed: ${error instanceof Error ? error.message : error}`),
  });

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ReimbursementConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  /** Returns how many claims' details were erased. */
  async eraseDue(): Promise<number> {
    const now = this.clock.now();
    const [, erased]: [unknown, number] = await this.db.query(
      `UPDATE travel_claim SET payee_details = NULL, payee_key_id = NULL, payee_erased_at = $2, updated_at = $2
        WHERE payee_details IS NOT NULL AND paid_on IS NOT NULL AND paid_on <= $1::date`,
      [erasureCutoff(now, this.config.retentionDays), now],
    );
    return erased;
  }
}

import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConferencesService } from '@dialogdag/conferences';
import { Clock, PeriodicTask } from '@dialogdag/shared';
import { RegistrationsConfig } from '../registrations.config';
import { AnonymisableRegistration, isAnonymisationDue } from './anonymisation.rules';
import { Anonymiser } from './anonymiser';

const HOUR_MS = 3_600_000;
const BATCH = 200;

/**
 * RETENTION_DAYS after a conference ended, anonymises all its registrations with the rule erasure uses, so
 * summaries and fees stay as they were. Batches are claimed with FOR UPDATE SKIP LOCKED: instances running it
 * together take different rows, and a registration being erased on request is simply left to that request.
 */
@Injectable()
export class RegistrationRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RegistrationRetention.name);
  private readonly task = new PeriodicTask({
    everyMs: HOUR_MS,
    run: async () => {
      const anonymised = await this.anonymiseDue();
      if (anonymised > 0) this.logger.log(`Anonymised ${anonymised} registrations past the retention period`);
    },
    onError: (error) => this.logger.warn(`Anonymising registrations failed: ${error instanceof Error ? error.message : error}`),
  });

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly config: RegistrationsConfig,
    private readonly conferences: ConferencesService,
    private readonly anonymiser: Anonymiser,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  /** Returns how many registrations were anonymised. */
  async anonymiseDue(): Promise<number> {
    const now = this.clock.now();
    let anonymised = 0;
    for (const conferenceId of await this.conferencesWithPersonalData()) {
      const conference = await this.conferences.findById(conferenceId);
      if (isAnonymisationDue(conference, now, this.config.retentionDays)) anonymised += await this.anonymiseConference(conferenceId, now);
    }
    return anonymised;
  }

  private async anonymiseConference(conferenceId: string, now: Date): Promise<number> {
    let anonymised = 0;
    for (;;) {
      const claimed = await this.db.transaction(async (manager) => {
        const rows: AnonymisableRegistration[] = await manager.query(
          `SELECT id, language, anonymised_at AS "anonymisedAt" FROM registration
            WHERE conference_id = $1 AND anonymised_at IS NULL
            ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [conferenceId, BATCH],
        );
        await this.anonymiser.anonymiseIn(manager, conferenceId, rows, now);
        return rows.length;
      });
      anonymised += claimed;
      // Fewer than a batch: done, or the rest is locked by another instance, which finishes it.
      if (claimed < BATCH) return anonymised;
    }
  }

  /** The conferences that still hold personal data: one index probe each (a loose scan), not a read of every row. */
  private async conferencesWithPersonalData(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(`
      WITH RECURSIVE c AS (
        (SELECT conference_id FROM registration WHERE anonymised_at IS NULL ORDER BY conference_id LIMIT 1)
        UNION ALL
        SELECT (SELECT r.conference_id FROM registration r
                 WHERE r.anonymised_at IS NULL AND r.conference_id > c.conference_id ORDER BY r.conference_id LIMIT 1)
          FROM c WHERE c.conference_id IS NOT NULL)
      SELECT conference_id AS id FROM c WHERE conference_id IS NOT NULL`);
    return rows.map((r) => r.id);
  }
}

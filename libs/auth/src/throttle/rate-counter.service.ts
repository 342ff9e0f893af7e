import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, hashToken } from '@dialogdag/shared';
import { retryAfterSeconds, windowStart, withinLimit } from './throttle.rules';

export interface HitResult {
  allowed: boolean;
  hits: number;
  retryAfterSeconds: number;
}

const CLEANUP_EVERY_MS = 60_000;

/**
 * Counts hits per bucket and fixed window in PostgreSQL (one upsert per hit), so every instance on the
 * database shares the count. Buckets are stored hashed: they hold client addresses and e-mail addresses.
 */
@Injectable()
export class RateCounter {
  private lastCleanup = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async hit(bucket: string, limit: number, windowMs: number): Promise<HitResult> {
    const now = this.clock.now().getTime();
    const start = windowStart(now, windowMs);
    const [row] = await this.db.query(
      `INSERT INTO rate_counter (bucket, window_start, hits, expires_at) VALUES ($1, $2, 1, $3)
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_counter.hits + 1 RETURNING hits`,
      [hashToken(bucket), new Date(start), new Date(start + windowMs)],
    );
    await this.cleanUp(now);
    const hits = Number(row.hits);
    return { allowed: withinLimit(hits, limit), hits, retryAfterSeconds: retryAfterSeconds(now, windowMs) };
  }

  /** Forgets a bucket's count, e.g. an account's failed log-ins once the right password is given. */
  async reset(bucket: string): Promise<void> {
    await this.db.query(`DELETE FROM rate_counter WHERE bucket = $1`, [hashToken(bucket)]);
  }

  /** Ended windows are deleted now and then by whichever instance notices first. */
  private async cleanUp(now: number): Promise<void> {
    if (now - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = now;
    await this.db.query(`DELETE FROM rate_counter WHERE expires_at < $1`, [new Date(now)]);
  }
}

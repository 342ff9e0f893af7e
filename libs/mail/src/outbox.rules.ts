/** Deliveries tried before a message is given up as failed (about 7 hours of retries). */
export const MAX_ATTEMPTS = 20;

const FIRST_DELAY_SECONDS = 5;
const LONGEST_DELAY_SECONDS = 30 * 60;

/** Seconds to wait before the next try after `attempts` failed ones: 5 s doubling, capped at 30 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(FIRST_DELAY_SECONDS * 2 ** Math.max(0, attempts - 1), LONGEST_DELAY_SECONDS);
}

/** What a failed delivery leads to: another try after the delay, or, after the last allowed attempt, failed. */
export function afterFailedAttempt(previousAttempts: number, now: Date): { attempts: number; status: 'pending' | 'failed'; nextAttemptAt: Date } {
  const attempts = previousAttempts + 1;
  return {
    attempts,
    status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
    nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(attempts) * 1000),
  };
}

/**
 * Margin of a delivery's lease beyond the longest a send may take: time to record the result, and for
 * the process to be slow (a pause, a busy CPU), before another instance may take the message over.
 */
export const LEASE_MARGIN_MS = 30_000;

/**
 * How long a delivery holds its message: no other instance takes it before then. Timed by PostgreSQL's
 * clock, the one clock every instance shares, so neither skew between instances nor a clock that jumps
 * (or a test's manual one) can end a lease early.
 */
export function leaseSeconds(sendTimeoutMs: number): number {
  // Whole seconds, rounded up: a fraction could come out a hair short of the send timeout.
  return Math.ceil((sendTimeoutMs + LEASE_MARGIN_MS) / 1000);
}

/** Messages delivered (or given up) before this instant have their body cleared. */
export function bodyRetentionCutoff(now: Date, retentionHours: number): Date {
  return new Date(now.getTime() - retentionHours * 3_600_000);
}

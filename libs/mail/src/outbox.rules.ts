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

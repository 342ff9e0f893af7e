/**
 * The shared pace at which messages are handed to the outbox, as a token bucket kept in one
 * database row: every instance draws from the same bucket, so the rate holds for the whole
 * installation, not per instance.
 */
export interface PaceState {
  /** Messages that may be handed over now (may be fractional while refilling). */
  available: number;
  refilledAt: Date;
}

export interface PaceSettings {
  ratePerMinute: number;
  /** The most handed over at once, also after a long pause. */
  burst: number;
}

/** The bucket refilled up to now; a clock that went backwards refills nothing but counts on from there. */
export function refill(state: PaceState, settings: PaceSettings, now: Date): PaceState {
  const elapsedMs = Math.max(0, now.getTime() - state.refilledAt.getTime());
  const available = Math.min(settings.burst, state.available + (elapsedMs * settings.ratePerMinute) / 60_000);
  return { available, refilledAt: now };
}

/** How many may be handed over now, at most `wanted`. */
export function allowance(state: PaceState, wanted: number): number {
  return Math.max(0, Math.min(wanted, Math.floor(state.available + 1e-9)));
}

export function take(state: PaceState, count: number): PaceState {
  return { ...state, available: Math.max(0, state.available - count) };
}

/** A burst of ten, or fewer at low rates, keeps a batch small enough for an SMTP server that counts per minute. */
export function defaultBurst(ratePerMinute: number): number {
  return Math.max(1, Math.min(10, Math.floor(ratePerMinute / 6) || 1));
}

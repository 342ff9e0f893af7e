/** Fixed-window counting: every instance agrees on the window from the time alone. */
export function windowStart(nowMs: number, windowMs: number): number {
  return Math.floor(nowMs / windowMs) * windowMs;
}

/** Whole seconds until the window that `nowMs` falls in ends; at least 1, for a Retry-After header. */
export function retryAfterSeconds(nowMs: number, windowMs: number): number {
  return Math.max(1, Math.ceil((windowStart(nowMs, windowMs) + windowMs - nowMs) / 1000));
}

/** A hit is allowed while the window's count, this hit included, stays within the limit. */
export function withinLimit(hits: number, limit: number): boolean {
  return hits <= limit;
}

/** A person needs a few seconds to fill in a registration form; a bot posts at once. The default; a form may set its own. */
export const MIN_FILL_MS = 3_000;
/** A form left open longer than this is sent back with a fresh stamp rather than trusted. */
export const MAX_FORM_AGE_MS = 24 * 3600_000;

export type BotVerdict = 'person' | 'honeypot' | 'too_fast' | 'stale' | 'no_stamp';

/**
 * Whether a submitted public form looks sent by a person: the honeypot field (hidden from people, filled in by
 * naive bots) is empty, and the form was shown at least MIN_FILL_MS before it came back, by a timestamp the server
 * signed (`issuedAtMs` is null when the stamp is missing or its signature is wrong). `minFillMs` (default MIN_FILL_MS)
 * is configurable, so tests and installations can choose it; 0 leaves only the honeypot and the stamp.
 */
export function judgeSubmission(input: { honeypot: unknown; issuedAtMs: number | null; nowMs: number; minFillMs?: number }): BotVerdict {
  if (typeof input.honeypot === 'string' ? input.honeypot.trim() !== '' : input.honeypot !== undefined && input.honeypot !== null) return 'honeypot';
  if (input.issuedAtMs === null) return 'no_stamp';
  const age = input.nowMs - input.issuedAtMs;
  // A stamp from the future is forged or from a clock gone wrong: never a person's.
  if (age < 0 || age < (input.minFillMs ?? MIN_FILL_MS)) return 'too_fast';
  if (age > MAX_FORM_AGE_MS) return 'stale';
  return 'person';
}

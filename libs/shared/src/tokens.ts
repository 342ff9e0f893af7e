import { createHash, randomFillSync, timingSafeEqual } from 'node:crypto';

const TOKEN_BYTES = 32;
/**
 * Random bytes come from the operating system's CSPRNG a page at a time, as Node's randomUUID does: a call
 * per token cost a registration more than its validation. Bytes handed out are wiped from the pool.
 */
const pool = Buffer.alloc(TOKEN_BYTES * 128);
let used = pool.length;

/** A secret for links and API tokens: 256 random bits, URL-safe. */
export function newSecretToken(): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const bytes = pool.subarray(used, used + TOKEN_BYTES);
  const token = bytes.toString('base64url');
  bytes.fill(0);
  used += TOKEN_BYTES;
  return token;
}

/** Secrets are stored only as this hash, so a database leak reveals no working link. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

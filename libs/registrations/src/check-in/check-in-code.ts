import { randomInt } from 'node:crypto';

/**
 * The code on a person's QR code at the door: its own random value, never the personal-link
 * token (which would let whoever sees a badge cancel the registration). Crockford's base32
 * without look-alikes, so it can also be read out and typed: 12 characters, 60 bits.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 12;

export function newCheckInCode(): string {
  return Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** "K7QM-3XPD-9RTA": easier to read aloud and to type. */
export function formatCheckInCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** A typed or scanned code as stored: case, spaces and dashes ignored, look-alike letters read as digits; null if it cannot be one. */
export function normaliseCheckInCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return new RegExp(`^[${ALPHABET}]{${LENGTH}}$`).test(code) ? code : null;
}

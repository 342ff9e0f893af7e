/**
 * What of a request goes into the audit log: everything but secrets and special categories of personal data.
 * Keys are judged after lower-casing and dropping everything but letters and digits, so `bank_account`,
 * `bankAccount` and `Bank-Account` are one key.
 */

/** A key containing one of these is never recorded with its value. */
export const DENIED_KEY_PARTS: readonly string[] = [
  'password', 'passwd', 'secret', 'token', 'csrf', 'cookie', 'authorization', 'apikey',
  'iban', 'bank', 'account', 'payee', 'clearing', 'giro', 'swift',
  // Special categories of personal data: a diet can reveal health or religion, a party political opinion.
  'diet', 'health', 'politicalparty', 'personnummer', 'personalidentity', 'ssn',
];

/** Keys that are secrets in their own right, but too short to look for inside other keys (`bic` is in `public`). */
export const DENIED_KEYS: readonly string[] = ['bic', 'code', 'pin', 'otp'];

/** Form plumbing that says nothing about the change. */
const DROPPED_KEYS = new Set(['csrf']);

export const REDACTED = '[redacted]';
export const MAX_CHANGES_BYTES = 8 * 1024;
const MAX_STRING_LENGTH = 1000;
const MAX_ARRAY_ITEMS = 200;
const MAX_DEPTH = 40;

const normalise = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

export function isDeniedKey(key: string): boolean {
  const plain = normalise(key);
  return DENIED_KEYS.includes(plain) || DENIED_KEY_PARTS.some((part) => plain.includes(part));
}

/**
 * A copy of a request body (or params, or query) fit for the log: a deny-listed key keeps its name with the value
 * replaced, at any depth and inside arrays; long strings and arrays are shortened; text jsonb would refuse is
 * mended; anything that is not JSON data (a Buffer, a stream) is described, not copied.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string') return cleanText(clip(value));
  if (typeof value === 'bigint') return value.toString();
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ARRAY_ITEMS).map((item) => redact(item, depth + 1));
    return value.length > MAX_ARRAY_ITEMS ? [...items, `[${value.length - MAX_ARRAY_ITEMS} more]`] : items;
  }
  if (typeof value === 'object' && isPlainData(value)) {
    // fromEntries defines own properties, so a key such as "__proto__" stays a key and never becomes a prototype.
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !DROPPED_KEYS.has(normalise(key)))
        .map(([key, item]) => [cleanText(key), isDeniedKey(key) ? REDACTED : redact(item, depth + 1)]),
    );
  }
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  return `[${typeof value}]`;
}

/** An object literal, or a dictionary a query-string parser made (its prototype has no prototype). */
function isPlainData(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text jsonb accepts: PostgreSQL refuses NUL and half a surrogate pair, which JavaScript strings may hold. */
function cleanText(text: string): string {
  return text.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');
}

function clip(text: string): string {
  return text.length > MAX_STRING_LENGTH ? `${text.slice(0, MAX_STRING_LENGTH)}…` : text;
}

/**
 * The redacted value, or when its JSON is over `maxBytes` a note of its size with the start of that JSON, so one
 * huge request cannot bloat the log. The result's JSON stays within `maxBytes`.
 */
export function redactAndCap(value: unknown, maxBytes = MAX_CHANGES_BYTES): unknown {
  const redacted = redact(value);
  const json = JSON.stringify(redacted) ?? 'null';
  const bytes = Buffer.byteLength(json);
  if (bytes <= maxBytes) return redacted;
  const note = { truncated: true, bytes, start: '' };
  return { ...note, start: prefixWithin(json, maxBytes - Buffer.byteLength(JSON.stringify(note))) };
}

/** The longest prefix of `text` whose JSON string form (quotes and escapes counted) takes at most `budget` UTF-8 bytes. */
function prefixWithin(text: string, budget: number): string {
  let used = 0;
  let end = 0;
  // for…of walks code points, so a surrogate pair is never split.
  for (const character of text) {
    used += Buffer.byteLength(JSON.stringify(character)) - 2;
    if (used > budget) break;
    end += character.length;
  }
  return text.slice(0, end);
}

import { isIP } from 'node:net';

/** What Fastify's `trustProxy` accepts, narrowed to the safe forms: off, a hop count, or the proxies' addresses. */
export type TrustProxy = false | number | string[];

/** proxy-addr's names for whole ranges, accepted as Fastify accepts them. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Reads TRUST_PROXY. Unset, empty or `false`: X-Forwarded-For is never believed (the client's own address
 * counts). A whole number: that many proxy hops in front of the app are believed. Otherwise a comma-separated
 * list of proxy addresses or CIDR ranges: X-Forwarded-For is believed only when the request comes from one.
 * `true` (believe anyone) is refused: any client could then choose its own address.
 */
export function parseTrustProxy(raw: string | undefined): { value: TrustProxy } | { problem: string } {
  const text = (raw ?? '').trim();
  if (text === '' || text.toLowerCase() === 'false' || text === '0') return { value: false };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 10 ? { value: hops } : { problem: 'TRUST_PROXY as a hop count must be between 0 and 10' };
  }
  if (text.toLowerCase() === 'true') {
    return { problem: 'TRUST_PROXY=true would let any client choose its address: give the proxies’ addresses or a hop count' };
  }
  const entries = text.split(',').map((entry) => entry.trim()).filter(Boolean);
  const bad = entries.filter((entry) => !isAddressOrCidr(entry));
  if (bad.length > 0) return { problem: `TRUST_PROXY must be a hop count or proxy addresses/CIDR ranges; not understood: ${bad.join(', ')}` };
  return { value: entries };
}

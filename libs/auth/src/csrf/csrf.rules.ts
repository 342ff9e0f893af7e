/** Methods that change nothing; every other method must prove it comes from our own pages. */
export function isSafeMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
}

/** scheme://host[:port] in lower case with the default port dropped, or null for anything that is no origin. */
export function normaliseOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin.toLowerCase();
  } catch {
    return null;
  }
}

export type OriginVerdict = 'same-origin' | 'cross-origin' | 'unknown';

/**
 * Where a request comes from, by headers that browsers set and pages cannot. `Sec-Fetch-Site`, where the browser
 * sends it, decides: only `same-origin` passes (a page on another port of the same host is `same-site`, and is
 * refused). `Origin`, when it names an origin, must also be one of ours; `null` (what a page with
 * `Referrer-Policy: no-referrer` sends, and sandboxed frames) counts as cross-origin only without a
 * `Sec-Fetch-Site: same-origin` to vouch for it. Neither header: not a browser (curl, a script); the token decides.
 */
export function originVerdict(input: { origin?: string; secFetchSite?: string; allowedOrigins: string[] }): OriginVerdict {
  const site = input.secFetchSite?.trim().toLowerCase() || undefined;
  if (site !== undefined && site !== 'same-origin') return 'cross-origin';
  const origin = input.origin?.trim();
  if (origin !== undefined && !(origin === 'null' && site === 'same-origin')) {
    const normalised = normaliseOrigin(origin);
    const allowed = input.allowedOrigins.map(normaliseOrigin).filter((o): o is string => o !== null);
    if (normalised === null || !allowed.includes(normalised)) return 'cross-origin';
    return 'same-origin';
  }
  return site === 'same-origin' ? 'same-origin' : 'unknown';
}

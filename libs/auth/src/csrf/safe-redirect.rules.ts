export const DEFAULT_AFTER_LOGIN = '/admin';

const BASE = 'https://dialogdag.invalid';

/**
 * Where to go after logging in: only a path on this site. Refused (the back office instead): anything that is not
 * a string; anything a browser reads as another host — `//x`, `/\x` (browsers treat `\` as `/`), `https://x`;
 * anything with a backslash or a control character (CR/LF would split the Location header), raw or
 * percent-encoded (`/%5Cx`, `/%2F%2Fx`, `%0d%0a`); and anything that does not resolve to this origin.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return DEFAULT_AFTER_LOGIN;
  if (!next.startsWith('/') || next.startsWith('//')) return DEFAULT_AFTER_LOGIN;
  if (!/^[\u0021-\u007e]+$/.test(next) || next.includes('\\')) return DEFAULT_AFTER_LOGIN;
  let current = next;
  for (let round = 0; ; round++) {
    // eslint-disable-next-line no-control-regex
    if (/^\/[/\\]/.test(current) || current.includes('\\') || /[\u0000-\u001f\u007f]/.test(current)) return DEFAULT_AFTER_LOGIN;
    let once: string;
    try {
      once = decodeURIComponent(current);
    } catch {
      return DEFAULT_AFTER_LOGIN;
    }
    if (once === current) break;
    // Encoded more deeply than any honest link is.
    if (round === 3) return DEFAULT_AFTER_LOGIN;
    current = once;
  }
  try {
    const resolved = new URL(next, BASE);
    if (resolved.origin !== BASE) return DEFAULT_AFTER_LOGIN;
  } catch {
    return DEFAULT_AFTER_LOGIN;
  }
  return next;
}

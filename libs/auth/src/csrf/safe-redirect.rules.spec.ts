import fc from 'fast-check';
import { DEFAULT_AFTER_LOGIN, safeNext } from './safe-redirect.rules';

describe('safeNext: where to go after logging in', () => {
  it('keeps paths on this site', () => {
    for (const path of ['/admin', '/admin/conferences/1?tab=programme', '/admin/conferences/new?lang=en', '/c/skane%20x#top']) {
      expect(safeNext(path)).toBe(path);
    }
  });

  it('refuses every way of naming another site, raw or encoded', () => {
    for (const evil of [
      '//evil.example', '/\\evil.example', '\\\\evil.example', 'https://evil.example', 'http:evil.example', 'javascript:alert(1)',
      '%2F%2Fevil.example', '/%2F%2Fevil.example', '/%2Fevil.example', '/%5Cevil.example', '/%5cevil.example', '/%255Cevil.example',
      '/%25255C%25255Cevil.example', '/ /evil.example', '/\t/evil.example', '', 'admin',
    ]) {
      expect({ evil, next: safeNext(evil) }).toEqual({ evil, next: DEFAULT_AFTER_LOGIN });
    }
  });

  it('refuses CR/LF and other control characters, raw or encoded, so no header can be split', () => {
    for (const evil of ['/admin\r\nSet-Cookie: x=1', '/admin%0d%0aSet-Cookie:%20x=1', '/admin%250d%250a', '/admin\u0000', '/admin%00']) {
      expect(safeNext(evil)).toBe(DEFAULT_AFTER_LOGIN);
    }
    expect(safeNext(undefined)).toBe(DEFAULT_AFTER_LOGIN);
    expect(safeNext(['/admin'])).toBe(DEFAULT_AFTER_LOGIN);
  });

  it('always answers a path that a browser resolves to this origin and that fits in a header', () => {
    const pieces = fc.constantFrom('/', '\\', '%', '2F', '5C', '5c', '0d', '0a', '25', ':', '@', '.', 'evil.example', 'http', '\r', '\n', '\t', ' ', '?', '#', 'a');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(''))), (input) => {
        const next = safeNext(input);
        const base = 'https://app.example';
        expect(new URL(next, base).origin).toBe(base);
        // eslint-disable-next-line no-control-regex
        expect(next).not.toMatch(/[\u0000-\u0020\u007f-\uffff\\]/);
        expect(decodeURIComponent(next)).not.toMatch(/^\/[/\\]/);
      }),
      { numRuns: 5000 },
    );
  });
});

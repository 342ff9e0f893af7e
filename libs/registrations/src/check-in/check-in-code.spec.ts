import fc from 'fast-check';
import { formatCheckInCode, newCheckInCode, normaliseCheckInCode } from './check-in-code';

describe('check-in codes', () => {
  it('reads back every new code however it was written down', () => {
    for (let i = 0; i < 200; i++) {
      const code = newCheckInCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
      for (const written of [code, formatCheckInCode(code), formatCheckInCode(code).toLowerCase(), ` ${code.slice(0, 6)} ${code.slice(6)} `]) {
        expect(normaliseCheckInCode(written)).toBe(code);
      }
    }
  });

  it('reads look-alike letters as the digits they resemble', () => {
    expect(normaliseCheckInCode('OIL0-1111-2222')).toBe('011011112222');
  });

  it('refuses what cannot be a code, such as a scanned web address', () => {
    fc.assert(fc.property(fc.string({ maxLength: 11 }), (text) => expect(normaliseCheckInCode(text.replace(/[\s-]/g, ''))).toBeNull()));
    for (const bad of ['https://example.org/r/abc', 'UUUU-UUUU-UUUU', 42, null, 'x'.repeat(100)]) expect(normaliseCheckInCode(bad)).toBeNull();
  });
});

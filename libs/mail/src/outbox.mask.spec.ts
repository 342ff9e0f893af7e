import fc from 'fast-check';
import { newSecretToken } from '@dialogdag/shared';
import { MASK, maskPersonalLinks } from './outbox.mask';

describe('maskPersonalLinks', () => {
  const token = 'Zx1_-aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789ab';

  it('masks the token of every link the app e-mails, and keeps the rest of the address', () => {
    expect(maskPersonalLinks(`Din personliga länk:\nhttps://dialogdag.example/r/${token}\n`)).toBe(`Din personliga länk:\nhttps://dialogdag.example/r/${MASK}\n`);
    expect(maskPersonalLinks(`http://127.0.0.1:3000/r/${token}/travel-claim`)).toBe(`http://127.0.0.1:3000/r/${MASK}/travel-claim`);
    expect(maskPersonalLinks(`https://x.se/r/${token}/evaluation?lang=en`)).toBe(`https://x.se/r/${MASK}/evaluation?lang=en`);
    expect(maskPersonalLinks(`https://x.se/n/${token}`)).toBe(`https://x.se/n/${MASK}`);
    expect(maskPersonalLinks(`https://x.se/admin/password-reset/${token}?lang=sv`)).toBe(`https://x.se/admin/password-reset/${MASK}?lang=sv`);
    expect(maskPersonalLinks(`https://x.se/api/public/registrations/${token}`)).toBe(`https://x.se/api/public/registrations/${MASK}`);
    expect(maskPersonalLinks(`<a href="https://x.se/r/${token}">Länk</a>`)).toBe(`<a href="https://x.se/r/${MASK}">Länk</a>`);
  });

  it('leaves addresses without a secret alone: the public form, the programme, a preview, and an invitation its owners sent', () => {
    const text = `https://x.se/c/dialogkonferens-goteborg\nhttps://x.se/c/dialogkonferens-goteborg/programme\nhttps://x.se/r/…\nand/or\nhttps://x.se/invitations/${token}?lang=sv`;
    expect(maskPersonalLinks(text)).toBe(text);
  });

  it('never lets a token through, wherever the link stands and however many there are', () => {
    const base = fc.constantFrom('http://localhost:3000', 'https://dialogdag.example.org', 'http://127.0.0.1:41234');
    const path = fc.constantFrom('/r/', '/n/', '/admin/password-reset/', '/api/public/registrations/');
    const suffix = fc.constantFrom('', '/', '/travel-claim', '?lang=en', '/cancel?lang=sv', '.', ')', '\n');
    const link = fc.tuple(base, path, suffix).map(([b, p, s]) => ({ token: newSecretToken(), text: (t: string) => `${b}${p}${t}${s}` }));
    // Prose between links starts with a space or a line break, as in an e-mail: a link glued to letters has no end.
    const prose = fc.tuple(fc.constantFrom(' ', '\n'), fc.string({ unit: fc.constantFrom('a', 'ö', ' ', '\n', ':', '/', '-'), maxLength: 20 })).map(([a, b]) => a + b);
    fc.assert(
      fc.property(fc.array(fc.tuple(prose, link), { minLength: 1, maxLength: 4 }), (parts) => {
        const text = parts.map(([p, l]) => p + l.text(l.token)).join('');
        const masked = maskPersonalLinks(text);
        for (const [, l] of parts) expect(masked).not.toContain(l.token);
        expect(masked).toBe(parts.map(([p, l]) => p + l.text(MASK)).join(''));
        expect(maskPersonalLinks(masked)).toBe(masked);
      }),
    );
  });
});

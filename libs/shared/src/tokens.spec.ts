import { hashToken, newSecretToken, safeEqual } from './tokens';

describe('secret tokens', () => {
  it('are 256 bits, URL-safe, and never repeat across many pool refills', () => {
    const tokens = Array.from({ length: 2000 }, () => newSecretToken());
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('do not hand out a wiped (all-zero) slice of the pool', () => {
    const zero = Buffer.alloc(32).toString('base64url');
    expect(Array.from({ length: 300 }, () => newSecretToken())).not.toContain(zero);
  });

  it('are stored as a SHA-256 hash and compared in constant time', () => {
    const token = newSecretToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(safeEqual(hashToken(token), hashToken(token))).toBe(true);
    expect(safeEqual(hashToken(token), hashToken(newSecretToken()))).toBe(false);
  });
});

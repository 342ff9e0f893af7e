import { randomBytes } from 'node:crypto';
import { dataKeyFrom, openPayee, sealPayee } from './payee-cipher';

const key = dataKeyFrom(randomBytes(32).toString('hex'));
const details = { method: 'bank_account' as const, clearingNumber: '8327', accountNumber: '1234567' };

describe('payee details at rest', () => {
  it('seals with AES-256-GCM and opens again with the same key and claim', () => {
    const sealed = sealPayee(key, 'claim-1', details);
    expect(sealed.toString('latin1')).not.toContain('1234567');
    expect(openPayee(key, 'claim-1', sealed)).toEqual(details);
  });

  it('uses a fresh IV each time', () => {
    expect(sealPayee(key, 'claim-1', details).equals(sealPayee(key, 'claim-1', details))).toBe(false);
  });

  it('does not open with another key, on another claim, or altered', () => {
    const sealed = sealPayee(key, 'claim-1', details);
    expect(openPayee(dataKeyFrom(randomBytes(32).toString('base64')), 'claim-1', sealed)).toBeNull();
    expect(openPayee(key, 'claim-2', sealed)).toBeNull();
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] ^= 1;
    expect(openPayee(key, 'claim-1', altered)).toBeNull();
    expect(openPayee(key, 'claim-1', Buffer.from([1, 2, 3]))).toBeNull();
  });

  it('reads a key as hex or base64 and refuses other lengths', () => {
    const raw = randomBytes(32);
    expect(dataKeyFrom(raw.toString('hex')).key.equals(raw)).toBe(true);
    expect(dataKeyFrom(raw.toString('base64url')).key.equals(raw)).toBe(true);
    expect(dataKeyFrom(raw.toString('hex')).id).toBe(dataKeyFrom(raw.toString('base64')).id);
    expect(() => dataKeyFrom(randomBytes(16).toString('hex'))).toThrow(/32 bytes/);
  });
});

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ReimbursementConfig } from '@dialogdag/config';
import type { PayeeDetails } from '../rules/payee.rules';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface DataKey {
  /** A fingerprint, stored next to the ciphertext, to tell a changed key from tampering. */
  id: string;
  key: Buffer;
}

export function dataKeyFrom(text: string): DataKey {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('DATA_ENCRYPTION_KEY must be 32 bytes');
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

/** The claim id is bound in as associated data, so a ciphertext copied onto another claim does not open. */
const associatedData = (claimId: string) => Buffer.from(`travel_claim:${claimId}`, 'utf8');

/** AES-256-GCM: version byte, 96-bit random IV, 128-bit tag, ciphertext. */
export function sealPayee(dataKey: DataKey, claimId: string, details: PayeeDetails): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey.key, iv);
  cipher.setAAD(associatedData(claimId));
  const body = Buffer.concat([cipher.update(JSON.stringify(details), 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

/** null when the key is not the one that sealed it or the bytes were altered. */
export function openPayee(dataKey: DataKey, claimId: string, sealed: Buffer): PayeeDetails | null {
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey.key, sealed.subarray(1, 1 + IV_BYTES));
    decipher.setAAD(associatedData(claimId));
    decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as PayeeDetails;
  } catch {
    return null;
  }
}

/** Encrypts payee details with DATA_ENCRYPTION_KEY, or with one key every instance shares through the database. */
@Injectable()
export class PayeeCipher {
  private dataKey?: Promise<DataKey>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ReimbursementConfig,
  ) {}

  async seal(claimId: string, details: PayeeDetails): Promise<{ sealed: Buffer; keyId: string }> {
    const key = await this.key();
    return { sealed: sealPayee(key, claimId, details), keyId: key.id };
  }

  async open(claimId: string, sealed: Buffer, keyId: string | null): Promise<PayeeDetails | null> {
    const key = await this.key();
    return keyId === key.id ? openPayee(key, claimId, sealed) : null;
  }

  private key(): Promise<DataKey> {
    if (this.config.dataEncryptionKey) {
      this.dataKey ??= Promise.resolve(dataKeyFrom(this.config.dataEncryptionKey));
      return this.dataKey;
    }
    this.dataKey ??= (async () => {
      await this.db.query(`INSERT INTO reimbursement_secret (name, value) VALUES ('payee_key', $1) ON CONFLICT (name) DO NOTHING`, [
        randomBytes(32).toString('base64'),
      ]);
      const [row] = await this.db.query(`SELECT value FROM reimbursement_secret WHERE name = 'payee_key'`);
      return dataKeyFrom(row.value as string);
    })();
    // A failed first read (database briefly away) must not stick for the life of the process.
    this.dataKey.catch(() => (this.dataKey = undefined));
    return this.dataKey;
  }
}

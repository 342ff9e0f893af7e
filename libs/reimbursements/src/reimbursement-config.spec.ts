import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '@dialogdag/config';

describe('reimbursement configuration', () => {
  it('keeps bank details 90 days after payment and keeps the key in the database unless one is given', () => {
    const config = loadConfig({});
    expect(config.reimbursement.retentionDays).toBe(90);
    expect(config.reimbursement.dataEncryptionKey).toBeUndefined();
  });

  it('reads a key as hex or base64 and a retention in days', () => {
    const key = randomBytes(32);
    expect(loadConfig({ DATA_ENCRYPTION_KEY: key.toString('hex'), REIMBURSEMENT_RETENTION_DAYS: '30' }).reimbursement).toMatchObject({
      dataEncryptionKey: key.toString('hex'),
      retentionDays: 30,
    });
    expect(loadConfig({ DATA_ENCRYPTION_KEY: key.toString('base64') }).reimbursement.dataEncryptionKey).toBe(key.toString('base64'));
  });

  it('names a short key and a bad retention', () => {
    try {
      loadConfig({ DATA_ENCRYPTION_KEY: 'secret', REIMBURSEMENT_RETENTION_DAYS: '-1' });
      fail('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).problems.join('\n');
      expect(text).toMatch(/DATA_ENCRYPTION_KEY must be 32 bytes/);
      expect(text).toMatch(/REIMBURSEMENT_RETENTION_DAYS must be 0 or more/);
    }
  });
});

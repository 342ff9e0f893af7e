import { ConfigError } from '@dialogdag/config';
import { loadAuditConfig } from './audit.config';

describe('audit configuration', () => {
  it('keeps entries a year unless told otherwise', () => {
    expect(loadAuditConfig({}).retentionDays).toBe(365);
    expect(loadAuditConfig({ AUDIT_RETENTION_DAYS: '' }).retentionDays).toBe(365);
    expect(loadAuditConfig({ AUDIT_RETENTION_DAYS: '730' }).retentionDays).toBe(730);
  });

  it('names a bad value', () => {
    expect(() => loadAuditConfig({ AUDIT_RETENTION_DAYS: 'forever' })).toThrow(ConfigError);
    expect(() => loadAuditConfig({ AUDIT_RETENTION_DAYS: '0' })).toThrow(/AUDIT_RETENTION_DAYS must be at least 1/);
    expect(() => loadAuditConfig({ AUDIT_RETENTION_DAYS: '1.5' })).toThrow(/AUDIT_RETENTION_DAYS must be a whole number/);
  });
});

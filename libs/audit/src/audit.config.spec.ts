import { ConfigError } from '@dialogdag/config';
import { loadAuditConfig } from './audit.config';

describe('audit configuration', () => {
  it('keeps entries as long as the retention policy says, a year unless told otherwise', () => {
    expect(loadAuditConfig({}).retentionDays).toBe(365);
    expect(loadAuditConfig({ RETENTION_DAYS: '' }).retentionDays).toBe(365);
    expect(loadAuditConfig({ RETENTION_DAYS: '730' }).retentionDays).toBe(730);
    expect(loadAuditConfig({ RETENTION_DAYS: '0' }).retentionDays).toBe(0);
  });

  it('gives the log a period of its own with AUDIT_RETENTION_DAYS', () => {
    expect(loadAuditConfig({ RETENTION_DAYS: '90', AUDIT_RETENTION_DAYS: '1825' }).retentionDays).toBe(1825);
    expect(loadAuditConfig({ AUDIT_RETENTION_DAYS: ' 30 ' }).retentionDays).toBe(30);
  });

  it('names the bad value and the variable it came from', () => {
    expect(() => loadAuditConfig({ AUDIT_RETENTION_DAYS: 'forever' })).toThrow(ConfigError);
    expect(() => loadAuditConfig({ AUDIT_RETENTION_DAYS: '-1' })).toThrow(/AUDIT_RETENTION_DAYS must be a whole number/);
    expect(() => loadAuditConfig({ RETENTION_DAYS: '1.5' })).toThrow(/RETENTION_DAYS must be a whole number/);
    expect(() => loadAuditConfig({ RETENTION_DAYS: '36501' })).toThrow(/RETENTION_DAYS must be at most 36500/);
  });
});

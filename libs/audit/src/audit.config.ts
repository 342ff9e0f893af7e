import { ConfigError } from '@dialogdag/config';

const MAX_DAYS = 36_500;

/**
 * Settings of the audit log, read from the environment by this lib (the app's config lib does not know them); a bad
 * value is named at start-up like every other setting.
 */
export class AuditConfig {
  /** Days an entry is kept; older ones are purged once a day. */
  retentionDays = 365;
}

/**
 * The installation's retention policy (`RETENTION_DAYS`, 365 unless set) applies to the audit log too, unless
 * `AUDIT_RETENTION_DAYS` gives the log a period of its own.
 */
export function loadAuditConfig(env: Record<string, string | undefined>): AuditConfig {
  const config = new AuditConfig();
  const name = env.AUDIT_RETENTION_DAYS ? 'AUDIT_RETENTION_DAYS' : env.RETENTION_DAYS ? 'RETENTION_DAYS' : null;
  if (!name) return config;
  const text = String(env[name]).trim();
  const days = Number(text);
  if (!/^\d+$/.test(text)) throw new ConfigError([`${name} must be a whole number`]);
  if (days > MAX_DAYS) throw new ConfigError([`${name} must be at most ${MAX_DAYS}`]);
  config.retentionDays = days;
  return config;
}

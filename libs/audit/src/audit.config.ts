import { plainToInstance, Transform } from 'class-transformer';
import { IsInt, Max, Min, validateSync } from 'class-validator';
import { ConfigError } from '@dialogdag/config';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;

/**
 * Settings of the audit log. Read from the environment by this lib (the app's config lib does not know them);
 * a bad value is named at start-up like every other setting.
 */
export class AuditConfig {
  /** Days an entry is kept; older ones are purged once a day. */
  // Checked bottom-up: a whole number first, so "forever" is named as what it is.
  @Transform(toInt)
  @Max(36_500, { message: 'AUDIT_RETENTION_DAYS must be at most 36500' })
  @Min(1, { message: 'AUDIT_RETENTION_DAYS must be at least 1' })
  @IsInt({ message: 'AUDIT_RETENTION_DAYS must be a whole number' })
  retentionDays = 365;
}

export function loadAuditConfig(env: Record<string, string | undefined>): AuditConfig {
  const defined = env.AUDIT_RETENTION_DAYS ? { retentionDays: env.AUDIT_RETENTION_DAYS } : {};
  const config = plainToInstance(AuditConfig, defined, { exposeDefaultValues: true });
  const problems = validateSync(config, { stopAtFirstError: true }).flatMap((e) => Object.values(e.constraints ?? {}));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

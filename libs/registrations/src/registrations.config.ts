import { plainToInstance, Transform } from 'class-transformer';
import { IsInt, Max, Min, validateSync } from 'class-validator';
import { ConfigError } from '@dialogdag/config';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;

/**
 * Settings of registrations' data protection and public form. Read from the environment by this lib (the app's
 * config lib does not know them); bad values are named at start-up like every other setting.
 */
export class RegistrationsConfig {
  /** Days after a conference ends before its registrations are anonymised. */
  @Transform(toInt)
  @IsInt({ message: 'RETENTION_DAYS must be a whole number' })
  @Min(0, { message: 'RETENTION_DAYS must be 0 or more' })
  @Max(3650, { message: 'RETENTION_DAYS must be at most 3650' })
  retentionDays = 365;

  /** Seconds a person needs at least to fill in the public registration form; a quicker post is taken for a bot's. */
  @Transform(toInt)
  @IsInt({ message: 'PUBLIC_FORM_MIN_FILL_SECONDS must be a whole number' })
  @Min(0, { message: 'PUBLIC_FORM_MIN_FILL_SECONDS must be 0 (no minimum) or more' })
  @Max(3600, { message: 'PUBLIC_FORM_MIN_FILL_SECONDS must be at most 3600' })
  publicFormMinFillSeconds = 3;
}

export function loadRegistrationsConfig(env: Record<string, string | undefined>): RegistrationsConfig {
  const values = { retentionDays: env.RETENTION_DAYS, publicFormMinFillSeconds: env.PUBLIC_FORM_MIN_FILL_SECONDS };
  const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  const config = plainToInstance(RegistrationsConfig, defined, { exposeDefaultValues: true });
  const problems = validateSync(config, { stopAtFirstError: true }).flatMap((e) => Object.values(e.constraints ?? {}));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

import { Transform } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import { IsInt, Max, Min, validateSync } from 'class-validator';
import { ConfigError } from '@dialogdag/config';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;

/**
 * Settings of composed messages. Read from the environment by this lib (the app's config lib does not
 * know them yet); bad values are named at start-up like every other setting.
 */
export class MessagesConfig {
  /** Messages handed to the outbox per minute, for the whole installation (all instances together). */
  @Transform(toInt)
  @IsInt({ message: 'MESSAGE_RATE_PER_MINUTE must be a whole number' })
  @Min(1, { message: 'MESSAGE_RATE_PER_MINUTE must be at least 1' })
  @Max(100_000, { message: 'MESSAGE_RATE_PER_MINUTE must be at most 100000' })
  ratePerMinute = 120;

  /** How often the pacing job looks for recipients waiting for their turn. */
  @Transform(toInt)
  @IsInt({ message: 'MESSAGE_POLL_INTERVAL_MS must be a whole number' })
  @Min(50, { message: 'MESSAGE_POLL_INTERVAL_MS must be at least 50' })
  pollIntervalMs = 1000;
}

export function loadMessagesConfig(env: Record<string, string | undefined>): MessagesConfig {
  const values = { ratePerMinute: env.MESSAGE_RATE_PER_MINUTE, pollIntervalMs: env.MESSAGE_POLL_INTERVAL_MS };
  const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  const config = plainToInstance(MessagesConfig, defined, { exposeDefaultValues: true });
  const problems = validateSync(config, { stopAtFirstError: true }).flatMap((e) => Object.values(e.constraints ?? {}));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

import { parseTrustProxy, TrustProxy } from './trust-proxy';

type Env = Record<string, string | undefined>;

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase())
    ? true
    : ['0', 'false', 'no', 'off'].includes(String(value).toLowerCase())
      ? false
      : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export class AppConfig {
  @Transform(toInt)
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(0, { message: 'PORT must be between 0 and 65535' })
  @Max(65535, { message: 'PORT must be between 0 and 65535' })
  port = 3000;

  /** Where links in e-mails point; defaults to http://localhost:PORT. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'PUBLIC_URL must be an http(s) URL' })
  publicUrl?: string;

  /** The one place the public base URL is worked out: links in e-mails, feeds and exports use it. */
  publicBaseUrl(): string {
    return (this.publicUrl ?? `http://localhost:${this.port}`).replace(/\/$/, '');
  }

  @IsString()
  @MinLength(1, { message: 'DATA_DIR must not be empty' })
  dataDir = './.data';

  @Transform(toInt)
  @IsInt({ message: 'PUBLIC_RATE_LIMIT_PER_MINUTE must be a whole number' })
  @Min(0, { message: 'PUBLIC_RATE_LIMIT_PER_MINUTE must be 0 (off) or more' })
  /** 0: no limit. Counted per client address in PostgreSQL, so every instance shares the count. */
  publicRateLimitPerMinute = 60;

  /** When X-Forwarded-For is believed (see parseTrustProxy); read apart from the decorators, set by loadConfig. */
  trustProxy: TrustProxy = false;

  @Transform(toBool)
  @IsBoolean({ message: 'DEMO_DATA must be true or false' })
  demoData = true;

  @Matches(/^(fatal|error|warn|info|debug|trace|silent)$/, { message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent' })
  logLevel = 'info';

  /** On SIGTERM/SIGINT: how long requests already being answered may take before the app stops anyway. */
  @Transform(toInt)
  @IsInt({ message: 'SHUTDOWN_GRACE_MS must be a whole number' })
  @Min(0, { message: 'SHUTDOWN_GRACE_MS must be between 0 and 600000' })
  @Max(600_000, { message: 'SHUTDOWN_GRACE_MS must be between 0 and 600000' })
  shutdownGraceMs = 10_000;
}

export class DatabaseConfig {
  /** Unset: the app runs its own embedded PostgreSQL in DATA_DIR. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  url?: string;

  /**
   * Connections each instance keeps to PostgreSQL at most. Instances × this must stay below the server's
   * max_connections (the embedded one allows 200).
   */
  @Transform(toInt)
  @IsInt({ message: 'DATABASE_POOL_SIZE must be a whole number' })
  @Min(2, { message: 'DATABASE_POOL_SIZE must be between 2 and 500' })
  @Max(500, { message: 'DATABASE_POOL_SIZE must be between 2 and 500' })
  poolSize = 20;
}

export class MailConfig {
  /** Unset: mail stays in the outbox, readable by organisers. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  smtpUrl?: string;

  @IsString()
  @Matches(/^[^\r\n]+$/, { message: 'MAIL_FROM must be a single line' })
  mailFrom = 'Dialogdag <no-reply@dialogdag.local>';

  @Transform(toInt)
  @IsInt({ message: 'MAIL_POLL_INTERVAL_MS must be a whole number' })
  @Min(50, { message: 'MAIL_POLL_INTERVAL_MS must be at least 50' })
  pollIntervalMs = 2000;

  /**
   * The longest one delivery may take (connecting, the server's answers, the message itself) before it is
   * given up and tried again later; a delivery's lease lasts a while longer, so no other instance takes a
   * message that is still being sent.
   */
  @Transform(toInt)
  @IsInt({ message: 'MAIL_SEND_TIMEOUT_MS must be a whole number' })
  @Min(1000, { message: 'MAIL_SEND_TIMEOUT_MS must be between 1000 and 600000' })
  @Max(600_000, { message: 'MAIL_SEND_TIMEOUT_MS must be between 1000 and 600000' })
  sendTimeoutMs = 60_000;

  /** Hours a delivered (or given up) message keeps its text, HTML and attachments; the metadata stays. */
  @Transform(toInt)
  @IsInt({ message: 'OUTBOX_BODY_RETENTION_HOURS must be a whole number' })
  @Min(0, { message: 'OUTBOX_BODY_RETENTION_HOURS must be between 0 and 8760' })
  @Max(8760, { message: 'OUTBOX_BODY_RETENTION_HOURS must be between 0 and 8760' })
  bodyRetentionHours = 168;
}

export class AuthConfig {
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an e-mail address' })
  adminEmail?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  adminPassword?: string;

  /** Log-in attempts allowed per account (e-mail address, known or not) in a 15-minute window. */
  @Transform(toInt)
  @IsInt({ message: 'LOGIN_ATTEMPTS_PER_ACCOUNT must be a whole number' })
  @Min(1, { message: 'LOGIN_ATTEMPTS_PER_ACCOUNT must be at least 1' })
  loginAttemptsPerAccount = 10;

  /** Log-in attempts allowed per client address in a 15-minute window (an office behind one NAT shares it). */
  @Transform(toInt)
  @IsInt({ message: 'LOGIN_ATTEMPTS_PER_ADDRESS must be a whole number' })
  @Min(1, { message: 'LOGIN_ATTEMPTS_PER_ADDRESS must be at least 1' })
  loginAttemptsPerAddress = 100;

  /** Signs session cookies; unset, a secret kept in the database is used. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @MinLength(32, { message: 'SESSION_SECRET must be at least 32 characters' })
  sessionSecret?: string;
}

/** 32 bytes as 64 hex digits or as base64 (44 characters with padding, 43 without). */
const ENCRYPTION_KEY = /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/;

export class ReimbursementConfig {
  /** AES-256-GCM key for payee bank details; unset, a key kept in the database is shared by all instances. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(ENCRYPTION_KEY, { message: 'DATA_ENCRYPTION_KEY must be 32 bytes as 64 hex digits or base64' })
  dataEncryptionKey?: string;

  /** Days after payment before bank details are erased (the amount and payee name stay, for bookkeeping). */
  @Transform(toInt)
  @IsInt({ message: 'REIMBURSEMENT_RETENTION_DAYS must be a whole number' })
  @Min(0, { message: 'REIMBURSEMENT_RETENTION_DAYS must be 0 or more' })
  @Max(3650, { message: 'REIMBURSEMENT_RETENTION_DAYS must be at most 3650' })
  retentionDays = 90;
}

/** Composed messages (libs/messages): how fast they are handed to the outbox. */
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

export interface Config {
  app: AppConfig;
  database: DatabaseConfig;
  mail: MailConfig;
  auth: AuthConfig;
  reimbursement: ReimbursementConfig;
  messages: MessagesConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function build<T extends object>(cls: new () => T, values: Record<string, string | undefined>): [T, string[]] {
  const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  const instance = plainToInstance(cls, defined, { exposeDefaultValues: true });
  const problems = validateSync(instance, { stopAtFirstError: true }).flatMap((e) => Object.values(e.constraints ?? {}));
  return [instance, problems];
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const [app, appProblems] = build(AppConfig, {
    port: env.PORT,
    publicUrl: env.PUBLIC_URL,
    dataDir: env.DATA_DIR,
    publicRateLimitPerMinute: env.PUBLIC_RATE_LIMIT_PER_MINUTE,
    demoData: env.DEMO_DATA,
    logLevel: env.LOG_LEVEL,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
  });
  const [database, databaseProblems] = build(DatabaseConfig, { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE });
  const [mail, mailProblems] = build(MailConfig, {
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    pollIntervalMs: env.MAIL_POLL_INTERVAL_MS,
    sendTimeoutMs: env.MAIL_SEND_TIMEOUT_MS,
    bodyRetentionHours: env.OUTBOX_BODY_RETENTION_HOURS,
  });
  const [auth, authProblems] = build(AuthConfig, {
    adminEmail: env.ADMIN_EMAIL,
    adminPassword: env.ADMIN_PASSWORD,
    sessionSecret: env.SESSION_SECRET,
    loginAttemptsPerAccount: env.LOGIN_ATTEMPTS_PER_ACCOUNT,
    loginAttemptsPerAddress: env.LOGIN_ATTEMPTS_PER_ADDRESS,
  });
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  if ('value' in trustProxy) app.trustProxy = trustProxy.value;
  const [reimbursement, reimbursementProblems] = build(ReimbursementConfig, {
    dataEncryptionKey: env.DATA_ENCRYPTION_KEY,
    retentionDays: env.REIMBURSEMENT_RETENTION_DAYS,
  });
  const [messages, messagesProblems] = build(MessagesConfig, {
    ratePerMinute: env.MESSAGE_RATE_PER_MINUTE,
    pollIntervalMs: env.MESSAGE_POLL_INTERVAL_MS,
  });
  const problems = [...appProblems, ...databaseProblems, ...mailProblems, ...authProblems, ...reimbursementProblems, ...messagesProblems];
  if ('problem' in trustProxy) problems.push(trustProxy.problem);
  if (Boolean(auth.adminEmail) !== Boolean(auth.adminPassword)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { app, database, mail, auth, reimbursement, messages };
}

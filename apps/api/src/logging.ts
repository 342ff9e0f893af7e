import { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { DestinationStream, Level, Logger, pino } from 'pino';

/** Personal links carry a secret token in the path; logs get a placeholder instead. */
export function redactUrl(url: string): string {
  return url.replace(/\/(r|registrations)\/[A-Za-z0-9_-]{20,}/g, '/$1/[token]');
}

/**
 * A request's log level. Answered requests are `debug`: at the default level a busy instance writes a line
 * per refusal and failure, not per registration. A 503 (the database away, or the instance draining) is a
 * `warn`: it says so in one line per request rather than with a stack trace each.
 */
export function requestLogLevel(statusCode: number, error?: Error): 'debug' | 'warn' | 'error' {
  if (statusCode === 503) return 'warn';
  if (error || statusCode >= 500) return 'error';
  return statusCode >= 400 ? 'warn' : 'debug';
}

/**
 * JSON lines for log collectors, or (`terminal`) one readable line per record for a person watching
 * `npm start`: the same records, the same levels.
 */
export function createLogger(level: string, terminal = false): Logger {
  return terminal ? pino({ level }, terminalDestination) : pino({ level });
}

/** Health checks and static files would drown the rest. */
const unlogged = (url: string) => url === '/api/health' || url.startsWith('/assets/');

/**
 * A line per answered request at the level `requestLogLevel` gives, written as the answer completes: a hook of
 * Fastify's, where a per-request middleware (pino-http) made a child logger and a closure for every request, even
 * those no level shows.
 */
export function registerRequestLog(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const level = requestLogLevel(reply.statusCode);
    if (logger.isLevelEnabled(level) && !unlogged(request.url)) {
      const req = { id: request.id, method: request.method, url: redactUrl(request.url) };
      logger[level]({ req, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime }, 'request completed');
    }
    done();
  });
}

/** Nest's logger calls, as pino records: the context (Nest's last string argument) and an error's stack as fields. */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]) {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]) {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const rest = [...params];
    // Nest appends the logger's context as the last argument; error(message, stack, context) puts the stack before it.
    const last = rest[rest.length - 1];
    const context = typeof last === 'string' && !isStack(last) ? (rest.pop() as string) : undefined;
    const stack = rest.find((p): p is string => typeof p === 'string' && isStack(p));
    const fields: Record<string, unknown> = context ? { context } : {};
    if (message instanceof Error) {
      fields.err = message;
      this.logger[level](fields, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...(stack ? { err: { stack } } : {}), ...message });
    } else {
      if (stack) fields.err = { stack };
      this.logger[level](fields, String(message));
    }
  }
}

const isStack = (text: string) => /\n\s+at /.test(text);

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

interface LogRecord {
  time?: number;
  level?: number;
  context?: string;
  msg?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { stack?: string; message?: string };
}

/** "09:15:02 WARN  POST /api/conferences 409 12 ms", or "09:15:02 INFO  NestApplication: started". */
export function readableLine(record: LogRecord): string {
  const time = new Date(record.time ?? 0).toTimeString().slice(0, 8);
  const level = (LEVELS[record.level ?? 30] ?? String(record.level)).padEnd(5);
  const text =
    record.req && record.res
      ? `${record.req.method} ${record.req.url} ${record.res.statusCode}${record.responseTime !== undefined ? ` ${Math.round(record.responseTime)} ms` : ''}`
      : `${record.context ? `${record.context}: ` : ''}${record.msg ?? ''}`;
  const stack = record.err?.stack ?? (record.err?.message && record.err.message !== record.msg ? record.err.message : undefined);
  return `${time} ${level} ${text}${stack ? `\n${stack}` : ''}`;
}

const terminalDestination: DestinationStream = {
  write(line: string) {
    let record: LogRecord;
    try {
      record = JSON.parse(line);
    } catch {
      process.stdout.write(line);
      return;
    }
    process.stdout.write(`${readableLine(record)}\n`);
  },
};

/** Nest's start-up chatter (each module wired, each route mapped) is debug, not info. */
const START_UP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

export class QuietStartUpLogger implements LoggerService {
  constructor(private readonly logger: LoggerService) {}

  log(message: unknown, ...params: unknown[]) {
    const context = params[params.length - 1];
    if (typeof context === 'string' && START_UP_CONTEXTS.has(context)) this.logger.debug?.(message, ...params);
    else this.logger.log(message, ...params);
  }

  error(message: unknown, ...params: unknown[]) {
    this.logger.error(message, ...params);
  }

  warn(message: unknown, ...params: unknown[]) {
    this.logger.warn(message, ...params);
  }

  debug(message: unknown, ...params: unknown[]) {
    this.logger.debug?.(message, ...params);
  }

  verbose(message: unknown, ...params: unknown[]) {
    this.logger.verbose?.(message, ...params);
  }

  fatal(message: unknown, ...params: unknown[]) {
    this.logger.fatal?.(message, ...params);
  }
}

import { DomainError } from '@dialogdag/shared';

/**
 * Whether an error says PostgreSQL could not be reached or dropped the session (down, restarting, shut
 * down by an administrator, out of connections), as opposed to refusing the request itself. Such a request
 * was not wrong and may be sent again once the database is back; read from what pg, pg-pool and TypeORM
 * actually throw, by duck typing, so that no driver is imported here.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (candidate: unknown): boolean => {
    if (!candidate || typeof candidate !== 'object' || seen.has(candidate)) return false;
    seen.add(candidate);
    const e = candidate as { code?: unknown; name?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
    if (typeof e.code === 'string' && unavailableCode(e.code)) return true;
    if (typeof e.name === 'string' && UNAVAILABLE_NAMES.has(e.name)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(e.message as string))) return true;
    // TypeORM wraps the driver's error; Node wraps the attempts of one connect (AggregateError).
    return visit(e.driverError) || visit(e.cause) || (Array.isArray(e.errors) && e.errors.some(visit));
  };
  return visit(error);
}

/** Socket errors of a connection that could not be made or was cut, and SQLSTATEs of a server that is not there to serve. */
function unavailableCode(code: string): boolean {
  if (SOCKET_CODES.has(code)) return true;
  // Class 08: connection exception. 57P01–57P03: admin shutdown, crash shutdown, cannot connect now
  // (starting up, shutting down, in recovery). 53300: too many connections.
  return /^08[0-9A-Z]{3}$/.test(code) || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300';
}

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNABORTED']);

/** TypeORM: a query on a connection that the pool already dropped after a connection error. */
const UNAVAILABLE_NAMES = new Set(['QueryRunnerAlreadyReleasedError']);

/** pg and pg-pool say these in words only, without a code. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/,
  /^Client was closed and is not queryable$/,
];

/** Seconds a client should wait before trying again: about as long as PostgreSQL takes to restart. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The answer to a request that met an unreachable database: 503 with Retry-After, in the reader's language. */
export class DatabaseUnavailable extends DomainError {
  readonly retryAfterSeconds = DATABASE_RETRY_AFTER_SECONDS;

  constructor() {
    super('database_unavailable', 'unavailable', 'The service is briefly unavailable. Please try again in a moment.', undefined, {
      sv: 'Tjänsten är tillfälligt otillgänglig. Försök igen om en liten stund.',
      en: 'The service is briefly unavailable. Please try again in a moment.',
    });
  }
}

import fc from 'fast-check';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { DomainError, httpStatusFor } from '@dialogdag/shared';
import { DatabaseUnavailable, isDatabaseUnavailable } from './unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
const failedQuery = (driverError: Error) => new QueryFailedError('INSERT INTO registration …', [], driverError);

describe('isDatabaseUnavailable', () => {
  it('recognises a database that is down, restarting or cut off, as pg, pg-pool and TypeORM report it', () => {
    const unavailable = [
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      withCode('read ECONNRESET', 'ECONNRESET'),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Client has encountered a connection error and is not queryable'),
      failedQuery(withCode('terminating connection due to administrator command', '57P01')),
      failedQuery(withCode('terminating connection due to unexpected postmaster exit', '57P02')),
      failedQuery(withCode('the database system is starting up', '57P03')),
      failedQuery(withCode('the database system is shutting down', '57P03')),
      failedQuery(withCode('sorry, too many clients already', '53300')),
      failedQuery(withCode('connection failure', '08006')),
      failedQuery(new Error('Connection terminated unexpectedly')),
      new QueryRunnerAlreadyReleasedError(),
      // Node's connect to a name with several addresses fails with all of them at once.
      new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED'), withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')]),
      new Error('commit failed', { cause: withCode('write EPIPE', 'EPIPE') }),
    ];
    for (const error of unavailable) expect([error.message, isDatabaseUnavailable(error)]).toEqual([error.message, true]);
  });

  it('leaves alone what the request itself caused, and what is no database error', () => {
    const others: unknown[] = [
      failedQuery(withCode('duplicate key value violates unique constraint', '23505')),
      failedQuery(withCode('invalid input syntax for type uuid', '22P02')),
      failedQuery(withCode('canceling statement due to statement timeout', '57014')),
      failedQuery(withCode('could not serialize access', '40001')),
      new DomainError('registration_closed', 'conflict', 'Registration is closed.'),
      new Error('Something else'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      null,
      undefined,
      'Connection terminated',
      42,
    ];
    for (const error of others) expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('judges a refusal of the input the same however deeply it is wrapped, and never as unavailability', () => {
    // Class 22 (data exception) and 23 (integrity constraint): always the request's fault.
    const inputCode = fc.tuple(fc.constantFrom('22', '23'), fc.stringMatching(/^[0-9A-Z]{3}$/)).map(([a, b]) => a + b);
    fc.assert(
      fc.property(inputCode, fc.integer({ min: 0, max: 5 }), (code, depth) => {
        let error: unknown = failedQuery(withCode('refused', code));
        for (let i = 0; i < depth; i++) error = new Error('wrapped', { cause: error });
        expect(isDatabaseUnavailable(error)).toBe(false);
      }),
    );
  });

  it('survives an error that is its own cause', () => {
    const loop = new Error('loop') as Error & { cause?: unknown };
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });
});

describe('DatabaseUnavailable', () => {
  it('is a 503 that asks to try again in a few seconds, in both languages', () => {
    const error = new DatabaseUnavailable();
    expect(httpStatusFor(error.category)).toBe(503);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.textIn('sv')).toMatch(/tillfälligt otillgänglig/);
  });
});

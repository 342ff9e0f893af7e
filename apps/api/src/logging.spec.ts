import { LoggerService } from '@nestjs/common';
import Fastify from 'fastify';
import { pino } from 'pino';
import { PinoLoggerService, QuietStartUpLogger, readableLine, redactUrl, registerRequestLog, requestLogLevel } from './logging';

/** A pino logger whose records land in an array, parsed. */
function capturingLogger(level: string) {
  const records: Array<Record<string, any>> = [];
  const logger = pino({ level }, { write: (line: string) => void records.push(JSON.parse(line)) });
  return { logger, records };
}

describe('readable log lines', () => {
  const at = new Date(2030, 9, 20, 9, 15, 2).getTime();

  it('shows a request as method, path, status and time', () => {
    const line = readableLine({ time: at, level: 40, req: { method: 'POST', url: '/api/conferences' }, res: { statusCode: 409 }, responseTime: 12.4, msg: 'request completed' });
    expect(line).toBe('09:15:02 WARN  POST /api/conferences 409 12 ms');
  });

  it('shows a message with its context, and an error with its stack', () => {
    expect(readableLine({ time: at, level: 30, context: 'NestApplication', msg: 'Nest application successfully started' })).toBe(
      '09:15:02 INFO  NestApplication: Nest application successfully started',
    );
    expect(readableLine({ time: at, level: 50, msg: 'failed', err: { stack: 'Error: boom\n    at x' } })).toBe('09:15:02 ERROR failed\nError: boom\n    at x');
  });
});

describe('QuietStartUpLogger', () => {
  it('puts Nest’s start-up chatter (modules, routes) at debug and passes everything else on', () => {
    const calls: Array<[string, unknown[]]> = [];
    const record = (level: string) => (...args: unknown[]) => calls.push([level, args]);
    const inner: LoggerService = { log: record('log'), error: record('error'), warn: record('warn'), debug: record('debug'), verbose: record('verbose') };
    const logger = new QuietStartUpLogger(inner);
    logger.log('Mapped {/api/health, GET} route', 'RouterExplorer');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('Nest application successfully started', 'NestApplication');
    logger.warn('careful', 'Outbox');
    expect(calls).toEqual([
      ['debug', ['Mapped {/api/health, GET} route', 'RouterExplorer']],
      ['debug', ['AppModule dependencies initialized', 'InstanceLoader']],
      ['log', ['Nest application successfully started', 'NestApplication']],
      ['warn', ['careful', 'Outbox']],
    ]);
  });
});

describe('redactUrl', () => {
  it('hides personal-link tokens', () => {
    expect(redactUrl('/r/abcdefghijklmnopqrstuvwxyz123456/cancel')).toBe('/r/[token]/cancel');
    expect(redactUrl('/api/public/registrations/abcdefghijklmnopqrstuvwxyz')).toBe('/api/public/registrations/[token]');
  });
});

describe('requestLogLevel', () => {
  it('logs answered requests at debug, refusals at warn, failures at error, and a 503 at warn', () => {
    expect([200, 201, 204, 303, 304].map((status) => requestLogLevel(status))).toEqual(['debug', 'debug', 'debug', 'debug', 'debug']);
    expect([400, 404, 409, 429].map((status) => requestLogLevel(status))).toEqual(['warn', 'warn', 'warn', 'warn']);
    expect(requestLogLevel(500)).toBe('error');
    expect(requestLogLevel(200, new Error('socket hang up'))).toBe('error');
    expect(requestLogLevel(503)).toBe('warn');
  });
});

describe('PinoLoggerService', () => {
  it('writes Nest’s calls as records with their context, and an error’s stack as err', () => {
    const { logger, records } = capturingLogger('debug');
    const nest = new PinoLoggerService(logger);
    nest.log('Nest application successfully started', 'NestApplication');
    nest.error('Audit entry not written', 'Error: boom\n    at write (audit.ts:1:1)', 'AuditLog');
    nest.error(new Error('lost'), 'HTTP');
    nest.warn('no context');
    nest.verbose('hidden below debug', 'X');
    expect(records.map((r) => [r.level, r.context, r.msg])).toEqual([
      [30, 'NestApplication', 'Nest application successfully started'],
      [50, 'AuditLog', 'Audit entry not written'],
      [50, 'HTTP', 'lost'],
      [40, undefined, 'no context'],
    ]);
    expect(records[1].err.stack).toContain('at write');
    expect(records[2].err.stack).toContain('Error: lost');
  });
});

describe('the request log', () => {
  async function serve(level: string) {
    const { logger, records } = capturingLogger(level);
    const app = Fastify();
    registerRequestLog(app, logger);
    app.get('/ok', async () => ({ ok: true }));
    app.get('/api/health', async () => ({ ok: true }));
    app.get('/r/:token', async (_request, reply) => reply.status(404).send());
    await app.ready();
    return { app, records };
  }

  it('writes refusals at warn with method, redacted path, status and time; answered requests only at debug', async () => {
    const { app, records } = await serve('warn');
    await app.inject('/ok');
    await app.inject('/r/abcdefghijklmnopqrstuvwxyz123456');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ level: 40, msg: 'request completed', req: { method: 'GET', url: '/r/[token]' }, res: { statusCode: 404 } });
    expect(typeof records[0].responseTime).toBe('number');
    expect(readableLine(records[0])).toMatch(/WARN {2}GET \/r\/\[token\] 404 \d+ ms$/);
    await app.close();
  });

  it('at debug shows answered requests too, but never health checks', async () => {
    const { app, records } = await serve('debug');
    await app.inject('/ok');
    await app.inject('/api/health');
    expect(records.map((r) => [r.level, r.req.url, r.res.statusCode])).toEqual([[20, '/ok', 200]]);
    await app.close();
  });
});

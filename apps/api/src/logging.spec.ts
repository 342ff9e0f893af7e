import { LoggerService } from '@nestjs/common';
import { QuietStartUpLogger, readableLine, redactUrl, requestLogLevel } from './logging';

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

import type { Params } from 'nestjs-pino';

/** Personal links carry a secret token in the path; logs get a placeholder instead. */
export function redactUrl(url: string): string {
  return url.replace(/\/(r|registrations)\/[A-Za-z0-9_-]{20,}/g, '/$1/[token]');
}

export function loggerOptions(level: string): Params {
  return {
    pinoHttp: {
      level,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (req) => req.url === '/api/health' || (req.url ?? '').startsWith('/assets/') },
    },
  };
}

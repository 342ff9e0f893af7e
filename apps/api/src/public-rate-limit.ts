import { HttpException } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RateCounter } from '@dialogdag/auth';

/** Routes anyone can call without an account: the public API, the form and the personal pages. */
export function isPublicPath(url: string): boolean {
  return url.startsWith('/api/public/') || url.startsWith('/c/') || url.startsWith('/r/');
}

const WINDOW_MS = 60_000;

/**
 * PUBLIC_RATE_LIMIT_PER_MINUTE: what the public can change (registrations, cancellations, transfers, claims) is
 * limited per client address and minute, counted in PostgreSQL so that instances share the count. The address
 * is Fastify's `request.ip`, which believes X-Forwarded-For only from the proxies TRUST_PROXY names.
 */
export function registerPublicRateLimit(fastify: FastifyInstance, counter: RateCounter, perMinute: number): void {
  if (perMinute <= 0) return;
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS' || !isPublicPath(request.url)) return;
    const result = await counter.hit(`public:${request.ip}`, perMinute, WINDOW_MS);
    if (result.allowed) return;
    reply.header('Retry-After', String(result.retryAfterSeconds));
    throw new HttpException(
      { statusCode: 429, error: 'Too Many Requests', message: `Too many requests from your address. Try again in ${result.retryAfterSeconds} seconds.` },
      429,
    );
  });
}

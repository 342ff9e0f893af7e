import type { FastifyInstance } from 'fastify';
import type { Server as HttpServer } from 'node:http';
import { Server as NetServer } from 'node:net';
import { DomainError } from '@dialogdag/shared';

/** The answer to a request that reaches an instance while it shuts down: 503, try again (elsewhere). */
export class ShuttingDown extends DomainError {
  readonly retryAfterSeconds = 5;

  constructor() {
    super('shutting_down', 'unavailable', 'This instance is shutting down. Please try again in a moment.', undefined, {
      sv: 'Tjänsten startar om. Försök igen om en liten stund.',
      en: 'The service is restarting. Please try again in a moment.',
    });
  }
}

/**
 * No request may still arrive unseen when the connections are closed: bytes already accepted by the
 * kernel become requests within a few event-loop turns, so the drain ends only after this long without
 * a new request.
 */
const QUIET_MS = 200;

/**
 * Stops the HTTP side gracefully. Requests already being answered are finished (up to a grace period);
 * anything that arrives meanwhile is answered 503 with Retry-After and `Connection: close` (so is the
 * health check, which tells a load balancer to send no more). The listener closes only once all is
 * quiet: closing it earlier would reset connections the kernel had already accepted for the app, and
 * their clients could not tell whether anything was done. Only then may the app close its database.
 */
export class HttpDrain {
  private inFlight = 0;
  private lastArrival = 0;
  private draining = false;
  private hurried = false;
  private wake?: () => void;

  constructor(fastify: FastifyInstance, private readonly server: HttpServer) {
    server.on('request', (_request, response) => {
      this.inFlight++;
      this.lastArrival = Date.now();
      response.once('close', () => this.inFlight--);
    });
    // Registered before any other hook, so a request during the drain touches nothing (the rate limit's count included).
    fastify.addHook('onRequest', async (_request, reply) => {
      if (!this.draining) return;
      reply.header('Connection', 'close');
      throw new ShuttingDown();
    });
    fastify.addHook('onSend', async (_request, reply) => {
      if (this.draining) reply.header('Connection', 'close');
    });
  }

  get active(): boolean {
    return this.draining;
  }

  /** Resolves once every request is answered, or the grace period is over; returns how many were not. */
  async drain(graceMs: number): Promise<number> {
    this.draining = true;
    const deadline = Date.now() + graceMs;
    await this.quiet(deadline);
    // One more poll phase, where libuv accepts every connection the kernel holds, then no more connections.
    // Not http.Server#close(): that also drops the keep-alive connections idle at this instant, and one may
    // carry a request already on its way.
    await new Promise((resolve) => setImmediate(resolve));
    NetServer.prototype.close.call(this.server);
    // The last connections accepted get their answer (a 503) before every connection is closed.
    await this.quiet(deadline);
    const unanswered = this.inFlight;
    this.server.closeAllConnections();
    return unanswered;
  }

  /** Ends the waiting at once (a second Ctrl-C). */
  hurry(): void {
    this.hurried = true;
    this.wake?.();
  }

  /** Until nothing is being answered and nothing has arrived for QUIET_MS, the deadline, or hurry(). */
  private quiet(deadline: number): Promise<void> {
    const since = Date.now();
    return new Promise<void>((resolve) => {
      this.wake = resolve;
      const check = () => {
        const now = Date.now();
        const settled = this.inFlight === 0 && now - Math.max(this.lastArrival, since) >= QUIET_MS;
        if (settled || now >= deadline || this.hurried) resolve();
        else setTimeout(check, 20);
      };
      check();
    });
  }
}

const drains = new WeakMap<object, HttpDrain>();

export function attachDrain(app: object, drain: HttpDrain): void {
  drains.set(app, drain);
}

/** The drain createApp set up for this app. */
export function drainOf(app: object): HttpDrain {
  const drain = drains.get(app);
  if (!drain) throw new Error('No HTTP drain: the app was not made by createApp');
  return drain;
}

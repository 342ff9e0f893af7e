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
 * Stops the HTTP side gracefully: no new connections, requests already being answered are finished (up to
 * a grace period), anything arriving on an open connection meanwhile is answered 503 with
 * `Connection: close`. Only then may the app close its database connections.
 */
export class HttpDrain {
  private inFlight = 0;
  private lastArrival = 0;
  private draining = false;
  private endWait?: () => void;

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
    const started = Date.now();
    // Connections the kernel already took on the app's behalf are accepted first (and their requests answered
    // 503): closing the listener at once would reset them, leaving their clients unsure whether anything was
    // done. A timer, then the end of the next poll phase, where libuv accepts every connection waiting.
    await new Promise((resolve) => setTimeout(() => setImmediate(resolve), 20));
    // Not http.Server#close(): that also drops the keep-alive connections idle at this instant, and one may
    // carry a request already on its way. Those are closed below, once nothing has arrived for a while.
    NetServer.prototype.close.call(this.server);
    await new Promise<void>((resolve) => {
      this.endWait = resolve;
      const check = () => {
        const now = Date.now();
        const quiet = this.inFlight === 0 && now - Math.max(this.lastArrival, started) >= QUIET_MS;
        if (quiet || now - started >= graceMs) resolve();
        else setTimeout(check, 20);
      };
      check();
    });
    const unanswered = this.inFlight;
    this.server.closeAllConnections();
    return unanswered;
  }

  /** Ends the wait at once (a second Ctrl-C). */
  hurry(): void {
    this.endWait?.();
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

import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccessRequest, AuthenticatedOrganiser, AuthService } from '@dialogdag/auth';
import { Clock } from '@dialogdag/shared';
import { requestFailed } from '@dialogdag/web';
import { AuditService } from '../audit.service';
import { auditActionName, AuditedMethod, auditedMethod, AuditVia, auditVia, conferenceOf, createdId, isLogin, isRecordedStatus } from './audit.rules';
import { redactAndCap } from './redact';

/** What is recorded of a request, before the organiser of a log-in is looked up. */
interface PendingEntry {
  /** The conference the access check resolved the request to, if it did. */
  resolvedConference: string | null;
  method: AuditedMethod;
  route: string;
  action: string;
  params: Record<string, unknown>;
  query: Record<string, unknown> | null;
  changes: unknown;
  organiser: Pick<AuthenticatedOrganiser, 'id' | 'email'> | null;
  loginEmail: string | null;
  via: AuditVia;
}


/** Answers larger than this are not read for a conference id or a created id (nothing recorded needs them). */
const MAX_PARSED_ANSWER = 64 * 1024;
const MAX_TARGET_BYTES = 2 * 1024;

/**
 * Writes the audit entries, in Fastify's onSend hook: there the status is final whichever way the handler answered
 * (a returned value, a page sent by hand, a redirect, an error), the organiser is known (the access guard has run)
 * and the answer has not left, so whoever sees it can already read the entry. Kept are the organisers' (and
 * log-ins') state-changing requests that succeeded: a 1xx–3xx status and nothing thrown (a page's 401 becomes a 303;
 * the exception filters note a throw, see noteFailedRequest). No Nest interceptor: wrapping every request, the
 * public registrations included, in one cost more than this does. The change itself committed in its own
 * transaction before this: a crash in between loses the entry, never the change.
 */
@Injectable()
export class AuditRecorder implements OnModuleInit {
  private readonly logger = new Logger('AuditLog');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      await this.complete(request, reply, payload);
      return payload;
    });
  }

  /** The entry for a request, if it is one to record. */
  private entryFor(request: FastifyRequest, reply: FastifyReply): PendingEntry | null {
    const method = auditedMethod(request.method);
    if (!method || !isRecordedStatus(reply.statusCode) || requestFailed(request)) return null;
    const route = request.routeOptions?.url ?? request.url.split('?')[0];
    const login = isLogin(method, route);
    const { organiser, access } = request as AccessRequest;
    if (!organiser && !login) return null;
    const body = request.body as Record<string, unknown> | undefined;
    const query = request.query && typeof request.query === 'object' && Object.keys(request.query).length > 0 ? (request.query as Record<string, unknown>) : null;
    return {
      resolvedConference: access?.conferenceId ?? null,
      method,
      route,
      action: auditActionName({ method, route }),
      params: { ...(request.params as Record<string, unknown> | undefined) },
      query,
      changes: login || body === undefined ? null : redactAndCap(body),
      organiser: organiser ? { id: organiser.id, email: organiser.email } : null,
      loginEmail: login && typeof body?.email === 'string' ? body.email : null,
      via: auditVia(request.headers.authorization),
    };
  }

  private async complete(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<void> {
    const entry = this.entryFor(request, reply);
    if (!entry) return;
    try {
      await this.write(entry, reply, payload);
    } catch (error) {
      // The change has committed and the answer is due: report the lost entry loudly rather than fail the request.
      this.logger.error(`Audit entry for ${entry.action} not written: ${error instanceof Error ? error.message : error}`);
    }
  }

  private async write(entry: PendingEntry, reply: FastifyReply, payload: unknown): Promise<void> {
    const organiser = entry.organiser ?? (entry.loginEmail ? await this.auth.findOrganiserByEmail(entry.loginEmail) : null);
    if (!organiser) return;
    const response = answerOf(payload, reply.getHeader('content-type'));
    const created = createdId(reply.statusCode, response);
    const target = redactAndCap({ ...entry.params, ...(entry.query ? { query: entry.query } : {}), ...(created ? { created } : {}) }, MAX_TARGET_BYTES);
    await this.audit.record({
      at: this.clock.now(),
      organiserId: organiser.id,
      organiserEmail: organiser.email,
      conferenceId: conferenceOf({ resolved: entry.resolvedConference, route: entry.route, params: entry.params, response, location: reply.getHeader('location') }),
      action: entry.action,
      method: entry.method,
      route: entry.route,
      target: (target ?? {}) as Record<string, unknown>,
      changes: entry.changes,
      status: reply.statusCode,
      via: entry.via,
    });
  }
}

/** The handler's JSON answer, when it is small enough to be worth reading. */
function answerOf(payload: unknown, contentType: unknown): unknown {
  if (typeof payload !== 'string' || payload.length > MAX_PARSED_ANSWER || !String(contentType ?? '').includes('json')) return undefined;
  try {
    return JSON.parse(payload);
  } catch {
    return undefined;
  }
}

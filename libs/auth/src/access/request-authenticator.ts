import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { notAuthenticated } from '../auth.errors';
import { AuthenticatedOrganiser, AuthService } from '../auth.service';
import { CsrfProtection } from '../csrf/csrf.protection';
import { isSafeMethod } from '../csrf/csrf.rules';
import { SessionCookies } from '../session-cookie';
import type { ConferenceRole } from '../permissions/permissions.rules';

/** What the access guard learnt about a request, for handlers (`@CurrentOrganiser()`, `@CurrentRole()`). */
export type AccessRequest = FastifyRequest & {
  organiser?: AuthenticatedOrganiser;
  access?: { conferenceId: string; role: ConferenceRole };
};

/**
 * Who sent a request: an organiser by `Authorization: Bearer <api token>`, or by session cookie, in which case
 * every state-changing request, whatever its content type, must pass the CSRF checks.
 */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: SessionCookies,
    private readonly csrf: CsrfProtection,
  ) {}

  /** The organiser, or null without credentials; a Bearer token that does not work is a 401, a failed CSRF check a 403. */
  async identify(request: AccessRequest): Promise<AuthenticatedOrganiser | null> {
    if (request.organiser) return request.organiser;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const organiser = await this.auth.authenticateApiToken(header.slice(7).trim());
      if (!organiser) throw notAuthenticated();
      request.organiser = organiser;
      return organiser;
    }
    const organiser = await this.auth.authenticateSession(this.cookies.readSession(request));
    if (!organiser) return null;
    if (!isSafeMethod(request.method)) await this.csrf.assertSessionRequest(request, organiser);
    request.organiser = organiser;
    return organiser;
  }

  async authenticate(request: AccessRequest): Promise<AuthenticatedOrganiser> {
    const organiser = await this.identify(request);
    if (!organiser) throw notAuthenticated();
    return organiser;
  }
}

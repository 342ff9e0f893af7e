import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { notAuthenticated } from './auth.errors';
import { AuthenticatedOrganiser, AuthService } from './auth.service';
import { CsrfProtection } from './csrf/csrf.protection';
import { isSafeMethod } from './csrf/csrf.rules';
import { SessionCookies } from './session-cookie';

type RequestWithOrganiser = FastifyRequest & { organiser?: AuthenticatedOrganiser };

/**
 * Lets organisers in by session cookie or `Authorization: Bearer <api token>`. Every state-changing request
 * authenticated by the cookie, whatever its content type, must pass the CSRF checks.
 */
@Injectable()
export class OrganiserGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: SessionCookies,
    private readonly csrf: CsrfProtection,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithOrganiser>();
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const organiser = await this.auth.authenticateApiToken(header.slice(7).trim());
      if (!organiser) throw notAuthenticated();
      request.organiser = organiser;
      return true;
    }
    const organiser = await this.auth.authenticateSession(this.cookies.readSession(request));
    if (!organiser) throw notAuthenticated();
    if (!isSafeMethod(request.method)) await this.csrf.assertSessionRequest(request, organiser);
    request.organiser = organiser;
    return true;
  }
}

export const CurrentOrganiser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedOrganiser => {
    const organiser = context.switchToHttp().getRequest<RequestWithOrganiser>().organiser;
    if (!organiser) throw notAuthenticated();
    return organiser;
  },
);

import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { badCsrfToken, notAuthenticated } from './auth.errors';
import { AuthenticatedOrganiser, AuthService, SESSION_COOKIE } from './auth.service';

type RequestWithOrganiser = FastifyRequest & { organiser?: AuthenticatedOrganiser };

/**
 * Lets organisers in by session cookie or `Authorization: Bearer <api token>`.
 * Form posts from cookie sessions must carry the session's CSRF token.
 */
@Injectable()
export class OrganiserGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithOrganiser>();
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const organiser = await this.auth.authenticateApiToken(header.slice(7).trim());
      if (!organiser) throw notAuthenticated();
      request.organiser = organiser;
      return true;
    }
    const organiser = await this.auth.authenticateSession(request.cookies?.[SESSION_COOKIE]);
    if (!organiser) throw notAuthenticated();
    request.organiser = organiser;
    const isForm = String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
      || String(request.headers['content-type'] ?? '').startsWith('multipart/form-data');
    if (request.method !== 'GET' && request.method !== 'HEAD' && isForm) {
      const submitted = (request.body as Record<string, unknown> | undefined)?._csrf;
      if (!(await this.auth.checkCsrfToken(organiser, submitted))) throw badCsrfToken();
    }
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

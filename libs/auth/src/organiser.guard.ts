import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { notAuthenticated } from './auth.errors';
import { AuthenticatedOrganiser } from './auth.service';
import { AccessRequest, RequestAuthenticator } from './access/request-authenticator';
import type { ConferenceRole } from './permissions/permissions.rules';

/**
 * Kept for code written before roles: routes now declare their access (@Requires, @SignedIn…) and the global
 * AccessGuard authenticates. This only makes sure there is an organiser, with the same code.
 */
@Injectable()
export class OrganiserGuard implements CanActivate {
  constructor(private readonly authenticator: RequestAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await this.authenticator.authenticate(context.switchToHttp().getRequest<AccessRequest>());
    return true;
  }
}

export const CurrentOrganiser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedOrganiser => {
    const organiser = context.switchToHttp().getRequest<AccessRequest>().organiser;
    if (!organiser) throw notAuthenticated();
    return organiser;
  },
);

/** The organiser's role in the route's conference, as the access guard resolved it (routes with @Requires only). */
export const CurrentRole = createParamDecorator((_: unknown, context: ExecutionContext): ConferenceRole => {
  const access = context.switchToHttp().getRequest<AccessRequest>().access;
  if (!access) throw new Error('CurrentRole is only available on routes declared with @Requires');
  return access.role;
});

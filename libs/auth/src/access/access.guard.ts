import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { noSuchConference, notPermitted, platformAdminOnly, routeNotDeclared } from '../auth.errors';
import { roleAllows } from '../permissions/permissions.rules';
import { accessDeclarationOf } from './access.decorators';
import { AccessRegistry } from './access.registry';
import { AccessRequest, RequestAuthenticator } from './request-authenticator';

/**
 * The one guard of every route (APP_GUARD): reads the route's access declaration and lets the request through
 * only as it says. No declaration: denied. Anonymous: 401 (pages redirect to the log-in). Not a member of the
 * conference, or no such conference: 404, as before roles existed. A member whose role lacks the permission: 403.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
    private readonly registry: AccessRegistry,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const declaration = accessDeclarationOf(this.reflector, context.getHandler(), context.getClass());
    if (!declaration) throw routeNotDeclared();
    if (declaration.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AccessRequest>();
    const organiser = await this.authenticator.authenticate(request);
    if (declaration.kind === 'signed-in') return true;
    if (declaration.kind === 'platform-admin') {
      if (!organiser.isPlatformAdmin) throw platformAdminOnly();
      return true;
    }
    const params = (request.params ?? {}) as Record<string, string | undefined>;
    const conferenceId = await this.registry.conferenceIdFor(declaration.resolver, params);
    const role = conferenceId ? await this.registry.roleOf(organiser.id, conferenceId) : null;
    if (!conferenceId || !role) throw (this.registry.notFoundFor(declaration.resolver) ?? noSuchConference)();
    if (!roleAllows(role, declaration.permission)) throw notPermitted();
    request.access = { conferenceId, role };
    return true;
  }
}

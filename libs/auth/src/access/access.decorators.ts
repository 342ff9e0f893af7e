import { SetMetadata } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ACCESS_METADATA, PublicRoute } from '@dialogdag/web';
import type { Permission } from '../permissions/permissions.rules';

export { ACCESS_METADATA, PublicRoute };

/**
 * What a route asks of its caller, declared on the controller class or the handler (the handler's wins).
 * A route without one is denied, and the app refuses to start while one exists.
 */
export type AccessDeclaration =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'platform-admin' }
  | { kind: 'conference'; permission: Permission; resolver?: string };

export interface RequiresOptions {
  /**
   * How the conference is found when the route is keyed by something else: the name of a resolver another lib
   * registered in AccessRegistry (e.g. 'travel-claim'). Default: the `:id` route parameter.
   */
  conference?: string;
}

/** The organiser must hold a role in the route's conference that allows `permission`. */
export const Requires = (permission: Permission, options: RequiresOptions = {}) =>
  SetMetadata<string, AccessDeclaration>(ACCESS_METADATA, { kind: 'conference', permission, resolver: options.conference });

/** Any signed-in organiser: their own account, their list of conferences, creating one. */
export const SignedIn = () => SetMetadata<string, AccessDeclaration>(ACCESS_METADATA, { kind: 'signed-in' });

/** A platform administrator only (creating organiser accounts). */
export const PlatformAdmin = () => SetMetadata<string, AccessDeclaration>(ACCESS_METADATA, { kind: 'platform-admin' });

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Target = Function;

export function accessDeclarationOf(reflector: Reflector, handler: Target, controller: Target): AccessDeclaration | undefined {
  return reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_METADATA, [handler, controller]);
}

import { Injectable, OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ConferenceRole, roleAllows } from '../permissions/permissions.rules';
import { AccessDeclaration, accessDeclarationOf } from './access.decorators';
import { AccessRegistry } from './access.registry';
import { joinRoutePath, routeMatches } from './route-paths.rules';

export interface DeclaredRoute {
  method: string;
  path: string;
  /** `Controller.handler`, to name the code in messages. */
  handler: string;
  access: AccessDeclaration | undefined;
}

/**
 * Every route of every controller with its access declaration, found through Nest's discovery. At start-up it
 * refuses a route without a declaration (listing each), a conference permission on a route that has neither an
 * `:id` parameter nor a registered resolver, and a missing membership lookup.
 */
@Injectable()
export class AccessDeclarations implements OnApplicationBootstrap {
  private cached?: DeclaredRoute[];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly registry: AccessRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const problems = this.problems();
    if (problems.length > 0) {
      throw new Error(`Access declarations are missing or wrong; the app will not start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    }
  }

  problems(): string[] {
    const routes = this.routes();
    const problems = routes
      .filter((route) => !route.access)
      .map((route) => `${route.method} ${route.path} (${route.handler}) declares no access: add @Requires(permission), @SignedIn(), @PlatformAdmin() or @PublicRoute()`);
    for (const route of routes) {
      const access = route.access;
      if (access?.kind !== 'conference') continue;
      if (access.resolver === undefined && !route.path.split('/').includes(':id')) {
        problems.push(`${route.method} ${route.path} (${route.handler}) requires ${access.permission} but has no :id parameter; name a resolver`);
      }
      if (access.resolver !== undefined && !this.registry.hasResolver(access.resolver)) {
        problems.push(`${route.method} ${route.path} (${route.handler}) names the resolver "${access.resolver}", which no module registered`);
      }
    }
    if (routes.some((r) => r.access?.kind === 'conference') && !this.registry.hasMembershipLookup()) {
      problems.push('no membership lookup is registered: import the conferences module');
    }
    return problems;
  }

  routes(): DeclaredRoute[] {
    this.cached ??= this.discovery.getControllers().flatMap((wrapper) => {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller || !wrapper.instance) return [];
      const base = this.reflector.get<string | string[] | undefined>(PATH_METADATA, controller);
      const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
      return this.scanner.getAllMethodNames(prototype).flatMap((name) => {
        const handler = prototype[name] as () => unknown;
        const method = this.reflector.get<RequestMethod | undefined>(METHOD_METADATA, handler);
        if (method === undefined) return [];
        const own = this.reflector.get<string | string[] | undefined>(PATH_METADATA, handler);
        const access = accessDeclarationOf(this.reflector, handler, controller);
        return [base ?? '/'].flat().flatMap((prefix) =>
          [own ?? '/'].flat().map((path) => ({ method: RequestMethod[method], path: joinRoutePath(prefix, path), handler: `${controller.name}.${name}`, access })),
        );
      });
    });
    return this.cached;
  }

  /** The declaration of the route a method and path reach, preferring a literal segment over a parameter. */
  accessFor(method: string, path: string): AccessDeclaration | undefined {
    const candidates = this.routes().filter((route) => route.method === method && routeMatches(route.path, path));
    const literalSegments = (route: DeclaredRoute) => route.path.split('/').filter((s) => s && !s.startsWith(':')).length;
    return candidates.sort((a, b) => literalSegments(b) - literalSegments(a))[0]?.access;
  }

  /**
   * Whether a member in this role may use a route of the same conference, as the guard will decide: pages show a
   * link or a button only where it leads somewhere.
   */
  roleMay(role: ConferenceRole, method: string, path: string): boolean {
    const access = this.accessFor(method, path);
    if (!access) return false;
    if (access.kind === 'conference') return roleAllows(role, access.permission);
    return access.kind !== 'platform-admin';
  }
}

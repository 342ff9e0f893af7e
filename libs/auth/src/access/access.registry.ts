import { Injectable } from '@nestjs/common';
import type { ConferenceRole } from '../permissions/permissions.rules';

/** The conferences lib answers who holds which role, so auth never reads conference tables. */
export interface MembershipLookup {
  /** The organiser's role in the conference; null when not a member or there is no such conference. */
  roleOf(organiserId: string, conferenceId: string): Promise<ConferenceRole | null>;
}

/**
 * Finds the conference of a route keyed by something else (a travel claim…) from the route's parameters;
 * null when there is no such thing. It may also throw the lib's own not-found error.
 */
export type ConferenceResolver = (params: Readonly<Record<string, string | undefined>>) => Promise<string | null>;

/**
 * Where the libs above auth plug into the access guard, at module init: the membership lookup (conferences) and
 * the resolvers of routes that are not keyed by the conference's id. Auth depends on none of them.
 */
@Injectable()
export class AccessRegistry {
  private lookup: MembershipLookup | null = null;
  private readonly resolvers = new Map<string, { resolve: ConferenceResolver; notFound?: () => Error }>();

  setMembershipLookup(lookup: MembershipLookup): void {
    this.lookup = lookup;
  }

  /**
   * `notFound` is the lib's own 404, answered both when there is no such thing and when the organiser is not a
   * member of its conference, so outsiders learn nothing from the difference.
   */
  addConferenceResolver(name: string, resolve: ConferenceResolver, options: { notFound?: () => Error } = {}): void {
    this.resolvers.set(name, { resolve, notFound: options.notFound });
  }

  notFoundFor(resolver: string | undefined): (() => Error) | undefined {
    return resolver === undefined ? undefined : this.resolvers.get(resolver)?.notFound;
  }

  hasMembershipLookup(): boolean {
    return this.lookup !== null;
  }

  hasResolver(name: string): boolean {
    return this.resolvers.has(name);
  }

  /** The conference a request is about: the named resolver's answer, or the `:id` parameter. */
  async conferenceIdFor(resolver: string | undefined, params: Readonly<Record<string, string | undefined>>): Promise<string | null> {
    if (resolver === undefined) return params.id ?? null;
    const entry = this.resolvers.get(resolver);
    if (!entry) throw new Error(`No conference resolver named "${resolver}" is registered`);
    return entry.resolve(params);
  }

  async roleOf(organiserId: string, conferenceId: string): Promise<ConferenceRole | null> {
    if (!this.lookup) throw new Error('No membership lookup is registered (the conferences module registers it)');
    return this.lookup.roleOf(organiserId, conferenceId);
  }
}

import { Injectable } from '@nestjs/common';
import { ValidationFailed } from '@dialogdag/shared';
import type { RecipientFilter, ResolvedCriteria } from '../domain/recipient-filter';

/**
 * A filter criterion that another lib answers: the registrations of a conference that match it.
 * Each is a small function, so the filter model does not depend on how workshops, tables or
 * travel claims are stored.
 */
export interface CriterionResolver {
  field: 'workshops' | 'tables' | 'volunteers';
  /** Whether the filter asks this criterion anything. */
  applies(filter: RecipientFilter): boolean;
  resolve(conferenceId: string, filter: RecipientFilter): Promise<ReadonlySet<string>>;
}

const asks: Record<CriterionResolver['field'], (filter: RecipientFilter) => boolean> = {
  workshops: (f) => (f.workshops?.length ?? 0) > 0,
  tables: (f) => (f.tables?.length ?? 0) > 0,
  volunteers: (f) => f.volunteers === 'with_travel_claim' || f.volunteers === 'without_travel_claim',
};

const unavailable: Record<CriterionResolver['field'], string> = {
  workshops: 'filter.workshops: workshops cannot be filtered by in this version.',
  tables: 'filter.tables: tables cannot be filtered by in this version.',
  volunteers: 'filter.volunteers: travel claims cannot be filtered by in this version; use "all" for every volunteer.',
};

@Injectable()
export class CriterionResolvers {
  private readonly resolvers: CriterionResolver[] = [];

  register(resolver: CriterionResolver): void {
    this.resolvers.push(resolver);
  }

  /** Which criteria can be used now (the page offers only those). */
  available(field: CriterionResolver['field']): boolean {
    return this.resolvers.some((r) => r.field === field);
  }

  /** One set of matching registration ids per criterion the filter uses; 400 for a criterion nobody answers. */
  async resolve(conferenceId: string, filter: RecipientFilter): Promise<ResolvedCriteria> {
    const missing = (Object.keys(asks) as CriterionResolver['field'][]).filter((field) => asks[field](filter) && !this.available(field));
    if (missing.length > 0) throw new ValidationFailed(missing.map((field) => ({ field: `filter.${field}`, message: unavailable[field] })));
    const sets: ReadonlySet<string>[] = [];
    for (const resolver of this.resolvers) if (resolver.applies(filter)) sets.push(await resolver.resolve(conferenceId, filter));
    return sets;
  }
}

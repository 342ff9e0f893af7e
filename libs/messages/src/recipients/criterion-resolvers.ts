import { Injectable } from '@nestjs/common';
import { ReviewService } from '@dialogdag/reimbursements';
import { SeatingService, TablesService } from '@dialogdag/seating';
import { ValidationFailed } from '@dialogdag/shared';
import { AssignmentService, WorkshopsService } from '@dialogdag/workshops';
import { claimCriterion, coveredByClaims, placedInWorkshops, tablesNamed, workshopProblems } from '../domain/criteria';
import type { RecipientFilter, ResolvedCriteria, ResolvedCriterion } from '../domain/recipient-filter';

/**
 * The filter criteria other libs know the answer to: a participant's workshop, table and travel
 * claim. Each is read through that lib's service (with the organiser, whose access it checks) and
 * decided by the pure functions in domain/criteria.
 */
@Injectable()
export class CriterionResolvers {
  constructor(
    private readonly workshops: WorkshopsService,
    private readonly assignment: AssignmentService,
    private readonly tables: TablesService,
    private readonly seating: SeatingService,
    private readonly claims: ReviewService,
  ) {}

  /** One criterion per kind the filter asks about; a 400 naming the field for a workshop or table the conference does not have. */
  async resolve(organiserId: string, conferenceId: string, filter: RecipientFilter): Promise<ResolvedCriteria> {
    const resolved: ResolvedCriterion[] = [];
    if ((filter.workshops?.length ?? 0) > 0) resolved.push(await this.byWorkshop(organiserId, conferenceId, filter));
    if ((filter.tables?.length ?? 0) > 0) resolved.push(await this.byTable(organiserId, conferenceId, filter.tables ?? []));
    const claim = filter.volunteers === 'with_travel_claim' || filter.volunteers === 'without_travel_claim' ? await this.byClaim(organiserId, conferenceId, filter) : null;
    if (claim) resolved.push(claim);
    return resolved;
  }

  private async byWorkshop(organiserId: string, conferenceId: string, filter: RecipientFilter): Promise<ResolvedCriterion> {
    const workshops = await this.workshops.list(organiserId, conferenceId);
    const problems = workshopProblems(filter, workshops);
    if (problems.length > 0) throw new ValidationFailed(problems);
    const { assignments } = await this.assignment.current(organiserId, conferenceId);
    return { in: placedInWorkshops(assignments, filter) };
  }

  private async byTable(organiserId: string, conferenceId: string, entries: string[]): Promise<ResolvedCriterion> {
    const { ids, problems } = tablesNamed(entries, await this.tables.list(organiserId, conferenceId));
    if (problems.length > 0) throw new ValidationFailed(problems);
    const { view } = await this.seating.get(organiserId, conferenceId);
    return { in: new Set(view.tables.filter((t) => ids.has(t.id)).flatMap((t) => t.registrationIds)) };
  }

  private async byClaim(organiserId: string, conferenceId: string, filter: RecipientFilter): Promise<ResolvedCriterion | null> {
    // "all" leaves out withdrawn claims: someone who withdrew theirs has none.
    const { items } = await this.claims.list(organiserId, conferenceId, 'all');
    return claimCriterion(filter, coveredByClaims(items.map((c) => ({ registrationId: c.registrationId, passengerIds: c.passengers.map((p) => p.id) }))));
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ParticipantsService } from '@dialogdag/registrations';
import { ClaimStore } from './claims.store';
import { TravelClaim } from './travel-claim.entity';
import { People, toClaimView, TravelClaimView } from './travel-claim.views';

/** Claims as the API and the pages show them: with the claimant's and passengers' names and the receipt's facts. */
@Injectable()
export class ClaimViews {
  constructor(
    private readonly store: ClaimStore,
    private readonly participants: ParticipantsService,
  ) {}

  async build(conferenceId: string, claims: TravelClaim[], manager?: EntityManager): Promise<TravelClaimView[]> {
    const ids = claims.map((c) => c.id);
    // In turn: with a transaction's manager both run on its one connection.
    const passengers = await this.store.passengersOf(ids, manager);
    const receipts = await this.store.receiptsOf(ids, manager);
    const people = await this.people(conferenceId, [...claims.map((c) => c.registrationId), ...[...passengers.values()].flat()]);
    const byName = (a: string, b: string) => (people.get(a)?.name ?? '').localeCompare(people.get(b)?.name ?? '', 'sv');
    return claims.map((c) => toClaimView(c, [...(passengers.get(c.id) ?? [])].sort(byName), people, receipts.get(c.id)));
  }

  async one(claim: TravelClaim, manager?: EntityManager): Promise<TravelClaimView> {
    const [view] = await this.build(claim.conferenceId, [claim], manager);
    return view;
  }

  async people(conferenceId: string, registrationIds: string[]): Promise<People> {
    const found = await this.participants.list(conferenceId, { ids: [...new Set(registrationIds)] });
    return new Map(found.map((p) => [p.id, { name: p.name, organisation: p.organisation }]));
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { ConferencesService } from '@dialogdag/conferences';
import { OutboxDispatcher, OutboxService } from '@dialogdag/mail';
import { ParticipantsService } from '@dialogdag/registrations';
import { Clock, DomainError } from '@dialogdag/shared';
import { claimDecidedMail, claimPaidMail, ClaimMailTarget } from '../claim-mail';
import { ClaimViews } from '../claim-views.service';
import { ClaimStore } from '../claims.store';
import { claimNotFound, paidOnFuture, paidOnInvalid, unknownClaims } from '../reimbursement.errors';
import {
  assertPayable,
  assertWithinBudget,
  BudgetState,
  budgetState,
  ClaimFilter,
  decide,
  DecisionInput,
  holdsBudget,
  matchesFilter,
} from '../rules/claim-state.rules';
import { paymentDate } from '../rules/retention.rules';
import { summarise, TravelClaimSummary } from '../rules/summary.rules';
import { policyOf } from '../conference-policy';
import { referenceOf, TravelClaim } from '../travel-claim.entity';
import { TravelClaimView } from '../travel-claim.views';

/** Organisers' side: the queue, decisions within the budget, payment, the summary for the report. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly store: ClaimStore,
    private readonly views: ClaimViews,
    private readonly conferences: ConferencesService,
    private readonly participants: ParticipantsService,
    private readonly outbox: OutboxService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly clock: Clock,
  ) {}

  async list(organiserId: string, conferenceId: string, filter: ClaimFilter): Promise<{ items: TravelClaimView[]; total: number; budget: BudgetState }> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const [conference, claims] = await Promise.all([this.conferences.findById(conferenceId), this.store.claimsOfConference(conferenceId)]);
    const items = await this.views.build(conferenceId, claims.filter((c) => matchesFilter(c, filter)));
    return { items, total: items.length, budget: budgetState(policyOf(conference)?.budget ?? 0, claims) };
  }

  /** A claim of a conference the organiser manages; 404 otherwise, so outsiders cannot probe ids. */
  async get(organiserId: string, claimId: string, manager?: EntityManager): Promise<TravelClaim> {
    const claim = await this.store.byId(claimId, manager);
    if (!claim) throw claimNotFound();
    try {
      await this.conferences.assertManages(organiserId, claim.conferenceId, manager);
    } catch (error) {
      if (error instanceof DomainError && error.category === 'not_found') throw claimNotFound();
      throw error;
    }
    return claim;
  }

  async view(organiserId: string, claimId: string): Promise<TravelClaimView> {
    return this.views.one(await this.get(organiserId, claimId));
  }

  /**
   * Approves, adjusts or rejects. Decisions of one conference take turns on a transaction-scoped
   * advisory lock, and the approved total is summed after it is held, in a statement of its own,
   * so simultaneous approvals never take the total over the budget.
   */
  async decide(organiserId: string, claimId: string, input: DecisionInput): Promise<TravelClaimView> {
    const found = await this.get(organiserId, claimId);
    const { conferenceId } = found;
    // Read before the transaction: while it waits for the lock it must not need a second connection.
    const target = (await this.mailTargets(conferenceId, [found.registrationId])).get(found.registrationId)!;
    const decided = await this.store.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('dialogdag:travel-budget'), hashtext($1))`, [conferenceId]);
      const claim = (await this.store.byId(claimId, manager, true))!;
      const receipts = await this.store.receiptsOf([claim.id], manager);
      const outcome = decide({ ...claim, hasReceipt: receipts.has(claim.id) }, input);
      if (outcome.status !== 'rejected') {
        const conference = await this.conferences.findById(conferenceId, manager);
        const all = await this.store.claimsOfConference(conferenceId, manager);
        assertWithinBudget(policyOf(conference)?.budget ?? 0, all, claim.id, outcome.approvedAmount ?? 0);
      }
      const now = this.clock.now();
      await manager.getRepository(TravelClaim).update(
        { id: claim.id },
        { status: outcome.status, approvedAmount: outcome.approvedAmount, decisionReason: outcome.reason, decidedAt: now, decidedBy: organiserId, updatedAt: now },
      );
      const saved = await manager.getRepository(TravelClaim).findOneByOrFail({ id: claim.id });
      await this.outbox.enqueue(manager, claimDecidedMail(target, saved));
      return saved;
    });
    this.dispatcher.nudge();
    return this.views.one(decided);
  }

  async markPaid(organiserId: string, claimId: string, paidOnText: string | undefined): Promise<TravelClaimView> {
    const claim = await this.get(organiserId, claimId);
    const [paid] = await this.pay(organiserId, claim.conferenceId, [claim.id], paidOnText);
    return paid;
  }

  /** All or nothing: one claim that cannot be paid (no payee details, not approved) refuses the batch, naming it. */
  async markManyPaid(organiserId: string, conferenceId: string, claimIds: string[], paidOnText: string | undefined): Promise<TravelClaimView[]> {
    await this.conferences.assertManages(organiserId, conferenceId);
    return this.pay(organiserId, conferenceId, claimIds, paidOnText);
  }

  private async pay(organiserId: string, conferenceId: string, claimIds: string[], paidOnText: string | undefined): Promise<TravelClaimView[]> {
    const paidOn = paymentDate(paidOnText, this.clock.now());
    if (paidOn === 'invalid') throw paidOnInvalid();
    if (paidOn === 'future') throw paidOnFuture();
    const ids = [...new Set(claimIds)].sort();
    const known = await this.store.db.getRepository(TravelClaim).find({ where: { id: In(ids), conferenceId } });
    const targets = await this.mailTargets(conferenceId, known.map((c) => c.registrationId));
    const paid = await this.store.db.transaction(async (manager) => {
      // Locked in id order, so two overlapping batches cannot deadlock.
      const claims = await manager
        .getRepository(TravelClaim)
        .createQueryBuilder('c')
        .where('c.id IN (:...ids) AND c.conference_id = :conferenceId', { ids, conferenceId })
        .orderBy('c.id')
        .setLock('pessimistic_write')
        .getMany();
      if (claims.length !== ids.length) throw ids.length === 1 ? claimNotFound() : unknownClaims();
      for (const claim of claims) assertPayable({ ...claim, reference: referenceOf(claim), payeeGiven: claim.payeeKeyId !== null });
      const now = this.clock.now();
      await manager.getRepository(TravelClaim).update({ id: In(ids) }, { paidOn, paidAt: now, paidBy: organiserId, updatedAt: now });
      const saved = await manager.getRepository(TravelClaim).find({ where: { id: In(ids) }, order: { number: 'ASC' } });
      for (const claim of saved) await this.outbox.enqueue(manager, claimPaidMail(targets.get(claim.registrationId)!, claim));
      return saved;
    });
    this.dispatcher.nudge();
    return this.views.build(conferenceId, paid);
  }

  async summary(organiserId: string, conferenceId: string): Promise<TravelClaimSummary & { conferenceId: string; budget: BudgetState }> {
    await this.conferences.assertManages(organiserId, conferenceId);
    return this.summaryFor(conferenceId);
  }

  /** For the reports lib, which has checked who is asking. */
  async summaryFor(conferenceId: string): Promise<TravelClaimSummary & { conferenceId: string; budget: BudgetState }> {
    const [conference, claims] = await Promise.all([this.conferences.findById(conferenceId), this.store.claimsOfConference(conferenceId)]);
    const passengers = await this.store.passengersOf(claims.map((c) => c.id));
    const people = await this.views.people(conferenceId, claims.map((c) => c.registrationId));
    const summary = summarise(
      claims.map((c) => ({ ...c, passengerCount: passengers.get(c.id)?.length ?? 0, organisation: people.get(c.registrationId)?.organisation ?? '' })),
    );
    return { conferenceId, ...summary, budget: budgetState(policyOf(conference)?.budget ?? 0, claims) };
  }

  /** Approved claims not yet paid, oldest first: the treasurer's basis. */
  async payable(organiserId: string, conferenceId: string): Promise<TravelClaim[]> {
    await this.conferences.assertManages(organiserId, conferenceId);
    return (await this.store.claimsOfConference(conferenceId)).filter((c) => holdsBudget(c) && !c.paidOn);
  }

  private async mailTargets(conferenceId: string, registrationIds: string[]): Promise<Map<string, ClaimMailTarget>> {
    const [conference, participants] = await Promise.all([
      this.conferences.findById(conferenceId),
      this.participants.list(conferenceId, { ids: [...new Set(registrationIds)] }),
    ]);
    const about = { id: conference.id, title: conference.title };
    return new Map(participants.map((p) => [p.id, { lang: p.language, to: p.email, name: p.name, conference: about }]));
  }
}

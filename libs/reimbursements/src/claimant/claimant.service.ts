import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@dialogdag/config';
import { Conference } from '@dialogdag/conferences';
import { OutboxDispatcher, OutboxService } from '@dialogdag/mail';
import { Participant, ParticipantsService } from '@dialogdag/registrations';
import { Clock, Language, ValidationFailed } from '@dialogdag/shared';
import { claimReceivedMail } from '../claim-mail';
import { ClaimStore } from '../claims.store';
import { PayeeCipher } from '../payee/payee-cipher';
import {
  noClaim,
  notEligible,
  passengerTaken,
  receiptTooLarge,
  receiptType,
  amountChanged,
} from '../reimbursement.errors';
import { AmountBreakdown, claimAmounts } from '../rules/amounts.rules';
import { claimInputProblems } from '../rules/claim-input.rules';
import { assertCanTakePayee, assertCanTakeReceipt, assertCorrectable, assertOpen } from '../rules/claim-state.rules';
import { eligibility, Eligibility } from '../rules/eligibility.rules';
import { PayeeDetails, PayeeInput, parsePayee } from '../rules/payee.rules';
import { MAX_RECEIPT_BYTES, ReceiptType, receiptTypeOf } from '../rules/receipt.rules';
import { policyOf } from '../conference-policy';
import { TravelPolicy } from '../rules/travel-policy';
import { referenceOf, TravelClaim } from '../travel-claim.entity';
import { ClaimRequest } from './claim-request';
import { Passengers } from './passengers';

/** Where a participant stands with travel reimbursement. */
export interface ClaimantContext {
  participant: Participant;
  conference: Conference;
  policy: TravelPolicy | null;
  /** Their own claim, withdrawn ones left out. */
  claim: TravelClaim | null;
  /** The claim that names them as a passenger. */
  passengerOf: { claim: TravelClaim; driver: { name: string; organisation: string } } | null;
  /** Before a distance is given. */
  eligibility: Eligibility;
}

interface Prepared {
  policy: TravelPolicy;
  amounts: AmountBreakdown;
  payee: { name: string; details: PayeeDetails } | null;
  receipt: { type: ReceiptType; bytes: Buffer } | null;
}

/** The claimant's side, reached through the personal link: claim, preview, correct, withdraw, payee details, receipt. */
/** Someone was already in another journey; thrown inside the transaction to roll it back. */
class JourneyConflict extends Error {
  constructor(readonly registrationId: string) {
    super('journey conflict');
  }
}

function refuseConflicts(conflicts: string[]): void {
  if (conflicts.length > 0) throw new JourneyConflict(conflicts[0]);
}

@Injectable()
export class ClaimantService {
  constructor(
    private readonly store: ClaimStore,
    private readonly participants: ParticipantsService,
    private readonly cipher: PayeeCipher,
    private readonly passengers: Passengers,
    private readonly outbox: OutboxService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly clock: Clock,
    private readonly app: AppConfig,
  ) {}

  async context(token: string): Promise<ClaimantContext> {
    const { participant, conference } = await this.participants.byToken(token);
    return this.contextFor(participant, conference);
  }

  async contextFor(participant: Participant, conference: Conference): Promise<ClaimantContext> {
    const policy = policyOf(conference);
    const journey = await this.store.journeyOf(participant.id);
    const claim = journey?.role === 'claimant' ? journey.claim : await this.store.activeClaimOf(participant.id);
    let passengerOf: ClaimantContext['passengerOf'] = null;
    if (journey?.role === 'passenger') {
      const [driver] = await this.participants.list(conference.id, { ids: [journey.claim.registrationId] });
      passengerOf = { claim: journey.claim, driver: { name: driver?.name ?? '', organisation: driver?.organisation ?? '' } };
    }
    const facts = this.facts({ participant, policy, claim, passengerOf }, null);
    return { participant, conference, policy, claim, passengerOf, eligibility: eligibility(facts) };
  }

  /** What the claim would be worth, checked as a submission would be, without storing anything. */
  async preview(token: string, request: ClaimRequest, lang: Language): Promise<{ context: ClaimantContext; amounts: AmountBreakdown }> {
    const context = await this.context(token);
    const correcting = context.claim?.status === 'submitted';
    const prepared = this.prepare(context, { ...request, expectedAmount: undefined, receipt: undefined }, lang, correcting);
    await this.passengers.check(context, request.input.passengers, correcting ? context.claim!.id : null);
    return { context, amounts: prepared.amounts };
  }

  async submit(token: string, request: ClaimRequest, lang: Language): Promise<TravelClaim> {
    const context = await this.context(token);
    const prepared = this.prepare(context, request, lang, false);
    await this.passengers.check(context, request.input.passengers, null);
    const { participant, conference } = context;
    const id = randomUUID();
    // Sealed before the transaction, which must never wait for a second connection.
    const payee = prepared.payee ? { name: prepared.payee.name, ...(await this.cipher.seal(id, prepared.payee.details)) } : null;
    const target = { lang: participant.language, to: participant.email, name: participant.name, conference: { id: conference.id, title: conference.title } };
    const claim = await this.inTransaction(context, async (manager) => {
      const now = this.clock.now();
      await manager.getRepository(TravelClaim).insert({
        id,
        conferenceId: conference.id,
        registrationId: participant.id,
        status: 'submitted',
        ...this.claimColumns(request, prepared),
        ...(payee ? { payeeName: payee.name, payeeDetails: payee.sealed, payeeKeyId: payee.keyId, payeeGivenAt: now } : {}),
        submittedAt: now,
        updatedAt: now,
      });
      const created = await manager.getRepository(TravelClaim).findOneByOrFail({ id });
      const people = [{ registrationId: participant.id, role: 'claimant' as const }, ...request.input.passengers.map((p) => ({ registrationId: p, role: 'passenger' as const }))];
      refuseConflicts(await this.store.addPeople(manager, created, people));
      if (prepared.receipt) await this.storeReceipt(manager, created, prepared.receipt);
      await this.outbox.enqueue(manager, claimReceivedMail(target, created, `${this.app.publicBaseUrl()}/r/${token}/travel-claim`));
      return created;
    });
    this.dispatcher.nudge();
    return claim;
  }

  /** Changes an undecided claim, by the request deadline; the amount is computed anew. */
  async correct(token: string, request: ClaimRequest, lang: Language): Promise<TravelClaim> {
    const context = await this.context(token);
    if (!context.claim) throw noClaim();
    assertOpen(context.claim);
    const prepared = this.prepare(context, request, lang, true);
    await this.passengers.check(context, request.input.passengers, context.claim.id);
    const payee = prepared.payee ? { name: prepared.payee.name, ...(await this.cipher.seal(context.claim.id, prepared.payee.details)) } : null;
    return this.inTransaction(context, async (manager) => {
      const claim = await this.locked(manager, context.claim!.id);
      const now = this.clock.now();
      assertCorrectable(claim, context.policy, now);
      await this.store.removePassengers(manager, claim.id);
      const passengers = request.input.passengers.map((id) => ({ registrationId: id, role: 'passenger' as const }));
      refuseConflicts(await this.store.addPeople(manager, claim, passengers));
      await manager.getRepository(TravelClaim).update(
        { id: claim.id },
        { ...this.claimColumns(request, prepared), ...(payee ? { payeeName: payee.name, payeeDetails: payee.sealed, payeeKeyId: payee.keyId, payeeGivenAt: now } : {}), updatedAt: now },
      );
      if (request.input.mode !== 'public_transport') await manager.query(`DELETE FROM travel_claim_receipt WHERE claim_id = $1`, [claim.id]);
      if (prepared.receipt) await this.storeReceipt(manager, claim, prepared.receipt);
      return manager.getRepository(TravelClaim).findOneByOrFail({ id: claim.id });
    });
  }

  /** Until decided; the people in the journey are free to claim again. */
  async withdraw(token: string): Promise<TravelClaim> {
    const context = await this.context(token);
    if (!context.claim) throw noClaim();
    return this.store.db.transaction(async (manager) => {
      const claim = await this.locked(manager, context.claim!.id);
      assertOpen(claim);
      const now = this.clock.now();
      await manager.getRepository(TravelClaim).update({ id: claim.id }, { status: 'withdrawn', withdrawnAt: now, updatedAt: now });
      await this.store.removePeople(manager, claim.id);
      return manager.getRepository(TravelClaim).findOneByOrFail({ id: claim.id });
    });
  }

  /** Payee details may come with the claim or later, until it is paid. */
  async setPayee(token: string, input: PayeeInput, lang: Language): Promise<TravelClaim> {
    const context = await this.context(token);
    if (!context.claim) throw noClaim();
    const payee = this.parsePayee(input, context.participant, lang);
    const { sealed, keyId } = await this.cipher.seal(context.claim.id, payee.details);
    return this.store.db.transaction(async (manager) => {
      const claim = await this.locked(manager, context.claim!.id);
      assertCanTakePayee(claim);
      const now = this.clock.now();
      await manager.getRepository(TravelClaim).update({ id: claim.id }, { payeeName: payee.name, payeeDetails: sealed, payeeKeyId: keyId, payeeGivenAt: now, updatedAt: now });
      return manager.getRepository(TravelClaim).findOneByOrFail({ id: claim.id });
    });
  }

  async uploadReceipt(token: string, bytes: Buffer): Promise<TravelClaim> {
    const context = await this.context(token);
    if (!context.claim) throw noClaim();
    const receipt = this.readReceipt(bytes);
    return this.store.db.transaction(async (manager) => {
      const claim = await this.locked(manager, context.claim!.id);
      assertCanTakeReceipt(claim);
      await this.storeReceipt(manager, claim, receipt);
      return claim;
    });
  }

  private facts(c: Pick<ClaimantContext, 'participant' | 'policy' | 'claim' | 'passengerOf'>, roundTripKm: number | null) {
    return {
      policy: c.policy,
      claimant: { status: c.participant.status, isVolunteer: c.participant.isVolunteer, sector: c.participant.sector },
      roundTripKm,
      now: this.clock.now(),
      ownClaim: c.claim ? { reference: referenceOf(c.claim) } : null,
      passengerOf: c.passengerOf ? { driverName: c.passengerOf.driver.name } : null,
    };
  }

  /** Every check that needs no database: the fields together, eligibility, payee details, receipt, the amount shown. */
  private prepare(context: ClaimantContext, request: ClaimRequest, lang: Language, correcting: boolean): Prepared {
    const { policy, participant } = context;
    const facts = this.facts(correcting ? { ...context, claim: null } : context, request.input.roundTripKm);
    const verdict = eligibility(facts);
    if (!policy || !verdict.eligible) throw notEligible(verdict.eligible ? [] : verdict.reasons);
    const problems = claimInputProblems(policy, request.input, participant.id, lang);
    if (problems.length) throw new ValidationFailed(problems);
    const payee = request.payee && Object.values(request.payee).some((v) => v?.trim()) ? this.parsePayee(request.payee, participant, lang) : null;
    const amounts = claimAmounts(policy, request.input);
    if (request.expectedAmount !== undefined && request.expectedAmount !== amounts.total) throw amountChanged(amounts.total);
    return { policy, amounts, payee, receipt: request.receipt ? this.readReceipt(request.receipt) : null };
  }

  private parsePayee(input: PayeeInput, participant: Participant, lang: Language) {
    const parsed = parsePayee(input, participant.name, lang);
    if (!parsed.ok) throw new ValidationFailed(parsed.problems);
    return { name: parsed.name, details: parsed.details };
  }

  private readReceipt(bytes: Buffer): { type: ReceiptType; bytes: Buffer } {
    if (bytes.length > MAX_RECEIPT_BYTES) throw receiptTooLarge();
    const type = receiptTypeOf(bytes);
    if (!type) throw receiptType();
    return { type, bytes };
  }

  /** Runs a change; a race lost to another claim is refused as if the other claim had come first. */
  private async inTransaction<T>(context: ClaimantContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.store.db.transaction(work);
    } catch (error) {
      if (!(error instanceof JourneyConflict)) throw error;
      if (error.registrationId === context.participant.id) {
        const verdict = (await this.contextFor(context.participant, context.conference)).eligibility;
        throw notEligible(verdict.eligible ? [] : verdict.reasons);
      }
      const [passenger] = await this.participants.list(context.conference.id, { ids: [error.registrationId] });
      throw passengerTaken(passenger?.name ?? '');
    }
  }

  private claimColumns(request: ClaimRequest, prepared: Prepared): Partial<TravelClaim> {
    const { input } = request;
    const atCost = input.mode === 'public_transport' && prepared.policy.publicTransportAtCost;
    return {
      mode: input.mode,
      fromPlace: input.fromPlace.trim(),
      roundTripKm: input.roundTripKm,
      ticketCost: atCost ? input.ticketCost : null,
      lostEarnings: input.lostEarnings,
      lostEarningsDescription: input.lostEarnings > 0 ? input.lostEarningsDescription : null,
      ratePerKm: prepared.policy.ratePerKm,
      travelAmount: prepared.amounts.travel,
      lostEarningsAmount: prepared.amounts.lostEarnings,
      fixedFeeAmount: prepared.amounts.fixedFee,
      computedAmount: prepared.amounts.total,
    };
  }

  private async storeReceipt(manager: EntityManager, claim: TravelClaim, receipt: { type: ReceiptType; bytes: Buffer }): Promise<void> {
    await manager.query(
      `INSERT INTO travel_claim_receipt (claim_id, content_type, byte_size, content, uploaded_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (claim_id) DO UPDATE SET content_type = $2, byte_size = $3, content = $4, uploaded_at = $5`,
      [claim.id, receipt.type, receipt.bytes.length, receipt.bytes, this.clock.now()],
    );
  }

  private async locked(manager: EntityManager, id: string): Promise<TravelClaim> {
    const claim = await this.store.byId(id, manager, true);
    if (!claim) throw noClaim();
    return claim;
  }
}

import { Injectable } from '@nestjs/common';
import { ParticipantsService } from '@dialogdag/registrations';
import { ClaimStore } from '../claims.store';
import { passengerNoSeat, passengerTaken, passengerUnknown } from '../reimbursement.errors';
import type { ClaimantContext } from './claimant.service';

export interface PassengerCandidate {
  id: string;
  name: string;
  organisation: string;
}

/** The people a driver may name: seat-holders of the same conference who are in no other journey. */
@Injectable()
export class Passengers {
  constructor(
    private readonly store: ClaimStore,
    private readonly participants: ParticipantsService,
  ) {}

  /** Found by name or organisation (at least 2 characters); at most ten, names and organisations only. */
  async candidates(context: ClaimantContext, query: string): Promise<PassengerCandidate[]> {
    const q = query.trim().toLocaleLowerCase('sv');
    if (q.length < 2) return [];
    const taken = await this.store.takenAt(context.conference.id);
    const own = context.claim?.id;
    return (await this.participants.seatHolders(context.conference.id))
      .filter((p) => p.id !== context.participant.id && (!taken.has(p.id) || taken.get(p.id) === own))
      .filter((p) => `${p.name} ${p.organisation}`.toLocaleLowerCase('sv').includes(q))
      .slice(0, 10)
      .map((p) => ({ id: p.id, name: p.name, organisation: p.organisation }));
  }

  /** Refuses unknown people, people without a seat and people already in another journey (the database has the last word on races). */
  async check(context: ClaimantContext, ids: string[], ownClaimId: string | null): Promise<void> {
    if (ids.length === 0) return;
    const found = await this.participants.list(context.conference.id, { ids });
    if (found.length !== new Set(ids).size) throw passengerUnknown();
    const seatless = found.find((p) => p.status !== 'confirmed');
    if (seatless) throw passengerNoSeat(seatless.name);
    const taken = await this.store.takenAt(context.conference.id);
    const busy = found.find((p) => taken.has(p.id) && taken.get(p.id) !== ownClaimId);
    if (busy) throw passengerTaken(busy.name);
  }
}

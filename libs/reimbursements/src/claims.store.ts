import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { TravelClaim, TravelClaimPerson, TravelClaimReceipt } from './travel-claim.entity';

export interface ReceiptInfo {
  contentType: string;
  byteSize: number;
  uploadedAt: Date;
}

export const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The reimbursement tables, read and written only here and by the services of this lib. */
@Injectable()
export class ClaimStore {
  constructor(@InjectDataSource() readonly db: DataSource) {}

  claimsOfConference(conferenceId: string, manager: EntityManager = this.db.manager): Promise<TravelClaim[]> {
    return manager.getRepository(TravelClaim).find({ where: { conferenceId }, order: { number: 'ASC' } });
  }

  async byId(id: string, manager: EntityManager = this.db.manager, lock = false): Promise<TravelClaim | null> {
    if (!isUuid(id)) return null;
    return manager.getRepository(TravelClaim).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** The registration's own claim that still counts (withdrawn ones do not). */
  activeClaimOf(registrationId: string, manager: EntityManager = this.db.manager, lock = false): Promise<TravelClaim | null> {
    const query = manager
      .getRepository(TravelClaim)
      .createQueryBuilder('c')
      .where(`c.registration_id = :registrationId AND c.status <> 'withdrawn'`, { registrationId })
      .orderBy('c.number', 'DESC');
    if (lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  /** The claim a registration is part of, as its claimant or as a passenger. */
  async journeyOf(registrationId: string, manager: EntityManager = this.db.manager): Promise<{ role: TravelClaimPerson['role']; claim: TravelClaim } | null> {
    const person = await manager.getRepository(TravelClaimPerson).findOneBy({ registrationId });
    if (!person) return null;
    const claim = await manager.getRepository(TravelClaim).findOneByOrFail({ id: person.claimId });
    return { role: person.role, claim };
  }

  async passengersOf(claimIds: string[], manager: EntityManager = this.db.manager): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(claimIds.map((id) => [id, []]));
    if (claimIds.length === 0) return result;
    const rows = await manager.getRepository(TravelClaimPerson).find({ where: { claimId: In(claimIds), role: 'passenger' }, order: { registrationId: 'ASC' } });
    for (const row of rows) result.get(row.claimId)?.push(row.registrationId);
    return result;
  }

  async receiptsOf(claimIds: string[], manager: EntityManager = this.db.manager): Promise<Map<string, ReceiptInfo>> {
    if (claimIds.length === 0) return new Map();
    const rows = await manager.getRepository(TravelClaimReceipt).find({ where: { claimId: In(claimIds) } });
    return new Map(rows.map((r) => [r.claimId, { contentType: r.contentType, byteSize: r.byteSize, uploadedAt: r.uploadedAt }]));
  }

  /** Everyone already in a journey at the conference, with the claim they are in. */
  async takenAt(conferenceId: string, manager: EntityManager = this.db.manager): Promise<Map<string, string>> {
    const rows = await manager.getRepository(TravelClaimPerson).find({ where: { conferenceId } });
    return new Map(rows.map((r) => [r.registrationId, r.claimId]));
  }

  /**
   * Puts people into the claim's journey. The primary key on the registration settles races:
   * answers the registrations that were already in another journey (nothing is inserted for them).
   */
  async addPeople(manager: EntityManager, claim: TravelClaim, people: Array<{ registrationId: string; role: TravelClaimPerson['role'] }>): Promise<string[]> {
    if (people.length === 0) return [];
    const inserted: Array<{ registration_id: string }> = await manager.query(
      `INSERT INTO travel_claim_person (registration_id, claim_id, conference_id, role)
       SELECT unnest($1::uuid[]), $2, $3, unnest($4::text[])
       ON CONFLICT (registration_id) DO NOTHING RETURNING registration_id`,
      [people.map((p) => p.registrationId), claim.id, claim.conferenceId, people.map((p) => p.role)],
    );
    const done = new Set(inserted.map((r) => r.registration_id));
    return people.map((p) => p.registrationId).filter((id) => !done.has(id));
  }

  async removePassengers(manager: EntityManager, claimId: string): Promise<void> {
    await manager.query(`DELETE FROM travel_claim_person WHERE claim_id = $1 AND role = 'passenger'`, [claimId]);
  }

  async removePeople(manager: EntityManager, claimId: string): Promise<void> {
    await manager.query(`DELETE FROM travel_claim_person WHERE claim_id = $1`, [claimId]);
  }

  /** The sealed payee details, which no other read selects. */
  async sealedPayee(claimId: string, manager: EntityManager = this.db.manager): Promise<Buffer | null> {
    const [row] = await manager.query(`SELECT payee_details FROM travel_claim WHERE id = $1`, [claimId]);
    return (row?.payee_details as Buffer | null) ?? null;
  }

  async receiptContent(claimId: string): Promise<{ contentType: string; content: Buffer } | null> {
    const [row] = await this.db.query(`SELECT content_type, content FROM travel_claim_receipt WHERE claim_id = $1`, [claimId]);
    return row ? { contentType: row.content_type as string, content: row.content as Buffer } : null;
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessRegistry, AuthService, ConferenceRole, MembershipLookup, notPermitted, Permission, roleAllows } from '@dialogdag/auth';
import { conferenceNotFound } from '../conference.errors';
import { Conference, ConferenceOrganiser } from '../conference.entity';
import { MemberView } from './members.dto';
import { lastOwner, memberNotFound } from './members.errors';
import { leavesNoOwner, Member } from './members.rules';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROLE_ORDER: readonly ConferenceRole[] = ['owner', 'organiser', 'checkin', 'reviewer', 'viewer'];

/**
 * Who runs a conference, in which role. It answers the access guard's membership questions (auth never reads
 * this lib's tables) and keeps every conference with at least one owner.
 */
@Injectable()
export class MembersService implements MembershipLookup, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auth: AuthService,
    private readonly access: AccessRegistry,
  ) {}

  onModuleInit(): void {
    this.access.setMembershipLookup(this);
  }

  async roleOf(organiserId: string, conferenceId: string, manager: EntityManager = this.db.manager): Promise<ConferenceRole | null> {
    if (!UUID.test(conferenceId) || !UUID.test(organiserId)) return null;
    const [row] = await manager.query(`SELECT role FROM conference_organiser WHERE conference_id = $1 AND organiser_id = $2`, [conferenceId, organiserId]);
    return row?.role ?? null;
  }

  /** For services serving routes not keyed by one conference (series): 404 for outsiders, 403 for a role that lacks it. */
  async assertAllows(organiserId: string, conferenceId: string, permission: Permission): Promise<ConferenceRole> {
    const role = await this.roleOf(organiserId, conferenceId);
    if (!role) throw conferenceNotFound();
    if (!roleAllows(role, permission)) throw notPermitted();
    return role;
  }

  /** The conferences an organiser takes part in, with their role, latest first. */
  async memberships(organiserId: string): Promise<Array<{ conference: Conference; role: ConferenceRole }>> {
    const rows: Array<{ conferenceId: string; role: ConferenceRole }> = await this.db.query(
      `SELECT conference_id AS "conferenceId", role FROM conference_organiser WHERE organiser_id = $1`, [organiserId],
    );
    if (rows.length === 0) return [];
    const conferences = await this.db.getRepository(Conference).find({ where: { id: In(rows.map((r) => r.conferenceId)) }, order: { startsAt: 'DESC', id: 'ASC' } });
    const roles = new Map(rows.map((r) => [r.conferenceId, r.role]));
    return conferences.map((conference) => ({ conference, role: roles.get(conference.id)! }));
  }

  /** The ids of the conferences where the organiser's role allows `permission`. */
  async conferencesAllowing(organiserId: string, permission: Permission): Promise<string[]> {
    const rows: Array<{ conferenceId: string; role: ConferenceRole }> = await this.db.query(
      `SELECT conference_id AS "conferenceId", role FROM conference_organiser WHERE organiser_id = $1`, [organiserId],
    );
    return rows.filter((r) => roleAllows(r.role, permission)).map((r) => r.conferenceId);
  }

  async list(conferenceId: string): Promise<MemberView[]> {
    const rows = await this.db.getRepository(ConferenceOrganiser).findBy({ conferenceId });
    const people = new Map((await this.auth.organisersByIds(rows.map((r) => r.organiserId))).map((o) => [o.id, o]));
    return rows
      .map((r) => ({ organiserId: r.organiserId, name: people.get(r.organiserId)?.name ?? '', email: people.get(r.organiserId)?.email ?? '', role: r.role }))
      .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name.localeCompare(b.name, 'sv') || a.organiserId.localeCompare(b.organiserId));
  }

  /** Makes someone a member, or gives a member this role (the last-owner rule applies). */
  async join(manager: EntityManager, conferenceId: string, organiserId: string, role: ConferenceRole): Promise<void> {
    const inserted = await manager.query(
      `INSERT INTO conference_organiser (conference_id, organiser_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (conference_id, organiser_id) DO NOTHING RETURNING organiser_id`,
      [conferenceId, organiserId, role],
    );
    if (inserted.length === 0) await this.change(manager, conferenceId, organiserId, role);
  }

  /** For seeding (the demo): someone becomes a member without an invitation. */
  async add(conferenceId: string, organiserId: string, role: ConferenceRole): Promise<void> {
    await this.db.transaction((manager) => this.join(manager, conferenceId, organiserId, role));
  }

  async changeRole(conferenceId: string, organiserId: string, role: ConferenceRole): Promise<void> {
    await this.db.transaction((manager) => this.change(manager, conferenceId, organiserId, role));
  }

  async remove(conferenceId: string, organiserId: string): Promise<void> {
    await this.db.transaction((manager) => this.change(manager, conferenceId, organiserId, null));
  }

  /**
   * Changes a role (null: removes the member) under row locks on the conference's owners and on the member, so two
   * removals or demotions at the same moment cannot together leave the conference without an owner: the second
   * waits, then counts the owners the first one left.
   */
  private async change(manager: EntityManager, conferenceId: string, organiserId: string, to: ConferenceRole | null): Promise<void> {
    const owners: Member[] = await manager.query(
      `SELECT organiser_id AS "organiserId", role FROM conference_organiser WHERE conference_id = $1 AND role = 'owner'
       ORDER BY organiser_id FOR UPDATE`,
      [conferenceId],
    );
    const [target]: Member[] = await manager.query(
      `SELECT organiser_id AS "organiserId", role FROM conference_organiser WHERE conference_id = $1 AND organiser_id = $2 FOR UPDATE`,
      [conferenceId, organiserId],
    );
    if (!target) throw memberNotFound();
    const members = [...owners.filter((o) => o.organiserId !== organiserId), target];
    if (leavesNoOwner(members, organiserId, to)) throw lastOwner();
    if (to === null) {
      await manager.query(`DELETE FROM conference_organiser WHERE conference_id = $1 AND organiser_id = $2`, [conferenceId, organiserId]);
    } else {
      await manager.query(`UPDATE conference_organiser SET role = $3 WHERE conference_id = $1 AND organiser_id = $2`, [conferenceId, organiserId, to]);
    }
  }
}

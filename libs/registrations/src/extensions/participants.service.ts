import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Conference, ConferencesService } from '@dialogdag/conferences';
import { Registration, RegistrationStatus } from '../registration.entity';
import { RegistrationsService } from '../registrations.service';
import { AttendanceRow, Participant, toParticipant } from './participant';

export interface ParticipantFilter {
  statuses?: RegistrationStatus[];
  ids?: string[];
}

/** Read access to registrations for the libs built on them (workshops, seating, claims, reports, messages). */
@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registrations: RegistrationsService,
    private readonly conferences: ConferencesService,
  ) {}

  /** In registration order; the caller has checked who is asking. */
  async list(conferenceId: string, filter: ParticipantFilter = {}): Promise<Participant[]> {
    if (filter.ids && filter.ids.length === 0) return [];
    const rows = await this.db.getRepository(Registration).find({
      where: {
        conferenceId,
        ...(filter.statuses ? { status: In(filter.statuses) } : {}),
        ...(filter.ids ? { id: In(filter.ids) } : {}),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toParticipant);
  }

  /** Everyone holding a seat (confirmed, checked in or not). */
  seatHolders(conferenceId: string): Promise<Participant[]> {
    return this.list(conferenceId, { statuses: ['confirmed'] });
  }

  /** The holder of a working personal link; 404 for an unknown or dead one. */
  async byToken(token: string): Promise<{ participant: Participant; conference: Conference }> {
    const { registration, conference } = await this.registrations.findByToken(token);
    return { participant: toParticipant(registration), conference };
  }

  /** Grouped counts for attendance summaries; transferred registrations are left out (the colleague counts). */
  async attendanceRows(conferenceIds: string[]): Promise<AttendanceRow[]> {
    if (conferenceIds.length === 0) return [];
    return this.db.query(
      `SELECT conference_id AS "conferenceId", sector, status, (checked_in_at IS NOT NULL) AS attended,
              is_politician AS "isPolitician", political_party AS "politicalParty",
              lower(btrim(organisation)) AS "organisationKey", count(*)::int AS count
         FROM registration
        WHERE conference_id = ANY($1::uuid[]) AND status <> 'transferred'
        GROUP BY 1, 2, 3, 4, 5, 6, 7`,
      [conferenceIds],
    );
  }

  /** Removes a deleted workshop from everyone's ranked choices, in the caller's transaction; answers how many registrations changed. */
  async dropWorkshopPreference(manager: EntityManager, conferenceId: string, workshopId: string): Promise<number> {
    const [, affected] = await manager.query(
      `UPDATE registration SET workshop_preferences = array_remove(workshop_preferences, $2::uuid)
        WHERE conference_id = $1 AND $2::uuid = ANY(workshop_preferences)`,
      [conferenceId, workshopId],
    );
    return affected;
  }

  /** For callers that only hold a conference id and need it too. */
  conference(conferenceId: string): Promise<Conference> {
    return this.conferences.findById(conferenceId);
  }
}

import { SelectQueryBuilder } from 'typeorm';
import { DomainError, Sector, SECTORS } from '@dialogdag/shared';
import { Registration, RegistrationStatus } from './registration.entity';

export const REGISTRATION_STATUSES: RegistrationStatus[] = ['confirmed', 'waitlisted', 'cancelled', 'transferred'];

/** Which registrations a list shows: the same for the JSON list, its CSV and the participant list page. */
export interface RegistrationFilter {
  status?: RegistrationStatus;
  sector?: Sector;
  /** Matches name or organisation, case-insensitively. */
  q?: string;
}

/** Checks the list filters from a query string; unknown values are a 400 naming the parameter. */
export function parseFilter(query: { status?: unknown; sector?: unknown; q?: unknown }): RegistrationFilter {
  const { status, sector, q } = query;
  if (status !== undefined && status !== '' && !REGISTRATION_STATUSES.includes(status as RegistrationStatus))
    throw new DomainError('invalid_filter', 'invalid', `status must be one of ${REGISTRATION_STATUSES.join(', ')}`, 'status');
  if (sector !== undefined && sector !== '' && !SECTORS.includes(sector as Sector))
    throw new DomainError('invalid_filter', 'invalid', `sector must be one of ${SECTORS.join(', ')}`, 'sector');
  if (q !== undefined && (typeof q !== 'string' || q.length > 200)) throw new DomainError('invalid_filter', 'invalid', 'q must be text of at most 200 characters', 'q');
  return {
    status: status ? (status as RegistrationStatus) : undefined,
    sector: sector ? (sector as Sector) : undefined,
    q: typeof q === 'string' && q.trim() ? q.trim() : undefined,
  };
}

/** Narrows a query on registrations (aliased `r`) of one conference to the filter. */
export function applyFilter(query: SelectQueryBuilder<Registration>, conferenceId: string, filter: RegistrationFilter): SelectQueryBuilder<Registration> {
  query.where('r.conference_id = :conferenceId', { conferenceId });
  if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
  if (filter.sector) query.andWhere('r.sector = :sector', { sector: filter.sector });
  const q = filter.q?.trim();
  if (q) query.andWhere('(strpos(lower(r.name), lower(:q)) > 0 OR strpos(lower(r.organisation), lower(:q)) > 0)', { q });
  return query;
}

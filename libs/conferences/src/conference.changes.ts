import { FieldProblem, parseConferenceTime, ValidationFailed } from '@dialogdag/shared';
import { CreateConferenceDto, UpdateConferenceDto } from './conference.dto';
import { Conference } from './conference.entity';

/** The DTOs' times, already validated by IsConferenceTime; a bare date means the start or the end of that day. */
export const time = (text: string, dateMeans: 'startOfDay' | 'endOfDay' = 'startOfDay') => {
  const parsed = parseConferenceTime(text, dateMeans);
  if (!parsed) throw new Error(`unvalidated time ${text}`);
  return parsed;
};
export const optionalTime = (text: string | undefined | null, dateMeans: 'startOfDay' | 'endOfDay' = 'endOfDay') =>
  text ? time(text, dateMeans) : null;

/** "Journeys of more than 10 Swedish miles there and back", as the invitations say. */
export const DEFAULT_MIN_ROUND_TRIP_KM = 100;

/** A policy's columns; on a change, the optional parts left out keep their current values. */
export function travelColumns(policy: CreateConferenceDto['travelPolicy'], current?: Conference) {
  const keep = current && current.travelRequestDeadline !== null ? current : undefined;
  return {
    travelMinRoundTripKm: policy ? (policy.minRoundTripKm ?? keep?.travelMinRoundTripKm ?? DEFAULT_MIN_ROUND_TRIP_KM) : null,
    travelRequestDeadline: policy ? time(policy.requestDeadline, 'endOfDay') : null,
    travelRatePerKm: policy?.ratePerKm ?? null,
    travelBudget: policy?.budget ?? null,
    travelPublicTransportAtCost: policy?.publicTransportAtCost ?? keep?.travelPublicTransportAtCost ?? true,
    travelLostEarningsAllowed: policy?.lostEarningsAllowed ?? keep?.travelLostEarningsAllowed ?? false,
    travelLostEarningsCap: policy?.lostEarningsCap ?? keep?.travelLostEarningsCap ?? 0,
    travelFixedFee: policy?.fixedFee ?? keep?.travelFixedFee ?? 0,
  };
}

/** Fields a conference cannot be without: a change may replace them but not remove them with null. */
const REQUIRED_ON_CHANGE = [
  'title', 'slug', 'startsAt', 'endsAt', 'venue', 'capacity', 'registrationDeadline', 'cancellationDeadline', 'cancellationFee',
] as const;

/** `null` for a required field (the DTO lets null through as "optional") is a refusal naming the field. */
export function removedRequiredFields(dto: UpdateConferenceDto): FieldProblem[] {
  const given = dto as Record<string, unknown>;
  return REQUIRED_ON_CHANGE.filter((field) => given[field] === null).map((field) => ({
    field,
    message: `${field} cannot be removed: give a new value or leave it out`,
  }));
}

export function applyUpdate(c: Conference, dto: UpdateConferenceDto): void {
  const removed = removedRequiredFields(dto);
  if (removed.length > 0) throw new ValidationFailed(removed);
  if (dto.title !== undefined) c.title = dto.title.trim();
  if (dto.slug !== undefined) c.slug = dto.slug;
  if (dto.description !== undefined) c.description = dto.description;
  if (dto.targetAudience !== undefined) c.targetAudience = dto.targetAudience;
  if (dto.arrangers !== undefined) c.arrangers = dto.arrangers;
  if (dto.costNote !== undefined) c.costNote = dto.costNote?.trim() || null;
  if (dto.contactEmail !== undefined) c.contactEmail = dto.contactEmail || null;
  if (dto.privacyNotice !== undefined) c.privacyNotice = dto.privacyNotice?.trim() || null;
  if (dto.startsAt !== undefined) c.startsAt = time(dto.startsAt);
  if (dto.endsAt !== undefined) c.endsAt = time(dto.endsAt);
  if (dto.venue !== undefined) {
    c.venueName = dto.venue.name.trim();
    c.venueAddress = dto.venue.address?.trim() ?? '';
    c.venueCity = dto.venue.city?.trim() ?? '';
  }
  if (dto.capacity !== undefined) c.capacity = dto.capacity;
  if (dto.registrationOpensAt !== undefined) c.registrationOpensAt = optionalTime(dto.registrationOpensAt, 'startOfDay');
  if (dto.registrationDeadline) c.registrationDeadline = time(dto.registrationDeadline, 'endOfDay');
  if (dto.modificationDeadline !== undefined) c.modificationDeadline = optionalTime(dto.modificationDeadline);
  if (dto.cancellationDeadline) c.cancellationDeadline = time(dto.cancellationDeadline, 'endOfDay');
  if (dto.cancellationFee !== undefined) c.cancellationFee = dto.cancellationFee;
  if (dto.travelPolicy !== undefined) Object.assign(c, travelColumns(dto.travelPolicy, c));
}


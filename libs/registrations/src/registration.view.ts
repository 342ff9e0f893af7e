import { Conference, toConferenceView } from '@dialogdag/conferences';
import { toStockholmIso } from '@dialogdag/shared';
import { Registration } from './registration.entity';

const iso = (d: Date | null) => (d ? toStockholmIso(d) : null);

/** A registration as organisers see it. */
export function toRegistrationView(r: Registration) {
  return {
    id: r.id,
    conferenceId: r.conferenceId,
    status: r.status,
    name: r.name,
    email: r.email,
    phone: r.phone,
    organisation: r.organisation,
    sector: r.sector,
    isPolitician: r.isPolitician,
    politicalParty: r.politicalParty,
    isVolunteer: r.isVolunteer,
    diet: r.diet,
    workshopPreferences: r.workshopPreferences,
    language: r.language,
    source: r.source,
    createdAt: toStockholmIso(r.createdAt),
    confirmedAt: iso(r.confirmedAt),
    waitlistedAt: iso(r.waitlistedAt),
    cancelledAt: iso(r.cancelledAt),
    fee: r.fee,
    feeWaived: r.feeWaivedAt !== null,
    checkedInAt: iso(r.checkedInAt),
    transferredFromId: r.transferredFromId,
  };
}

/** A registration as its holder sees it through the personal link. */
export function toPersonalView(r: Registration, conference: Conference, waitlistPosition: number | null) {
  const { id, slug, title, startsAt, endsAt, venue, cancellationDeadline, cancellationFee, registrationDeadline, modificationDeadline } =
    toConferenceView(conference);
  return {
    id: r.id,
    status: r.status,
    waitlistPosition,
    name: r.name,
    email: r.email,
    phone: r.phone,
    organisation: r.organisation,
    sector: r.sector,
    isPolitician: r.isPolitician,
    politicalParty: r.politicalParty,
    isVolunteer: r.isVolunteer,
    diet: r.diet,
    workshopPreferences: r.workshopPreferences,
    language: r.language,
    fee: r.fee,
    checkedIn: r.checkedInAt !== null,
    conference: { id, slug, title, startsAt, endsAt, venue, registrationDeadline, modificationDeadline, cancellationDeadline, cancellationFee },
  };
}

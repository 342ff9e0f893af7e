import { Conference, toConferenceView } from '@dialogdag/conferences';
import { toStockholmIso } from '@dialogdag/shared';
import { Registration } from './registration.entity';
import { formatCheckInCode } from './check-in/check-in-code';
import { cancellationQuote, detailsChangeRefusal, modificationDeadlineOf, transferRefusal } from './registration.rules';

const iso = (d: Date | null) => (d ? toStockholmIso(d) : null);

/** The person and their answers, as the holder, the organisers and the personal-data export see them. */
export function personDetails(r: Registration) {
  return {
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
  };
}

/** A registration as organisers see it. */
export function toRegistrationView(r: Registration) {
  return {
    id: r.id,
    conferenceId: r.conferenceId,
    status: r.status,
    ...personDetails(r),
    source: r.source,
    createdAt: toStockholmIso(r.createdAt),
    confirmedAt: iso(r.confirmedAt),
    waitlistedAt: iso(r.waitlistedAt),
    cancelledAt: iso(r.cancelledAt),
    fee: r.fee,
    feeWaived: r.feeWaivedAt !== null,
    checkedInAt: iso(r.checkedInAt),
    transferredFromId: r.transferredFromId,
    checkInCode: formatCheckInCode(r.checkInCode),
  };
}

/** A registration as its holder sees it through the personal link. */
export function toPersonalView(r: Registration, conference: Conference, waitlistPosition: number | null, now?: Date) {
  const { id, slug, title, startsAt, endsAt, venue, cancellationDeadline, cancellationFee, registrationDeadline, modificationDeadline } =
    toConferenceView(conference);
  return {
    id: r.id,
    status: r.status,
    waitlistPosition,
    ...personDetails(r),
    fee: r.fee,
    feeWaived: r.feeWaivedAt !== null,
    cancelledAt: iso(r.cancelledAt),
    checkedIn: r.checkedInAt !== null,
    /** For the QR code at the door; only a seat-holder can be let in with it. */
    checkInCode: r.status === 'confirmed' ? formatCheckInCode(r.checkInCode) : null,
    ...(now ? personalActions(r, conference, now) : {}),
    conference: { id, slug, title, startsAt, endsAt, venue, registrationDeadline, modificationDeadline, cancellationDeadline, cancellationFee },
  };
}

/** What the holder may still do, and what cancelling would cost now: the rules' answers, for the API and the pages. */
export function personalActions(r: Registration, conference: Conference, now: Date) {
  const quote = cancellationQuote(r.status, conference, now, 'participant');
  return {
    canChangeDetails: detailsChangeRefusal(r.status, conference, now) === null,
    changeDetailsUntil: toStockholmIso(modificationDeadlineOf(conference)),
    canCancel: quote.refusal === null,
    canTransfer: transferRefusal(r.status, conference, now) === null,
    /** Öre a cancellation would cost now (0 when free); null when it cannot be cancelled. */
    cancellationFeeNow: quote.fee,
  };
}

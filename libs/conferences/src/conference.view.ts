import { toStockholmIso } from '@dialogdag/shared';
import { ConferenceView } from './conference.dto';
import { Conference } from './conference.entity';

export function toConferenceView(c: Conference): ConferenceView {
  const iso = (d: Date | null) => (d ? toStockholmIso(d) : null);
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    description: c.description,
    targetAudience: c.targetAudience,
    arrangers: c.arrangers,
    costNote: c.costNote,
    contactEmail: c.contactEmail,
    privacyNotice: c.privacyNotice,
    startsAt: toStockholmIso(c.startsAt),
    endsAt: toStockholmIso(c.endsAt),
    venue: { name: c.venueName, address: c.venueAddress, city: c.venueCity },
    capacity: c.capacity,
    seatsTaken: c.seatsHeld,
    registrationOpensAt: iso(c.registrationOpensAt),
    registrationDeadline: toStockholmIso(c.registrationDeadline),
    modificationDeadline: iso(c.modificationDeadline),
    cancellationDeadline: toStockholmIso(c.cancellationDeadline),
    cancellationFee: c.cancellationFee,
    travelPolicy:
      c.travelMinRoundTripKm !== null && c.travelRequestDeadline && c.travelRatePerKm !== null && c.travelBudget !== null
        ? {
            minRoundTripKm: c.travelMinRoundTripKm,
            requestDeadline: toStockholmIso(c.travelRequestDeadline),
            ratePerKm: c.travelRatePerKm,
            budget: c.travelBudget,
            publicTransportAtCost: c.travelPublicTransportAtCost,
            lostEarningsAllowed: c.travelLostEarningsAllowed,
            lostEarningsCap: c.travelLostEarningsCap,
            fixedFee: c.travelFixedFee,
          }
        : null,
    status: c.status,
    publishedAt: iso(c.publishedAt),
  };
}

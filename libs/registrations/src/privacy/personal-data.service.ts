import { Injectable } from '@nestjs/common';
import { Conference } from '@dialogdag/conferences';
import { Clock, toStockholmIso } from '@dialogdag/shared';
import { BookTablesService } from '../book-tables/book-tables.service';
import { formatCheckInCode } from '../check-in/check-in-code';
import { toParticipant } from '../extensions/participant';
import { RegistrationExtensions } from '../extensions/registration-extensions';
import { Registration } from '../registration.entity';
import { personDetails } from '../registration.view';
import { RegistrationsService } from '../registrations.service';

const iso = (d: Date | null) => (d ? toStockholmIso(d) : null);

/**
 * The person's own registration as the export shows it: every column that says something about them, none
 * that is a secret (link hashes) and nothing about anyone else (a transfer says only that it was one).
 */
export function registrationSection(r: Registration, bookTable: { status: string; description: string } | null) {
  return {
    id: r.id,
    status: r.status,
    ...personDetails(r),
    dietConsentGivenAt: iso(r.dietConsentAt),
    source: r.source,
    takenOverFromColleague: r.transferredFromId !== null,
    createdAt: toStockholmIso(r.createdAt),
    confirmedAt: iso(r.confirmedAt),
    waitlistedAt: iso(r.waitlistedAt),
    cancelledAt: iso(r.cancelledAt),
    reminderSentAt: iso(r.reminderSentAt),
    fee: r.fee,
    feeWaived: r.feeWaivedAt !== null,
    feeWaiverReason: r.feeWaiverReason,
    checkedInAt: iso(r.checkedInAt),
    checkInCode: formatCheckInCode(r.checkInCode),
    bookTable,
  };
}

function conferenceSection(c: Conference) {
  return { id: c.id, title: c.title, slug: c.slug, startsAt: toStockholmIso(c.startsAt), endsAt: toStockholmIso(c.endsAt) };
}

/** "Download my data": the registration and what every lib built on it holds about the person. */
@Injectable()
export class PersonalDataExport {
  constructor(
    private readonly clock: Clock,
    private readonly registrations: RegistrationsService,
    private readonly extensions: RegistrationExtensions,
    private readonly bookTables: BookTablesService,
  ) {}

  async forToken(token: string): Promise<{ conference: Conference; data: Record<string, unknown> }> {
    const { registration, conference } = await this.registrations.findByToken(token);
    const now = this.clock.now();
    const bookTable = await this.bookTables.forRegistration(registration.id);
    const others = await this.extensions.personalData({ participant: toParticipant(registration), conference, token, lang: registration.language, now });
    return {
      conference,
      data: {
        exportedAt: toStockholmIso(now),
        conference: conferenceSection(conference),
        registration: registrationSection(registration, bookTable),
        ...others,
      },
    };
  }
}

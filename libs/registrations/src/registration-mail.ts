import { Injectable } from '@nestjs/common';
import { RegistrationMailParams } from '@dialogdag/mail';
import { Conference } from '@dialogdag/conferences';
import { formatMoney } from '@dialogdag/shared';
import { formatCheckInCode } from './check-in/check-in-code';
import { qrPng } from './check-in/qr';
import { Registration } from './registration.entity';
import { PersonalLinks } from './personal-links.service';

/** What every registration e-mail is told about the conference and the person. */
@Injectable()
export class RegistrationMail {
  constructor(private readonly links: PersonalLinks) {}

  /** manageToken null: an e-mail without a personal link. */
  params(conference: Conference, registration: Registration, manageToken: string | null): RegistrationMailParams {
    return {
      lang: registration.language,
      to: registration.email,
      name: registration.name,
      registrationId: registration.id,
      conference: {
        id: conference.id,
        title: conference.title,
        startsAt: conference.startsAt,
        endsAt: conference.endsAt,
        venue: [conference.venueName, conference.venueAddress, conference.venueCity].filter(Boolean).join(', '),
        cancellationDeadline: conference.cancellationDeadline,
        cancellationFeeText: formatMoney(conference.cancellationFee, registration.language),
      },
      manageUrl: manageToken ? this.links.url(manageToken) : '',
    };
  }

  /** The same, with the check-in code and its QR code for a seat-holder; unchanged for anyone else. */
  async withPass(params: RegistrationMailParams, registration: Registration): Promise<RegistrationMailParams> {
    if (registration.status !== 'confirmed') return params;
    const png = await qrPng(registration.checkInCode);
    return { ...params, checkIn: { code: formatCheckInCode(registration.checkInCode), qrPng: png.toString('base64') } };
  }
}

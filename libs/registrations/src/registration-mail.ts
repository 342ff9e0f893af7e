import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Conference } from '@dialogdag/conferences';
import { MailComposer, OutboxDispatcher, OutboxService, ProgrammeLine, RegistrationMailParams } from '@dialogdag/mail';
import { formatMoney, Language } from '@dialogdag/shared';
import { formatCheckInCode } from './check-in/check-in-code';
import { Registration } from './registration.entity';
import { PersonalLinks } from './personal-links.service';

/** The QR code and check-in code on a seat-holder's e-mails. */
export type CheckInPass = NonNullable<RegistrationMailParams['checkIn']>;

/** A registration just written, and what its e-mail needs besides. */
export interface RegisteredMail {
  registration: Registration;
  manageToken: string;
  waitlistPosition: number | null;
}

/**
 * The e-mails about a registration: what each is told about the conference and the person, and
 * the outbox row written in the caller's transaction (sent if and only if it commits).
 */
@Injectable()
export class RegistrationMail {
  constructor(
    private readonly links: PersonalLinks,
    private readonly outbox: OutboxService,
    private readonly composer: MailComposer,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  /** manageToken null: an e-mail without a personal link. */
  params(conference: Conference, registration: Registration, manageToken: string | null): RegistrationMailParams {
    return this.paramsWith(conferencePart(conference, registration.language), registration, manageToken);
  }

  /** The same, with the check-in code and its QR code for a seat-holder; unchanged for anyone else. */
  withPass(params: RegistrationMailParams, registration: Registration): RegistrationMailParams {
    if (registration.status !== 'confirmed') return params;
    return { ...params, checkIn: this.pass(registration.checkInCode) };
  }

  /** What a seat-holder shows at the door: the code as printed, and its QR code (drawn when the e-mail is sent). */
  pass(checkInCode: string): CheckInPass {
    return { code: formatCheckInCode(checkInCode), qrCodeOf: checkInCode };
  }

  /**
   * A seat (with the pass for the door) or a place on the waiting list, for a batch of registrations to one
   * conference: its part of the e-mail is worked out once per language, and one insert writes them all.
   */
  async registeredMany(manager: EntityManager, conference: Conference, written: RegisteredMail[]): Promise<void> {
    const parts = new Map<Language, RegistrationMailParams['conference']>();
    const mails = written.map(({ registration: r, manageToken, waitlistPosition }) => {
      let part = parts.get(r.language);
      if (!part) parts.set(r.language, (part = conferencePart(conference, r.language)));
      const params = this.paramsWith(part, r, manageToken);
      return r.status === 'confirmed'
        ? this.composer.registrationConfirmed({ ...params, checkIn: this.pass(r.checkInCode) })
        : this.composer.registrationWaitlisted({ ...params, position: waitlistPosition ?? 1 });
    });
    await this.outbox.enqueueMany(manager, mails);
  }

  async promoted(manager: EntityManager, conference: Conference, r: Registration, link: string): Promise<void> {
    await this.outbox.enqueue(manager, this.composer.registrationPromoted(this.withPass(this.params(conference, r, link), r)));
  }

  async cancelled(manager: EntityManager, conference: Conference, r: Registration, wasWaitlisted: boolean): Promise<void> {
    const params = { ...this.params(conference, r, null), fee: r.fee, feeText: formatMoney(r.fee, r.language), wasWaitlisted };
    await this.outbox.enqueue(manager, this.composer.registrationCancelled(params));
  }

  /** The colleague gets the registration (and pass); the one who handed it on, a receipt. */
  async transferred(manager: EntityManager, conference: Conference, from: Registration, to: Registration, manageToken: string, waitlistPosition: number | null): Promise<void> {
    const params = this.withPass(this.params(conference, to, manageToken), to);
    const waitlisted = to.status === 'waitlisted';
    await this.outbox.enqueue(manager, this.composer.registrationTransferredToYou({ ...params, fromName: from.name, waitlisted, position: waitlistPosition }));
    const receipt = { ...this.params(conference, from, null), colleagueName: to.name, colleagueEmail: to.email };
    await this.outbox.enqueue(manager, this.composer.registrationTransferReceipt(receipt));
  }

  async detailsChanged(manager: EntityManager, conference: Conference, r: Registration, changes: Array<[string, string]>): Promise<void> {
    await this.outbox.enqueue(manager, this.composer.registrationDetailsChanged({ ...this.params(conference, r, null), changes }));
  }

  async bookTableDecided(manager: EntityManager, conference: Conference, r: Registration, link: string, approved: boolean, description: string): Promise<void> {
    await this.outbox.enqueue(manager, this.composer.bookTableDecided({ ...this.params(conference, r, link), approved, description }));
  }

  async reminder(manager: EntityManager, conference: Conference, r: Registration, link: string, programme: ProgrammeLine[], now: Date): Promise<void> {
    const params = this.withPass(this.params(conference, r, link), r);
    await this.outbox.enqueue(manager, this.composer.registrationReminder({ ...params, programme, now }));
  }

  /** After the commit: deliver now rather than at the next poll. */
  sendSoon(): void {
    this.dispatcher.nudge();
  }

  private paramsWith(conference: RegistrationMailParams['conference'], registration: Registration, manageToken: string | null): RegistrationMailParams {
    return {
      lang: registration.language,
      to: registration.email,
      name: registration.name,
      registrationId: registration.id,
      conference,
      manageUrl: manageToken ? this.links.url(manageToken) : '',
    };
  }
}

/** What every registration e-mail says about the conference, in the registration's language. */
function conferencePart(conference: Conference, lang: Language): RegistrationMailParams['conference'] {
  return {
    id: conference.id,
    title: conference.title,
    startsAt: conference.startsAt,
    endsAt: conference.endsAt,
    venue: [conference.venueName, conference.venueAddress, conference.venueCity].filter(Boolean).join(', '),
    cancellationDeadline: conference.cancellationDeadline,
    cancellationFeeText: formatMoney(conference.cancellationFee, lang),
  };
}

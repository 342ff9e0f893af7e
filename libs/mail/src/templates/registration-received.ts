import { formatDateTime, formatLongDate, formatClock, Language } from '@dialogdag/shared';
import { ComposedMail } from '../composed-mail';
import { MailAttachment } from '../outbox-message.entity';
import { renderMailBody } from './layout';

/** What a seat-holder shows at the door: the check-in code, and what its QR code encodes. */
export interface CheckInPass {
  /** As printed, e.g. "K7QM-3XPD-9RTA". */
  code: string;
  /** The code as scanned, e.g. "K7QM3XPD9RTA"; the PNG is drawn when the e-mail is sent. */
  qrCodeOf: string;
}

/** What every registration e-mail needs to know about the conference and the person. */
export interface RegistrationMailParams {
  lang: Language;
  to: string;
  name: string;
  registrationId: string;
  conference: {
    id: string;
    title: string;
    startsAt: Date;
    endsAt: Date;
    venue: string;
    cancellationDeadline: Date;
    cancellationFeeText: string;
  };
  manageUrl: string;
  /** For e-mails to someone holding a seat. */
  checkIn?: CheckInPass;
}

const TEXTS = {
  sv: {
    confirmedSubject: (title: string) => `Bekräftelse: ${title}`,
    waitlistedSubject: (title: string) => `Väntelista: ${title}`,
    greeting: (name: string) => `Hej ${name}!`,
    confirmed: (title: string) => `Tack för din anmälan till ${title}. Din plats är bekräftad.`,
    waitlisted: (title: string, position: number) =>
      `Tack för din anmälan till ${title}. Konferensen är fullbokad, så du står på väntelistan som nummer ${position}. Vi skickar ett e-brev om du får en plats.`,
    binding: (deadline: string, fee: string) =>
      `Anmälan är bindande men kan överlåtas till en kollega. Avbokning ska göras senast ${deadline}, annars debiteras en avgift på ${fee}.`,
    when: 'När', where: 'Var',
    link: 'Din personliga länk – se, ändra, överlåt eller avboka din anmälan',
    keep: 'Spara det här e-brevet: länken är personlig.',
    signature: 'Välkommen! /Arrangörerna',
    checkIn: (code: string) => `Vid entrén: visa QR-koden i bilagan (eller på din personliga sida), eller uppge incheckningskoden ${code}.`,
  },
  en: {
    confirmedSubject: (title: string) => `Confirmation: ${title}`,
    waitlistedSubject: (title: string) => `Waiting list: ${title}`,
    greeting: (name: string) => `Dear ${name},`,
    confirmed: (title: string) => `Thank you for registering for ${title}. Your seat is confirmed.`,
    waitlisted: (title: string, position: number) =>
      `Thank you for registering for ${title}. The conference is full, so you are number ${position} on the waiting list. We will e-mail you if a seat becomes free.`,
    binding: (deadline: string, fee: string) =>
      `Registration is binding but can be transferred to a colleague. Cancel by ${deadline}, otherwise a fee of ${fee} is charged.`,
    when: 'When', where: 'Where',
    link: 'Your personal link – view, change, transfer or cancel your registration',
    keep: 'Keep this e-mail: the link is personal.',
    signature: 'Welcome! The organisers',
    checkIn: (code: string) => `At the entrance: show the QR code attached (or on your personal page), or give the check-in code ${code}.`,
  },
} as const;

export function conferenceFacts(p: RegistrationMailParams): Array<[string, string]> {
  const t = TEXTS[p.lang];
  return [
    [t.when, `${formatLongDate(p.conference.startsAt, p.lang)} ${formatClock(p.conference.startsAt)}–${formatClock(p.conference.endsAt)}`],
    [t.where, p.conference.venue],
  ];
}

/** The check-in paragraph and the QR code attachment of an e-mail to a seat-holder; nothing without a pass. */
export function checkInPass(p: RegistrationMailParams): { paragraphs: string[]; attachments: MailAttachment[] } {
  if (!p.checkIn) return { paragraphs: [], attachments: [] };
  return {
    paragraphs: [TEXTS[p.lang].checkIn(p.checkIn.code)],
    attachments: [{ filename: p.lang === 'sv' ? 'incheckning-qr.png' : 'check-in-qr.png', contentType: 'image/png', qrCodeOf: p.checkIn.qrCodeOf }],
  };
}

export function registrationConfirmed(p: RegistrationMailParams): ComposedMail {
  const t = TEXTS[p.lang];
  const pass = checkInPass(p);
  const body = renderMailBody(
    {
      greeting: t.greeting(p.name),
      paragraphs: [
        t.confirmed(p.conference.title),
        t.binding(formatDateTime(p.conference.cancellationDeadline, p.lang), p.conference.cancellationFeeText),
        ...pass.paragraphs,
        t.keep,
      ],
      facts: conferenceFacts(p),
      link: { label: t.link, url: p.manageUrl },
      signature: t.signature,
    },
    p.lang,
  );
  return {
    kind: 'registration_confirmed',
    to: p.to,
    subject: t.confirmedSubject(p.conference.title),
    ...body,
    ...(pass.attachments.length ? { attachments: pass.attachments } : {}),
    conferenceId: p.conference.id,
    registrationId: p.registrationId,
  };
}

export function registrationWaitlisted(p: RegistrationMailParams & { position: number }): ComposedMail {
  const t = TEXTS[p.lang];
  const body = renderMailBody(
    {
      greeting: t.greeting(p.name),
      paragraphs: [t.waitlisted(p.conference.title, p.position), t.keep],
      facts: conferenceFacts(p),
      link: { label: t.link, url: p.manageUrl },
      signature: t.signature,
    },
    p.lang,
  );
  return {
    kind: 'registration_waitlisted',
    to: p.to,
    subject: t.waitlistedSubject(p.conference.title),
    ...body,
    conferenceId: p.conference.id,
    registrationId: p.registrationId,
  };
}

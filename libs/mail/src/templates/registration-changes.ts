import ical from 'ical-generator';
import { formatClock, formatDateTime, formatLongDate, Language } from '@dialogdag/shared';
import { ComposedMail } from '../composed-mail';
import { renderMailBody } from './layout';
import { checkInPass, conferenceFacts, RegistrationMailParams } from './registration-received';

/** E-mails about what happens to a registration after it was made. */

export interface CancellationMailParams extends Omit<RegistrationMailParams, 'manageUrl'> {
  /** Öre owed for the cancellation; 0 when free. */
  fee: number;
  feeText: string;
  wasWaitlisted: boolean;
}

export interface TransferReceiptMailParams extends Omit<RegistrationMailParams, 'manageUrl'> {
  colleagueName: string;
  colleagueEmail: string;
}

export interface TransferredToYouMailParams extends RegistrationMailParams {
  fromName: string;
  waitlisted: boolean;
  position: number | null;
}

export interface ProgrammeLine {
  startsAt: Date;
  endsAt: Date;
  title: string;
  room?: string | null;
}

export interface ReminderMailParams extends RegistrationMailParams {
  programme: ProgrammeLine[];
  /** Instant the message is composed; fixes the calendar stamp. */
  now: Date;
}

const TEXTS = {
  sv: {
    greeting: (name: string) => `Hej ${name}!`,
    signature: '/Arrangörerna',
    link: 'Din personliga länk – se, ändra, överlåt eller avboka din anmälan',
    promotedSubject: (t: string) => `Du har fått en plats: ${t}`,
    promoted: (t: string) => `En plats har blivit ledig och du har flyttats från väntelistan. Din plats på ${t} är nu bekräftad.`,
    binding: (d: string, fee: string) => `Anmälan är bindande men kan överlåtas till en kollega. Avbokning ska göras senast ${d}, annars debiteras en avgift på ${fee}.`,
    cancelledSubject: (t: string) => `Avbokning: ${t}`,
    cancelled: (t: string) => `Din anmälan till ${t} är avbokad.`,
    cancelledWaitlist: (t: string) => `Du har lämnat väntelistan till ${t}.`,
    noFee: 'Avbokningen är kostnadsfri.',
    fee: (fee: string) => `Eftersom avbokningen gjordes efter sista avbokningsdag debiteras en avgift på ${fee}. Vi skickar en faktura.`,
    transferOutSubject: (t: string) => `Överlåtelse: ${t}`,
    transferOut: (t: string, name: string, email: string) =>
      `Du har överlåtit din anmälan till ${t} till ${name} (${email}). Överlåtelsen är kostnadsfri. Din personliga länk fungerar inte längre; ${name} har fått en egen.`,
    transferInSubject: (t: string) => `Bekräftelse: ${t}`,
    transferIn: (from: string, t: string) => `${from} har överlåtit sin anmälan till ${t} till dig. Din plats är bekräftad.`,
    transferInWaitlist: (from: string, t: string, n: number) =>
      `${from} har överlåtit sin plats på väntelistan till ${t} till dig. Du står som nummer ${n}; vi skickar ett e-brev om du får en plats.`,
    keep: 'Spara det här e-brevet: länken är personlig.',
    changedSubject: (t: string) => `Ändrade uppgifter: ${t}`,
    changed: (t: string) => `Dina uppgifter för ${t} är ändrade. Om det inte var du, kontakta arrangörerna.`,
    reminderSubject: (t: string) => `Påminnelse: ${t}`,
    reminder: (t: string, date: string) => `Välkommen till ${t} ${date}! Här är programmet i korthet. Kalenderfilen i bilagan lägger in dagen i din kalender.`,
    programme: 'Program',
    cantCome: 'Kan du inte komma? Överlåt din plats till en kollega via din personliga länk.',
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    signature: 'The organisers',
    link: 'Your personal link – view, change, transfer or cancel your registration',
    promotedSubject: (t: string) => `You have a seat: ${t}`,
    promoted: (t: string) => `A seat has become free and you have moved up from the waiting list. Your seat at ${t} is now confirmed.`,
    binding: (d: string, fee: string) => `Registration is binding but can be transferred to a colleague. Cancel by ${d}, otherwise a fee of ${fee} is charged.`,
    cancelledSubject: (t: string) => `Cancellation: ${t}`,
    cancelled: (t: string) => `Your registration for ${t} is cancelled.`,
    cancelledWaitlist: (t: string) => `You have left the waiting list for ${t}.`,
    noFee: 'The cancellation is free of charge.',
    fee: (fee: string) => `As you cancelled after the cancellation deadline, a fee of ${fee} is charged. We will send an invoice.`,
    transferOutSubject: (t: string) => `Transfer: ${t}`,
    transferOut: (t: string, name: string, email: string) =>
      `You have transferred your registration for ${t} to ${name} (${email}), free of charge. Your personal link no longer works; ${name} has been sent one of their own.`,
    transferInSubject: (t: string) => `Confirmation: ${t}`,
    transferIn: (from: string, t: string) => `${from} has transferred their registration for ${t} to you. Your seat is confirmed.`,
    transferInWaitlist: (from: string, t: string, n: number) =>
      `${from} has transferred their place on the waiting list for ${t} to you. You are number ${n}; we will e-mail you if a seat becomes free.`,
    keep: 'Keep this e-mail: the link is personal.',
    changedSubject: (t: string) => `Details changed: ${t}`,
    changed: (t: string) => `Your details for ${t} have been changed. If this was not you, please contact the organisers.`,
    reminderSubject: (t: string) => `Reminder: ${t}`,
    reminder: (t: string, date: string) => `Welcome to ${t} on ${date}! Here is the programme in brief. The attached calendar file puts the day in your calendar.`,
    programme: 'Programme',
    cantCome: 'Cannot come? Transfer your seat to a colleague through your personal link.',
  },
} as const;

const texts = (lang: Language) => TEXTS[lang];

function mail(kind: string, p: { to: string; conference: { id: string }; registrationId: string }, subject: string, body: Pick<ComposedMail, 'text' | 'html' | 'adaptable'>): ComposedMail {
  return { kind, to: p.to, subject, ...body, conferenceId: p.conference.id, registrationId: p.registrationId };
}

function withAttachments(composed: ComposedMail, attachments: ComposedMail['attachments']): ComposedMail {
  return attachments?.length ? { ...composed, attachments } : composed;
}

export function registrationPromoted(p: RegistrationMailParams): ComposedMail {
  const t = texts(p.lang);
  const pass = checkInPass(p);
  const body = renderMailBody(
    {
      greeting: t.greeting(p.name),
      paragraphs: [
        t.promoted(p.conference.title),
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
  return withAttachments(mail('registration_promoted', p, t.promotedSubject(p.conference.title), body), pass.attachments);
}

export function registrationCancelled(p: CancellationMailParams): ComposedMail {
  const t = texts(p.lang);
  const body = renderMailBody(
    {
      greeting: t.greeting(p.name),
      paragraphs: [
        p.wasWaitlisted ? t.cancelledWaitlist(p.conference.title) : t.cancelled(p.conference.title),
        p.fee > 0 ? t.fee(p.feeText) : t.noFee,
      ],
      facts: conferenceFacts({ ...p, manageUrl: '' }),
      signature: t.signature,
    },
    p.lang,
  );
  return mail('registration_cancelled', p, t.cancelledSubject(p.conference.title), body);
}

export function registrationTransferReceipt(p: TransferReceiptMailParams): ComposedMail {
  const t = texts(p.lang);
  const body = renderMailBody(
    {
      greeting: t.greeting(p.name),
      paragraphs: [t.transferOut(p.conference.title, p.colleagueName, p.colleagueEmail)],
      facts: conferenceFacts({ ...p, manageUrl: '' }),
      signature: t.signature,
    },
    p.lang,
  );
  return mail('registration_transferred_out', p, t.transferOutSubject(p.conference.title), body);
}

export function registrationTransferredToYou(p: TransferredToYouMailParams): ComposedMail {
  const t = texts(p.lang);
  const pass = checkInPass(p);
  const body = renderMailBody(
    {
      greeting: t.greeting(p.name),
      paragraphs: [
        p.waitlisted ? t.transferInWaitlist(p.fromName, p.conference.title, p.position ?? 1) : t.transferIn(p.fromName, p.conference.title),
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
  return withAttachments(mail('registration_transferred_in', p, t.transferInSubject(p.conference.title), body), pass.attachments);
}

export function registrationDetailsChanged(p: RegistrationMailParams & { changes: Array<[string, string]> }): ComposedMail {
  const t = texts(p.lang);
  const body = renderMailBody(
    {
      greeting: t.greeting(p.name),
      paragraphs: [t.changed(p.conference.title)],
      facts: p.changes,
      link: p.manageUrl ? { label: t.link, url: p.manageUrl } : undefined,
      signature: t.signature,
    },
    p.lang,
  );
  return mail('registration_details_changed', p, t.changedSubject(p.conference.title), body);
}

/** An iCalendar file with the conference day as one event. */
export function conferenceCalendar(p: ReminderMailParams): string {
  const calendar = ical({ name: p.conference.title, prodId: { company: 'Dialogdag', product: 'Dialogdag', language: p.lang.toUpperCase() } });
  calendar.createEvent({
    id: `${p.conference.id}-${p.registrationId}@dialogdag`,
    stamp: p.now,
    start: p.conference.startsAt,
    end: p.conference.endsAt,
    summary: p.conference.title,
    location: p.conference.venue,
    description: [...p.programme.map((line) => `${formatClock(line.startsAt)}–${formatClock(line.endsAt)} ${line.title}`), '', p.manageUrl].join('\n'),
    url: p.manageUrl,
  });
  return calendar.toString();
}

export function registrationReminder(p: ReminderMailParams): ComposedMail {
  const t = texts(p.lang);
  const programme: Array<[string, string]> = p.programme.map((line) => [
    `${formatClock(line.startsAt)}–${formatClock(line.endsAt)}`,
    line.room ? `${line.title} (${line.room})` : line.title,
  ]);
  const pass = checkInPass(p);
  const body = renderMailBody(
    {
      greeting: t.greeting(p.name),
      paragraphs: [t.reminder(p.conference.title, formatLongDate(p.conference.startsAt, p.lang)), ...pass.paragraphs, t.cantCome],
      facts: [...conferenceFacts(p), ...(programme.length ? [[t.programme, ''] as [string, string], ...programme] : [])],
      link: { label: t.link, url: p.manageUrl },
      signature: t.signature,
    },
    p.lang,
  );
  return {
    ...mail('registration_reminder', p, t.reminderSubject(p.conference.title), body),
    attachments: [
      ...pass.attachments,
      {
        filename: 'dialogdag.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: Buffer.from(conferenceCalendar(p), 'utf8').toString('base64'),
      },
    ],
  };
}

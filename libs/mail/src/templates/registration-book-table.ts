import { ComposedMail } from '../composed-mail';
import { renderMailBody } from './layout';
import { conferenceFacts, RegistrationMailParams } from './registration-received';

/** The organisers' decision on a book table an organisation asked for when registering. */
export interface BookTableDecisionMailParams extends RegistrationMailParams {
  approved: boolean;
  /** What the organisation said it would show. */
  description: string;
}

const TEXTS = {
  sv: {
    subject: (t: string) => `Bokbord: ${t}`,
    greeting: (name: string) => `Hej ${name}!`,
    approved: (t: string) => `Ni har fått ett bokbord på ${t}. Välkomna att visa ert arbete!`,
    declined: (t: string) => `Tyvärr fick ni inget bokbord på ${t} den här gången; platserna räckte inte till alla. Er anmälan till konferensen gäller som vanligt.`,
    asked: (d: string) => `Ni ville visa: ${d}`,
    link: 'Din personliga länk',
    signature: '/Arrangörerna',
  },
  en: {
    subject: (t: string) => `Book table: ${t}`,
    greeting: (name: string) => `Dear ${name},`,
    approved: (t: string) => `You have been given a book table at ${t}. You are welcome to show your work!`,
    declined: (t: string) => `Unfortunately there is no book table for you at ${t} this time; there were not enough for everyone. Your registration for the conference stands as before.`,
    asked: (d: string) => `You wanted to show: ${d}`,
    link: 'Your personal link',
    signature: 'The organisers',
  },
} as const;

export function bookTableDecided(p: BookTableDecisionMailParams): ComposedMail {
  const t = TEXTS[p.lang];
  const body = renderMailBody(
    {
      greeting: t.greeting(p.name),
      paragraphs: [p.approved ? t.approved(p.conference.title) : t.declined(p.conference.title), t.asked(p.description)],
      facts: conferenceFacts(p),
      link: p.manageUrl ? { label: t.link, url: p.manageUrl } : undefined,
      signature: t.signature,
    },
    p.lang,
  );
  return {
    kind: p.approved ? 'book_table_approved' : 'book_table_declined',
    to: p.to,
    subject: t.subject(p.conference.title),
    ...body,
    conferenceId: p.conference.id,
    registrationId: p.registrationId,
  };
}

import { formatClock, formatLongDate, Language } from '@dialogdag/shared';
import { ComposedMail } from '../composed-mail';
import { renderMailBody } from './layout';
import type { CatalogueShape, Texts } from '@dialogdag/web';

export interface SpeakerSlot {
  title: string;
  startsAt: Date;
  endsAt: Date;
  room: string | null;
  /** Already in the speaker's language, e.g. "samtalsledare". */
  roleLabel: string;
}

export interface SpeakerProgrammeMailParams {
  lang: Language;
  to: string;
  name: string;
  speakerId: string;
  conference: { id: string; title: string; startsAt: Date; endsAt: Date; venue: string };
  moderatorOfTheDay: boolean;
  slots: SpeakerSlot[];
  programmeUrl: string;
}

const sv = {
  subject: (title: string) => `Ditt medverkande i programmet: ${title}`,
  greeting: (name: string) => `Hej ${name}!`,
  intro: (title: string) => `Här är ditt medverkande i programmet för ${title}, som det ser ut nu:`,
  none: 'Du har just nu inget pass i programmet. Hör av dig till arrangörerna om det är fel.',
  moderator: 'Du är moderator för dagen.',
  when: 'Konferensen', where: 'Plats', room: 'lokal',
  changes: 'Vi skickar ett nytt e-brev om dina tider ändras.',
  link: 'Hela programmet', signature: 'Varma hälsningar /Arrangörerna',
} as const;

const en: CatalogueShape<typeof sv> = {
  subject: (title: string) => `Your part in the programme: ${title}`,
  greeting: (name: string) => `Dear ${name},`,
  intro: (title: string) => `Here is your part in the programme of ${title}, as it stands now:`,
  none: 'You have no slot in the programme at the moment. Please tell the organisers if this is wrong.',
  moderator: 'You are the moderator of the day.',
  when: 'Conference', where: 'Venue', room: 'room',
  changes: 'We will e-mail you again if your times change.',
  link: 'The whole programme', signature: 'Kind regards, the organisers',
};

const TEXTS: Texts<CatalogueShape<typeof sv>> = { sv, en };

export function speakerProgramme(p: SpeakerProgrammeMailParams): ComposedMail {
  const t = TEXTS[p.lang];
  const slotLines = p.slots.map(
    (s) => `${formatClock(s.startsAt)}–${formatClock(s.endsAt)} ${s.title} (${s.roleLabel}${s.room ? `, ${t.room} ${s.room}` : ''})`,
  );
  const body = renderMailBody(
    {
      greeting: t.greeting(p.name),
      paragraphs: [
        t.intro(p.conference.title),
        ...(p.moderatorOfTheDay ? [t.moderator] : []),
        ...(slotLines.length ? slotLines : p.moderatorOfTheDay ? [] : [t.none]),
        t.changes,
      ],
      facts: [
        [t.when, `${formatLongDate(p.conference.startsAt, p.lang)} ${formatClock(p.conference.startsAt)}–${formatClock(p.conference.endsAt)}`],
        [t.where, p.conference.venue],
      ],
      link: { label: t.link, url: p.programmeUrl },
      signature: t.signature,
    },
    p.lang,
  );
  return { kind: 'speaker_programme', to: p.to, subject: t.subject(p.conference.title), ...body, conferenceId: p.conference.id };
}

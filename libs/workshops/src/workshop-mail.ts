import { ComposedMail, renderMailBody } from '@dialogdag/mail';
import { Language } from '@dialogdag/shared';
import { TEXTS } from './workshops.texts';

export interface WorkshopMailParams {
  lang: Language;
  to: string;
  name: string;
  registrationId: string;
  conference: { id: string; title: string };
  places: Array<{ roundLabel: string; title: string; room: string | null; group: number }>;
}

/** Tells a participant their workshop(s), room and dialogue group. */
export function workshopMail(p: WorkshopMailParams): ComposedMail {
  const t = TEXTS[p.lang].mail;
  const body = renderMailBody(
    {
      greeting: t.greeting(p.name),
      paragraphs: [t.intro(p.conference.title), t.outro],
      facts: p.places.map((place) => [place.roundLabel, t.one(place.title, place.room, place.group)]),
      signature: t.signature,
    },
    p.lang,
  );
  return {
    kind: 'workshop_assignment',
    to: p.to,
    subject: t.subject(p.conference.title),
    ...body,
    conferenceId: p.conference.id,
    registrationId: p.registrationId,
  };
}

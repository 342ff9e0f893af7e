import type { CatalogueShape, Texts } from '@dialogdag/web';
import type { SpeakerStatus } from './speaker.entity';

export const SPEAKER_FORM_FIELDS = ['name', 'title', 'organisation', 'sector', 'email', 'bio', 'status', 'language'] as const;
export type SpeakerFormField = (typeof SPEAKER_FORM_FIELDS)[number];

const sv = {
  page: {
    speakers: 'Talare', programme: 'Program', back: 'Tillbaka till konferensen', add: 'Lägg till talare', edit: 'Ändra talare', save: 'Spara',
    delete: 'Ta bort talaren', problem: 'Rätta följande', none: 'Inga talare ännu.', notify: 'Skicka programtider till talarna',
    emailHint: 'Talare med e-postadress får sina tider när programmet är publicerat.',
    queued: (count: number) => `${count} e-brev lagda i utkorgen.`, editLink: 'Ändra',
  },
  status: { invited: 'inbjuden', confirmed: 'bekräftad', declined: 'tackat nej' },
  label: {
    name: 'Namn', title: 'Titel', organisation: 'Organisation', sector: 'Sektor', email: 'E-postadress (valfritt)', bio: 'Presentation',
    status: 'Status', language: 'Språk för e-post',
  },
  invalid: {
    name: 'Skriv talarens namn, högst 200 tecken.',
    title: 'Titeln får vara högst 200 tecken.',
    organisation: 'Organisationen får vara högst 200 tecken.',
    sector: 'Välj sektor.',
    email: 'Skriv en e-postadress, t.ex. namn@exempel.se, eller lämna tomt.',
    bio: 'Presentationen får vara högst 5 000 tecken.',
    status: 'Välj status.',
    language: 'Välj svenska eller engelska.',
  },
  errors: {
    speakerNotFound: 'Talaren finns inte i den här konferensen.',
    theSpeaker: 'Talaren',
    speakerInProgramme: (name: string) => `${name} finns med i programmet (i en programpunkt eller som moderator för dagen); ta bort talaren där först.`,
  },
} as const satisfies {
  status: Record<SpeakerStatus, string>;
  label: Record<SpeakerFormField, string>;
  invalid: Record<SpeakerFormField, string>;
  [section: string]: unknown;
};

const en: CatalogueShape<typeof sv> = {
  page: {
    speakers: 'Speakers', programme: 'Programme', back: 'Back to the conference', add: 'Add speaker', edit: 'Edit speaker', save: 'Save',
    delete: 'Delete this speaker', problem: 'Please correct the following', none: 'No speakers yet.', notify: 'E-mail speakers their slots',
    emailHint: 'Speakers with an e-mail address are sent their slots once the programme is published.',
    queued: (count: number) => `${count} e-mails queued in the outbox.`, editLink: 'Edit',
  },
  status: { invited: 'invited', confirmed: 'confirmed', declined: 'declined' },
  label: {
    name: 'Name', title: 'Title', organisation: 'Organisation', sector: 'Sector', email: 'E-mail (optional)', bio: 'Bio',
    status: 'Status', language: 'E-mail language',
  },
  invalid: {
    name: 'Enter the speaker’s name, at most 200 characters.',
    title: 'The title may be at most 200 characters.',
    organisation: 'The organisation may be at most 200 characters.',
    sector: 'Choose a sector.',
    email: 'Enter an e-mail address, e.g. name@example.org, or leave it empty.',
    bio: 'The bio may be at most 5,000 characters.',
    status: 'Choose a status.',
    language: 'Choose Swedish or English.',
  },
  // The API speaks these English sentences as its messages.
  errors: {
    speakerNotFound: 'No such speaker in this conference.',
    theSpeaker: 'The speaker',
    speakerInProgramme: (name: string) =>
      `${name} is in the programme (an item or as moderator of the day); remove them there before deleting the speaker.`,
  },
};

export const SPEAKER_TEXTS: Texts<CatalogueShape<typeof sv>> = { sv, en };

import type { CatalogueShape, Texts } from '@dialogdag/web';
import type { ProgrammeKind, SpeakerRole } from './programme.rules';

/** The programme item form's fields, and the shift form's. */
export const ITEM_FORM_FIELDS = ['kind', 'title', 'startsAt', 'endsAt', 'room', 'description', 'speakers', 'after', 'minutes'] as const;
export type ItemFormField = (typeof ITEM_FORM_FIELDS)[number];

const sv = {
  kinds: {
    registration: 'Registrering och kaffe', welcome: 'Välkommen', talk: 'Föreläsning', panel: 'Panelsamtal', break: 'Paus',
    lunch: 'Lunch', workshop: 'Workshop', group_work: 'Arbete i grupper', cultural: 'Kulturellt inslag', closing: 'Avslutning', other: 'Övrigt',
  },
  roles: { speaker: 'talare', moderator: 'samtalsledare', panelist: 'panelist', inspirer: 'inspiratör' },
  page: {
    programme: 'Program', back: 'Tillbaka till konferensen', add: 'Lägg till programpunkt', edit: 'Ändra programpunkt',
    save: 'Spara', delete: 'Ta bort programpunkten', problem: 'Rätta följande',
    roomHint: 'Lämna tomt för en gemensam punkt i stora salen. Punkter i olika rum kan gå parallellt.',
    speakerRows: 'Medverkande', speaker: 'Talare', role: 'Roll', none: 'Programmet är tomt. Lägg till den första punkten nedan.',
    shift: 'Flytta programmet', shiftHint: 'Alla punkter som börjar vid eller efter tiden flyttas, allt eller inget.',
    doShift: 'Flytta', moderator: 'Moderator för dagen', setModerator: 'Spara moderator', noSpeakers: 'Lägg till talare först för att kunna ange medverkande.',
    manageSpeakers: 'Hantera talare', publicPage: 'Publikt program', editLink: 'Ändra', warnings: 'Att se över',
  },
  label: {
    kind: 'Typ', title: 'Rubrik', startsAt: 'Börjar', endsAt: 'Slutar', room: 'Lokal/rum', description: 'Beskrivning', speakers: 'Medverkande',
    after: 'Från och med', minutes: 'Minuter (negativt = tidigare)',
  },
  invalid: {
    kind: 'Välj vilken typ av programpunkt det är.',
    title: 'Skriv en rubrik, högst 300 tecken.',
    startsAt: 'Ange när punkten börjar, t.ex. 13:15.',
    endsAt: 'Ange när punkten slutar, t.ex. 14:30.',
    room: 'Lokalens namn får vara högst 100 tecken.',
    description: 'Beskrivningen får vara högst 5 000 tecken.',
    speakers: 'Välj medverkande bland konferensens talare, var och en en gång.',
    after: 'Ange från vilken tid programmet ska flyttas, t.ex. 13:00.',
    minutes: 'Ange hur många minuter, ett heltal mellan -720 och 720.',
  },
  printed: {
    programme: 'Program', moderator: 'Moderator för dagen', room: 'Lokal', empty: 'Programmet är inte klart än.',
    printable: 'Utskriftsvänligt program', calendar: 'Lägg till i kalendern (iCalendar)',
  },
  clash: {
    named: (title: string, from: string, to: string) => `"${title}" (${from}–${to})`,
    endsBeforeStart: 'Punkten måste sluta efter att den börjar.',
    outsideHours: (item: string) => `${item} måste ligga inom konferensens tider.`,
    room: (room: string, other: string) => `Lokalen "${room}" är redan upptagen av ${other}.`,
    speaker: (name: string, other: string) => `${name} medverkar redan i ${other} vid den tiden.`,
    plenary: (other: string) => `Punkten överlappar ${other}; båda är för alla (utan lokal), så en av dem måste flyttas eller få en lokal.`,
    warning: (inRoom: string, room: string, plenary: string) => `${inRoom} i ${room} pågår samtidigt som ${plenary}, som är för alla.`,
    someSpeaker: 'Talaren',
    shiftOutside: (item: string, from: string, to: string) => `Programmet flyttades inte. ${item} skulle hamna ${from}–${to}, utanför konferensens tider.`,
    shiftClash: (item: string, from: string, to: string, problem: string) => `Programmet flyttades inte. ${item} skulle hamna ${from}–${to}: ${problem}`,
  },
  errors: {
    itemNotFound: 'Programpunkten finns inte i den här konferensen.',
    speakerRemovedMeanwhile: 'En talare togs bort från konferensen under tiden; ladda om sidan och försök igen.',
    outsideNewHours: (item: string) => `Programpunkten ${item} skulle hamna utanför de nya tiderna; flytta eller korta den först.`,
    notPublished: 'Talarna får sina tider när konferensen är publicerad.',
    withinHours: (date: string, hours: string) => `Punkten måste ligga inom konferensens tider (${date} ${hours}).`,
    notATime: 'Ange en tid, t.ex. 13:15.',
    speakerTwice: 'Samma talare står med mer än en gång.',
    unknownSpeaker: 'En vald talare finns inte i den här konferensen; lägg till talaren först.',
  },
} as const satisfies {
  kinds: Record<ProgrammeKind, string>;
  roles: Record<SpeakerRole, string>;
  label: Record<ItemFormField, string>;
  invalid: Record<ItemFormField, string>;
  [section: string]: unknown;
};

const en: CatalogueShape<typeof sv> = {
  kinds: {
    registration: 'Registration and coffee', welcome: 'Welcome', talk: 'Talk', panel: 'Panel discussion', break: 'Break',
    lunch: 'Lunch', workshop: 'Workshop', group_work: 'Group work', cultural: 'Cultural element', closing: 'Closing', other: 'Other',
  },
  roles: { speaker: 'speaker', moderator: 'chair', panelist: 'panellist', inspirer: 'inspirer' },
  page: {
    programme: 'Programme', back: 'Back to the conference', add: 'Add programme item', edit: 'Edit programme item',
    save: 'Save', delete: 'Delete this item', problem: 'Please correct the following',
    roomHint: 'Leave empty for a plenary item in the main hall. Items in different rooms may run in parallel.',
    speakerRows: 'Speakers', speaker: 'Speaker', role: 'Role', none: 'The programme is empty. Add the first item below.',
    shift: 'Shift the programme', shiftHint: 'Every item starting at or after the time moves; all or nothing.',
    doShift: 'Shift', moderator: 'Moderator of the day', setModerator: 'Save moderator', noSpeakers: 'Add speakers first to list them in items.',
    manageSpeakers: 'Manage speakers', publicPage: 'Public programme', editLink: 'Edit', warnings: 'Worth a look',
  },
  label: {
    kind: 'Kind', title: 'Title', startsAt: 'Starts', endsAt: 'Ends', room: 'Room', description: 'Description', speakers: 'Speakers',
    after: 'From', minutes: 'Minutes (negative = earlier)',
  },
  invalid: {
    kind: 'Choose what kind of item this is.',
    title: 'Enter a title, at most 300 characters.',
    startsAt: 'Enter when the item starts, e.g. 13:15.',
    endsAt: 'Enter when the item ends, e.g. 14:30.',
    room: 'The room’s name may be at most 100 characters.',
    description: 'The description may be at most 5,000 characters.',
    speakers: 'Choose speakers of the conference, each once.',
    after: 'Enter the time from which the programme moves, e.g. 13:00.',
    minutes: 'Enter how many minutes, a whole number from -720 to 720.',
  },
  printed: {
    programme: 'Programme', moderator: 'Moderator of the day', room: 'Room', empty: 'The programme is not ready yet.',
    printable: 'Printable programme', calendar: 'Add to your calendar (iCalendar)',
  },
  // The API speaks these English sentences as its messages.
  clash: {
    named: (title: string, from: string, to: string) => `"${title}" (${from}–${to})`,
    endsBeforeStart: 'endsAt must be after startsAt.',
    outsideHours: (item: string) => `${item} must lie within the conference's hours.`,
    room: (room: string, other: string) => `The room "${room}" is already taken by ${other}.`,
    speaker: (name: string, other: string) => `${name} is already in ${other} at that time.`,
    plenary: (other: string) => `It overlaps ${other}; both are for everyone (no room), so one must move or get a room.`,
    warning: (inRoom: string, room: string, plenary: string) => `${inRoom} in ${room} runs during ${plenary}, which is for everyone.`,
    someSpeaker: 'The speaker',
    shiftOutside: (item: string, from: string, to: string) => `The shift was not made. ${item} would move to ${from}–${to}, outside the conference's hours.`,
    shiftClash: (item: string, from: string, to: string, problem: string) => `The shift was not made. ${item} would move to ${from}–${to}: ${problem}`,
  },
  errors: {
    itemNotFound: 'No such programme item in this conference.',
    speakerRemovedMeanwhile: 'A speaker was removed from this conference meanwhile; reload and try again.',
    outsideNewHours: (item: string) => `The programme item ${item} would fall outside the new hours; move or shorten it first.`,
    notPublished: 'Speakers are told their slots once the conference is published.',
    withinHours: (date: string, hours: string) => `The item must lie within the conference's hours (${date} ${hours}).`,
    notATime: 'Enter a time, e.g. 13:15.',
    speakerTwice: 'The same speaker is listed more than once.',
    unknownSpeaker: 'A chosen speaker is not in this conference; add the speaker first.',
  },
};

export const PROGRAMME_TEXTS: Texts<CatalogueShape<typeof sv>> = { sv, en };
export type ProgrammeTexts = CatalogueShape<typeof sv>;

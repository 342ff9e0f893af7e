import { DomainError, FieldProblem, formatClock, inEveryLanguage, ValidationFailed } from '@dialogdag/shared';
import { describeProblem, PlannedItem, ProgrammeProblem } from './programme.rules';
import { PROGRAMME_TEXTS, ProgrammeTexts } from './programme.texts';

const texts = (pick: (t: ProgrammeTexts) => string) => inEveryLanguage(PROGRAMME_TEXTS, pick);
const named = (t: ProgrammeTexts, item: PlannedItem) => t.clash.named(item.title, formatClock(item.startsAt), formatClock(item.endsAt));

// The API's message is the English sentence (the catalogue's, or one naming the API's fields); pages show `texts`.
const withTexts = (code: string, category: 'conflict' | 'not_found', pick: (t: ProgrammeTexts) => string, field?: string) => {
  const sentences = texts(pick);
  return new DomainError(code, category, sentences.en, field, sentences);
};

export const programmeItemNotFound = () => withTexts('programme_item_not_found', 'not_found', (t) => t.errors.itemNotFound);
export const speakerRemovedMeanwhile = () => withTexts('speaker_not_in_conference', 'conflict', (t) => t.errors.speakerRemovedMeanwhile, 'speakers');
export const conferenceNotPublished = () => withTexts('conference_not_published', 'conflict', (t) => t.errors.notPublished);
export const programmeOutsideNewHours = (item: PlannedItem, field: string) =>
  withTexts('programme_outside_hours', 'conflict', (t) => t.errors.outsideNewHours(named(t, item)), field);

/** 409 naming the clashing item; `speakerName` names a shared speaker. */
export const programmeClash = (problem: ProgrammeProblem, field: string, speakerName: (id: string) => string | undefined) =>
  withTexts('programme_clash', 'conflict', (t) => describeProblem(problem, t.clash, formatClock, (id) => speakerName(id) ?? t.clash.someSpeaker), field);

/** 409 for a shift that would break the rules, told from the side of the item that would move. */
export const programmeShiftRefused = (problem: ProgrammeProblem, field: string, speakerName: (id: string) => string | undefined) =>
  withTexts('programme_shift_refused', 'conflict', (t) => {
    const [item, from, to] = [`"${problem.item.title}"`, formatClock(problem.item.startsAt), formatClock(problem.item.endsAt)];
    if (problem.reason === 'outside_hours') return t.clash.shiftOutside(item, from, to);
    return t.clash.shiftClash(item, from, to, describeProblem(problem, t.clash, formatClock, (id) => speakerName(id) ?? t.clash.someSpeaker));
  }, field);

const problem = (field: string, message: string, pick: (t: ProgrammeTexts) => string): FieldProblem => ({ field, message, texts: texts(pick) });

export const itemEndsBeforeStart = () => new ValidationFailed([problem('endsAt', 'endsAt must be after startsAt.', (t) => t.clash.endsBeforeStart)]);
export const itemOutsideHours = (field: string, date: string, hours: string) =>
  new ValidationFailed([problem(field, `${field} must lie within the conference's hours (${date} ${hours}).`, (t) => t.errors.withinHours(date, hours))]);
export const notAProgrammeTime = (field: string) =>
  new ValidationFailed([problem(field, `${field} must be a time such as 13:15 or 2026-10-06T13:15:00+02:00.`, (t) => t.errors.notATime)]);
export const speakerListedTwice = (field: string, id: string) =>
  new ValidationFailed([problem(field, `${field} lists the speaker ${id} more than once.`, (t) => t.errors.speakerTwice)]);
export const speakerNotOfConference = (field: string, ids: string[]) =>
  new ValidationFailed([problem(field, `${field}: no speaker ${ids.join(', ')} in this conference; add the speaker first.`, (t) => t.errors.unknownSpeaker)]);

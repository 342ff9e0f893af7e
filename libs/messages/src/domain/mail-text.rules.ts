import type { MailTextAdaptation } from '@dialogdag/mail';
import type { FieldProblem } from '@dialogdag/shared';
import { MessagesTexts, TEXTS } from '../messages.texts';
import { carriesPersonalLink, MailTextKind } from './mail-text-kinds';
import { fillTemplate, PLACEHOLDERS, PlaceholderName, PlaceholderValues, unknownPlaceholders, usedPlaceholders } from './placeholders';

/** A short paragraph or two before and after the generated text; an e-mail is no place for a long letter. */
export const MAX_MAIL_TEXT_LENGTH = 2_000;

export const MAIL_TEXT_PARTS = ['intro', 'closing'] as const;
export type MailTextPart = (typeof MAIL_TEXT_PARTS)[number];

/** What an organiser writes for one e-mail in one language: plain text, placeholders allowed. */
export type MailTextDraft = Record<MailTextPart, string>;

/** As stored: line breaks as \n, no white space around. */
export function normaliseMailText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** Both parts empty means the default text: nothing is stored. */
export function isDefaultText(draft: MailTextDraft): boolean {
  return normaliseMailText(draft.intro) === '' && normaliseMailText(draft.closing) === '';
}

/** Every problem with a draft, each naming its field (`fieldOf` gives the field's name where it was typed). */
export function mailTextProblems(kind: MailTextKind, draft: MailTextDraft, fieldOf: (part: MailTextPart) => string = (part) => part): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
  for (const part of MAIL_TEXT_PARTS) {
    const field = fieldOf(part);
    const text = normaliseMailText(draft[part]);
    const sentence = (make: (t: MessagesTexts['mailTexts']['problems']) => string) => ({ sv: make(TEXTS.sv.mailTexts.problems), en: make(TEXTS.en.mailTexts.problems) });
    if (text.length > MAX_MAIL_TEXT_LENGTH) {
      const texts = sentence((t) => t.tooLong(MAX_MAIL_TEXT_LENGTH, text.length));
      problems.push({ field, message: `${field}: ${texts.en}`, texts });
    }
    const unknown = unknownPlaceholders(text);
    if (unknown.length > 0) {
      const names = unknown.map((u) => `{${u}}`).join(', ');
      const texts = sentence((t) => t.unknownPlaceholder(names, known));
      problems.push({ field, message: `${field}: ${texts.en}`, texts });
    }
    if (!carriesPersonalLink(kind) && usedPlaceholders(text).has('personalLink')) {
      const texts = sentence((t) => t.noPersonalLink);
      problems.push({ field, message: `${field}: ${texts.en}`, texts });
    }
  }
  return problems;
}

/** Paragraphs are separated by a blank line; a single line break stays inside its paragraph. */
export function paragraphsOf(text: string): string[] {
  return normaliseMailText(text)
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** The placeholders a draft uses, so only what it asks for is looked up. */
export function placeholdersIn(draft: MailTextDraft): Set<PlaceholderName> {
  return new Set([...usedPlaceholders(draft.intro), ...usedPlaceholders(draft.closing)]);
}

/**
 * The organiser's paragraphs for one recipient, as MailTexts (libs/mail) puts them around the generated ones. Split first, then filled: a value (a name, a
 * workshop) can never add a paragraph or be read as a placeholder itself.
 */
export function adaptationOf(draft: MailTextDraft, values: PlaceholderValues): MailTextAdaptation {
  return {
    intro: paragraphsOf(draft.intro).map((p) => fillTemplate(p, values)),
    closing: paragraphsOf(draft.closing).map((p) => fillTemplate(p, values)),
  };
}

// Every automatic e-mail greets as "Hej {name}!" or "Dear {name},"; the name is read back from there.
const GREETINGS = [/^Hej ([\s\S]+)!$/, /^Dear ([\s\S]+),$/];

/** The recipient's name as the e-mail's greeting has it; null for a greeting of another form. */
export function nameFromGreeting(greeting: string): string | null {
  for (const pattern of GREETINGS) {
    const match = pattern.exec(greeting);
    if (match) return match[1];
  }
  return null;
}

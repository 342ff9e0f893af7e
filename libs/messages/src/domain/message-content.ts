import { FieldProblem, Language, LANGUAGES } from '@dialogdag/shared';
import { PLACEHOLDERS, unknownPlaceholders } from './placeholders';

export const MAX_BODY_LENGTH = 50_000;
export const MAX_SUBJECT_LENGTH = 200;

/** What an organiser writes: a subject and a body per language, at least one language in full. */
export interface MessageContent {
  subject: Partial<Record<Language, string>>;
  body: Partial<Record<Language, string>>;
}

const known = PLACEHOLDERS.map((p) => `{${p}}`).join(', ');

/** Every problem with the content, each naming its field; none means it may be sent. */
export function contentProblems(content: MessageContent): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const written = LANGUAGES.filter((lang) => (content.subject[lang] ?? '').trim() !== '' || (content.body[lang] ?? '').trim() !== '');
  if (written.length === 0) {
    problems.push({ field: 'subject.sv', message: 'subject and body must not be empty: write the message in Swedish, English or both.' });
    return problems;
  }
  for (const lang of written) {
    const subject = content.subject[lang] ?? '';
    const body = content.body[lang] ?? '';
    if (subject.trim() === '') problems.push({ field: `subject.${lang}`, message: `subject.${lang} must not be empty when the body in that language is written.` });
    if (/[\r\n]/.test(subject)) problems.push({ field: `subject.${lang}`, message: `subject.${lang} must be one line (no line breaks).` });
    if (subject.length > MAX_SUBJECT_LENGTH) problems.push({ field: `subject.${lang}`, message: `subject.${lang} must be at most ${MAX_SUBJECT_LENGTH} characters.` });
    if (body.trim() === '') problems.push({ field: `body.${lang}`, message: `body.${lang} must not be empty when the subject in that language is written.` });
    if (body.length > MAX_BODY_LENGTH) problems.push({ field: `body.${lang}`, message: `body.${lang} must be at most ${MAX_BODY_LENGTH.toLocaleString('en')} characters (it has ${body.length.toLocaleString('en')}).` });
    for (const [field, text] of [[`subject.${lang}`, subject], [`body.${lang}`, body]] as const) {
      const unknown = unknownPlaceholders(text);
      if (unknown.length > 0) {
        const names = unknown.map((u) => `{${u}}`).join(', ');
        problems.push({ field, message: `${field} has an unknown placeholder ${names}; the placeholders are ${known} (write {{ for a literal brace).` });
      }
    }
  }
  return problems;
}

/** The languages the message is written in. */
export function writtenLanguages(content: MessageContent): Language[] {
  return LANGUAGES.filter((lang) => (content.subject[lang] ?? '').trim() !== '' && (content.body[lang] ?? '').trim() !== '');
}

/** A recipient reads their own language when the message has it, the other one otherwise. */
export function languageFor(preferred: Language, content: MessageContent): Language {
  const written = writtenLanguages(content);
  return written.includes(preferred) ? preferred : (written[0] ?? preferred);
}

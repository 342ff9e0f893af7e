import { formatClock, formatLongDate, Language } from '@dialogdag/shared';
import { escapeHtml } from '@dialogdag/web';
import { TEXTS } from '../messages.texts';
import { bodyToHtml, bodyToText, parseBody } from './formatting';
import { languageFor, MessageContent } from './message-content';
import { fillSubject, PlaceholderValues } from './placeholders';

/** What the placeholders need to know about the conference. */
export interface ConferenceFacts {
  title: string;
  startsAt: Date;
  endsAt: Date;
  venue: string;
}

/** What the placeholders need to know about one recipient; missing values are shown as a dash. */
export interface RecipientFacts {
  name: string;
  language: Language;
  personalLink?: string | null;
  workshop?: string | null;
  table?: string | null;
}

export interface RenderedMessage {
  lang: Language;
  subject: string;
  text: string;
  html: string;
  /** The body alone, for showing inside a page. */
  bodyHtml: string;
}

const NONE = '–';

export function placeholderValues(conference: ConferenceFacts, recipient: RecipientFacts, lang: Language): PlaceholderValues {
  return {
    name: recipient.name,
    personalLink: recipient.personalLink || NONE,
    workshop: recipient.workshop || NONE,
    table: recipient.table || NONE,
    conference: conference.title,
    date: `${formatLongDate(conference.startsAt, lang)} ${formatClock(conference.startsAt)}–${formatClock(conference.endsAt)}`,
    venue: conference.venue || NONE,
  };
}

/** The message's own words for one recipient: their language (or the other), placeholders filled, formatting rendered. */
export function renderContent(content: MessageContent, conference: ConferenceFacts, recipient: RecipientFacts) {
  const lang = languageFor(recipient.language, content);
  const values = placeholderValues(conference, recipient, lang);
  const blocks = parseBody(content.body[lang] ?? '');
  return { lang, subject: fillSubject(content.subject[lang] ?? '', values), bodyText: bodyToText(blocks, values), bodyHtml: bodyToHtml(blocks, values) };
}

/** One recipient's e-mail: the content, and a footer that says who sent it. */
export function renderMessage(content: MessageContent, conference: ConferenceFacts, recipient: RecipientFacts): RenderedMessage {
  const { lang, subject, bodyText, bodyHtml } = renderContent(content, conference, recipient);
  const footer = TEXTS[lang].mail.footer(conference.title);
  const text = `${bodyText}\n\n-- \n${footer}\n`;
  const html = `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif;line-height:1.5;color:#1b1f24">
${bodyHtml}
<hr style="border:0;border-top:1px solid #d0d7de;margin-top:2em">
<p style="color:#57606a;font-size:90%">${escapeHtml(footer)}</p>
</body></html>`;
  return { lang, subject, text, html, bodyHtml };
}

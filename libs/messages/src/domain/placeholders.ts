/** The placeholders an organiser may write in a message; each is filled per recipient. */
export const PLACEHOLDERS = ['name', 'personalLink', 'workshop', 'table', 'conference', 'date', 'venue'] as const;
export type PlaceholderName = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Record<PlaceholderName, string>;

export type TemplatePart = { kind: 'text'; value: string } | { kind: 'placeholder'; name: PlaceholderName };

const KNOWN = new Set<string>(PLACEHOLDERS);
// `{ name }` is accepted as well as `{name}`: organisers type what they see in examples, spaces included.
const TOKEN = /\{\{|\}\}|\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/g;

export function isPlaceholder(name: string): name is PlaceholderName {
  return KNOWN.has(name);
}

/** Every `{word}` in the text that is not a known placeholder, in order of first appearance, each once. */
export function unknownPlaceholders(text: string): string[] {
  const unknown: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const name = match[1];
    if (name !== undefined && !isPlaceholder(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/** Which known placeholders the text uses (so a personal link is issued only when it is asked for). */
export function usedPlaceholders(text: string): Set<PlaceholderName> {
  const used = new Set<PlaceholderName>();
  for (const part of parseTemplate(text)) if (part.kind === 'placeholder') used.add(part.name);
  return used;
}

/**
 * Splits a template into literal text and placeholders. `{{` and `}}` stand for a literal brace;
 * an unknown `{word}` stays literal here (validation refuses it before anything is sent).
 */
export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    literal += text.slice(last, match.index);
    last = match.index + match[0].length;
    const name = match[1];
    if (name !== undefined && isPlaceholder(name)) {
      if (literal) parts.push({ kind: 'text', value: literal });
      literal = '';
      parts.push({ kind: 'placeholder', name });
    } else if (name !== undefined) {
      literal += match[0];
    } else {
      literal += match[0][0];
    }
  }
  literal += text.slice(last);
  if (literal) parts.push({ kind: 'text', value: literal });
  return parts;
}

/**
 * Fills a template as plain text. Values are inserted once and never read as placeholders
 * themselves, so a participant named "{name}" cannot make the text expand.
 */
export function fillTemplate(text: string, values: PlaceholderValues): string {
  return parseTemplate(text)
    .map((part) => (part.kind === 'text' ? part.value : values[part.name]))
    .join('');
}

/** A subject is one header line: line breaks in filled values become spaces. */
export function fillSubject(text: string, values: PlaceholderValues): string {
  return fillTemplate(text, values).replace(/[\r\n]+/g, ' ').trim();
}

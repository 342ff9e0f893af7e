import { escapeHtml } from '@dialogdag/web';
import { parseTemplate, PlaceholderName, PlaceholderValues, TemplatePart } from './placeholders';

/**
 * The small formatting organisers may use in a message body, read from plain text:
 * blank lines separate paragraphs, lines starting with "- " / "* " make a bullet list,
 * "1. " a numbered list, `[label](https://…)` or a bare https:// address make a link.
 * The body is parsed before placeholders are filled, so nothing a participant typed
 * (a name, an organisation) can ever become formatting, a link or HTML.
 */
export type Inline =
  | TemplatePart
  | { kind: 'link'; label: TemplatePart[]; href: { url: string } | { placeholder: PlaceholderName } };

export type Block =
  | { kind: 'paragraph'; lines: Inline[][] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] };

const BULLET = /^\s*[-*•]\s+/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+/;
const SAFE_URL = /^(https?:\/\/[^\s<>"]+|mailto:[^\s<>"]+@[^\s<>"]+)$/i;
// A bare address ends before white space or a closing bracket; trailing punctuation belongs to the sentence.
const BARE_URL = /https?:\/\/[^\s<>"\])]+/gi;
const LABELLED_LINK = /\[([^\]\n]{1,200})\]\(\s*([^)\s]+)\s*\)/g;

export function parseBody(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) continue;
    const listKind = BULLET.test(lines[0]) ? BULLET : NUMBERED.test(lines[0]) ? NUMBERED : null;
    if (listKind) {
      const items: string[] = [];
      for (const line of lines) {
        if (listKind.test(line) || items.length === 0) items.push(line.replace(listKind, ''));
        else items[items.length - 1] += ` ${line.trim()}`;
      }
      blocks.push({ kind: 'list', ordered: listKind === NUMBERED, items: items.map((item) => parseInline(item.trim())) });
    } else {
      blocks.push({ kind: 'paragraph', lines: lines.map((line) => parseInline(line.trim())) });
    }
  }
  return blocks;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(LABELLED_LINK)) {
    const href = linkTarget(match[2]);
    if (!href) continue;
    out.push(...autolink(text.slice(last, match.index)));
    out.push({ kind: 'link', label: parseTemplate(match[1]), href });
    last = match.index + match[0].length;
  }
  out.push(...autolink(text.slice(last)));
  return out;
}

function linkTarget(target: string): { url: string } | { placeholder: PlaceholderName } | null {
  if (/^\{\s*personalLink\s*\}$/.test(target)) return { placeholder: 'personalLink' };
  return SAFE_URL.test(target) ? { url: target } : null;
}

function autolink(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(BARE_URL)) {
    const url = match[0].replace(/[.,;:!?'’]+$/, '');
    out.push(...parseTemplate(text.slice(last, match.index)));
    out.push({ kind: 'link', label: [{ kind: 'text', value: url }], href: { url } });
    last = match.index + url.length;
  }
  out.push(...parseTemplate(text.slice(last)));
  return out;
}

/** Where a link points once filled; only http(s) and mailto addresses are ever linked. */
function hrefOf(link: Extract<Inline, { kind: 'link' }>, values: PlaceholderValues): string | null {
  if ('url' in link.href) return link.href.url;
  const url = values[link.href.placeholder];
  return SAFE_URL.test(url) ? url : null;
}

function inlineText(parts: Inline[], values: PlaceholderValues): string {
  return parts
    .map((part) => {
      if (part.kind === 'text') return part.value;
      if (part.kind === 'placeholder') return values[part.name];
      const label = inlineText(part.label, values);
      const href = hrefOf(part, values);
      return href && href !== label ? `${label} (${href})` : label;
    })
    .join('');
}

function inlineHtml(parts: Inline[], values: PlaceholderValues): string {
  return parts
    .map((part) => {
      if (part.kind === 'text') return escapeHtml(part.value);
      if (part.kind === 'placeholder') {
        const value = values[part.name];
        // A personal link standing on its own is still a link in the HTML part.
        return part.name === 'personalLink' && SAFE_URL.test(value)
          ? `<a href="${escapeHtml(value)}">${escapeHtml(value)}</a>`
          : escapeHtml(value);
      }
      const label = inlineHtml(part.label, values);
      const href = hrefOf(part, values);
      return href ? `<a href="${escapeHtml(href)}">${label}</a>` : label;
    })
    .join('');
}

/** The body as the plain-text part of the e-mail. */
export function bodyToText(blocks: Block[], values: PlaceholderValues): string {
  return blocks
    .map((block) =>
      block.kind === 'paragraph'
        ? block.lines.map((line) => inlineText(line, values)).join('\n')
        : block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${inlineText(item, values)}`).join('\n'),
    )
    .join('\n\n');
}

/** The body as HTML: only p, br, ul, ol, li and a (http, https, mailto) are produced; all text is escaped. */
export function bodyToHtml(blocks: Block[], values: PlaceholderValues): string {
  return blocks
    .map((block) => {
      if (block.kind === 'paragraph') return `<p>${block.lines.map((line) => inlineHtml(line, values)).join('<br>\n')}</p>`;
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${inlineHtml(item, values)}</li>`).join('')}</${tag}>`;
    })
    .join('\n');
}

import { escapeHtml } from '@dialogdag/web';

export interface MailBody {
  greeting: string;
  paragraphs: string[];
  facts?: Array<[string, string]>;
  link?: { label: string; url: string };
  signature: string;
}

/**
 * What a conference may adapt in an automatic e-mail: the body before rendering, so an
 * introduction and a closing can be set around the generated paragraphs (see MailTexts).
 */
export interface AdaptableContent {
  lang: 'sv' | 'en';
  body: MailBody;
}

/**
 * Renders the same content as plain text and as simple, accessible HTML, and keeps the
 * structured body (`adaptable`) so the outbox can re-render it with a conference's own texts.
 */
export function renderMailBody(body: MailBody, lang: 'sv' | 'en'): { text: string; html: string; adaptable: AdaptableContent } {
  const facts = body.facts ?? [];
  const text = [
    body.greeting,
    '',
    ...body.paragraphs.flatMap((p) => [p, '']),
    ...(facts.length ? [...facts.map(([k, v]) => `${k}: ${v}`), ''] : []),
    ...(body.link ? [`${body.link.label}:`, body.link.url, ''] : []),
    body.signature,
  ].join('\n');
  const html = `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif;line-height:1.5;color:#1b1f24">
<p>${escapeHtml(body.greeting)}</p>
${body.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${facts.length ? `<table role="presentation">${facts.map(([k, v]) => `<tr><th align="left" style="padding-right:1em">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>` : ''}
${body.link ? `<p><a href="${escapeHtml(body.link.url)}">${escapeHtml(body.link.label)}</a></p>` : ''}
<p>${escapeHtml(body.signature)}</p>
</body></html>`;
  return { text, html, adaptable: { lang, body } };
}

import { Language } from '@dialogdag/shared';
import { html, SafeHtml, withQuery } from './html';
import { WEB_TEXTS } from './web.texts';

export interface PageOptions {
  lang: Language;
  title: string;
  body: SafeHtml;
  /** The current path with its query, for the language switch. */
  path: string;
  /** Back-office pages get the organiser navigation. */
  backOffice?: { organiserName: string; csrfToken: string };
  /** Printable pages drop the chrome. */
  print?: boolean;
}

function switchLanguage(path: string, lang: string): string {
  const [pathname, query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  params.set('lang', lang);
  return `${pathname}?${params.toString()}`;
}

export function renderPage(o: PageOptions): string {
  const t = WEB_TEXTS[o.lang].chrome;
  const otherLang = o.lang === 'sv' ? 'en' : 'sv';
  const nav = o.backOffice
    ? html`<nav aria-label="${t.organiserMenu}" class="site-nav">
        <a href="/admin">${t.conferences}</a>
        <a href="/admin/account">${t.account}</a>
        <form method="post" action="/admin/logout" class="inline">
          <input type="hidden" name="_csrf" value="${o.backOffice.csrfToken}">
          <button type="submit" class="link">${t.logout} (${o.backOffice.organiserName})</button>
        </form>
      </nav>`
    : '';
  return `<!doctype html>${html`<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} – Dialogdag</title>
<link rel="stylesheet" href="/assets/dialogdag.css">
</head>
<body class="${o.print ? 'print' : ''}">
<a class="skip-link" href="#content">${t.skip}</a>
${o.print
  ? ''
  : html`<header class="site-header">
  <a class="brand" href="${o.backOffice ? '/admin' : '/'}">Dialogdag</a>
  ${nav}
  <a class="lang-switch" href="${switchLanguage(o.path, otherLang)}" lang="${otherLang}" hreflang="${otherLang}">${t.otherLanguage}</a>
</header>`}
<main id="content" tabindex="-1">
${o.body}
</main>
</body>
</html>`}`;
}

export { withQuery };

export const STYLESHEET = `
:root { --ink: #1b1f24; --muted: #57606a; --accent: #0b5cad; --error: #b3261e; --ok: #1a7f37; --line: #d0d7de; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
a { color: var(--accent); }
a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus { outline: 3px solid #ffbf47; outline-offset: 1px; }
.skip-link { position: absolute; left: -999px; top: 0; background: #ffbf47; padding: .5rem 1rem; color: var(--ink); }
.skip-link:focus { left: 0; z-index: 10; }
.site-header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .75rem 1.25rem; border-bottom: 1px solid var(--line); background: var(--bg); }
.brand { font-weight: 700; font-size: 1.2rem; text-decoration: none; color: var(--ink); margin-right: auto; }
.site-nav { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
main { max-width: 60rem; margin: 0 auto; padding: 1.25rem; }
main.wide, body.wide main { max-width: 90rem; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: .5rem 0 1rem; }
h2 { font-size: 1.35rem; margin-top: 2rem; }
.lead { font-size: 1.15rem; color: var(--muted); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 1rem 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.field { margin: 0 0 1.1rem; }
.field label { display: block; font-weight: 600; margin-bottom: .2rem; }
.field input[type=text], .field input[type=email], .field input[type=tel], .field input[type=password], .field input[type=number],
.field input[type=datetime-local], .field input[type=date], .field input[type=time], .field input[type=url], .field select, .field textarea, input[type=search] {
  width: 100%; max-width: 32rem; padding: .5rem .6rem; font: inherit; border: 2px solid #6e7781; border-radius: 4px; background: #fff; }
.field.checkbox { display: grid; grid-template-columns: auto 1fr; gap: .2rem .6rem; align-items: start; }
.field.checkbox input { width: 1.3rem; height: 1.3rem; margin-top: .15rem; }
.field.checkbox label { font-weight: 400; }
.field.checkbox .hint, .field.checkbox .field-error { grid-column: 2; }
.hint { color: var(--muted); margin: 0 0 .3rem; font-size: .95rem; }
.field-error { color: var(--error); font-weight: 600; margin: 0 0 .3rem; }
.has-error input, .has-error select, .has-error textarea { border-color: var(--error); }
.required { color: var(--error); }
.error-summary { border: 3px solid var(--error); padding: .75rem 1rem; margin: 0 0 1.5rem; }
.error-summary h2 { margin: 0 0 .5rem; font-size: 1.15rem; color: var(--error); }
.notice { border-left: 5px solid var(--accent); background: var(--bg); padding: .75rem 1rem; margin: 1rem 0; }
.notice.ok { border-color: var(--ok); }
.notice.warn { border-color: #bf8700; }
button, .button { display: inline-block; font: inherit; font-weight: 600; padding: .55rem 1.1rem; border-radius: 4px; border: 2px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; }
button.secondary, .button.secondary { background: #fff; color: var(--accent); }
button.danger { background: var(--error); border-color: var(--error); }
button.link { background: none; border: none; color: var(--accent); text-decoration: underline; padding: 0; font-weight: 400; }
form.inline { display: inline; }
fieldset { border: 1px solid var(--line); padding: .75rem 1rem; margin: 0 0 1.25rem; border-radius: 4px; }
legend { font-weight: 700; padding: 0 .3rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--bg); }
.programme .time { white-space: nowrap; font-variant-numeric: tabular-nums; width: 7rem; }
.programme .speakers { color: var(--muted); margin: .2rem 0 0; padding: 0; list-style: none; }
.parallel { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .75rem; }
.parallel > div { border: 1px solid var(--line); border-radius: 4px; padding: .5rem .75rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.honeypot { position: absolute; left: -10000px; }
.actions { display: flex; gap: .75rem; flex-wrap: wrap; align-items: center; margin: 1rem 0; }
.status { display: inline-block; padding: .05rem .5rem; border-radius: 1rem; background: var(--bg); border: 1px solid var(--line); font-size: .9rem; }
@media print { .site-header, .skip-link, .actions, form { display: none !important; } main { max-width: none; padding: 0; } body { font-size: 12pt; } a { color: inherit; text-decoration: none; } }
`;

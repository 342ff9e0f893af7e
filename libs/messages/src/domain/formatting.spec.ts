import fc from 'fast-check';
import { escapeHtml } from '@dialogdag/web';
import { bodyToHtml, bodyToText, parseBody } from './formatting';
import { PLACEHOLDERS, PlaceholderValues } from './placeholders';

const values: PlaceholderValues = {
  name: 'Amina',
  personalLink: 'https://dialogdag.example/r/abc',
  workshop: 'Hälsa',
  table: 'Bord 4',
  conference: 'Dialogkonferens',
  date: '20 oktober',
  venue: 'Folkets Hus',
};
const render = (body: string, v = values) => {
  const blocks = parseBody(body);
  return { text: bodyToText(blocks, v), html: bodyToHtml(blocks, v) };
};

/** Everything the formatter may emit as markup; any other "<" in the HTML would be a leak. */
const ALLOWED_TAG = /<(\/?(p|ul|ol|li)|br|\/a|a href="[^"<>]*")>/g;

describe('safe formatting of a message body', () => {
  it('makes paragraphs, line breaks, lists and links', () => {
    const { html, text } = render(
      'Hej {name}!\nNy ingång.\n\n- Ta med frågor\n- Kom i tid\n\n1. Först\n2. Sedan\n\nSe [din sida]({personalLink}) eller https://example.org/karta.',
    );
    expect(html).toBe(
      '<p>Hej Amina!<br>\nNy ingång.</p>\n<ul><li>Ta med frågor</li><li>Kom i tid</li></ul>\n<ol><li>Först</li><li>Sedan</li></ol>\n' +
        '<p>Se <a href="https://dialogdag.example/r/abc">din sida</a> eller <a href="https://example.org/karta">https://example.org/karta</a>.</p>',
    );
    expect(text).toBe(
      'Hej Amina!\nNy ingång.\n\n- Ta med frågor\n- Kom i tid\n\n1. Först\n2. Sedan\n\nSe din sida (https://dialogdag.example/r/abc) eller https://example.org/karta.',
    );
  });

  it('links a personal link standing on its own', () => {
    expect(render('Din länk: {personalLink}').html).toBe('<p>Din länk: <a href="https://dialogdag.example/r/abc">https://dialogdag.example/r/abc</a></p>');
    expect(render('Din länk: {personalLink}', { ...values, personalLink: '–' }).html).toBe('<p>Din länk: –</p>');
  });

  it('escapes HTML written in the body and refuses unsafe link targets', () => {
    const { html } = render('<script>alert(1)</script> & [klicka](javascript:alert(1)) <b>fet</b> "citat"');
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; [klicka](javascript:alert(1)) &lt;b&gt;fet&lt;/b&gt; &quot;citat&quot;</p>');
  });

  it('never turns a filled value into markup or a link', () => {
    const { html } = render('Hej {name}', { ...values, name: '<img src=x onerror=alert(1)> https://evil.example [x](https://evil.example)' });
    expect(html).toBe('<p>Hej &lt;img src=x onerror=alert(1)&gt; https://evil.example [x](https://evil.example)</p>');
  });

  it('lets no HTML from the body or the values reach the e-mail unescaped (property)', () => {
    const valuesArb = fc.record(Object.fromEntries(PLACEHOLDERS.map((p) => [p, fc.string()])) as Record<keyof PlaceholderValues, fc.Arbitrary<string>>);
    const pieces = fc.constantFrom('<', '>', '"', "'", '&', '<script>', '</p>', '[a](', ')', 'https://x.example/', 'javascript:', '\n', '\n\n', '- ', '1. ', '{name}', '{personalLink}', 'text ', '{', '}');
    const bodyArb = fc.oneof(fc.string(), fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')));
    fc.assert(
      fc.property(bodyArb, valuesArb, (body, v) => {
        const html = bodyToHtml(parseBody(body), v);
        expect(html.replace(ALLOWED_TAG, '')).not.toMatch(/[<>]/);
        for (const [, href] of html.matchAll(/<a href="([^"]*)">/g)) expect(href).toMatch(/^(https?:\/\/|mailto:)/i);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every word of plain prose, escaped (property)', () => {
    const word = fc.stringMatching(/^[A-Za-zÅÄÖåäö0-9&<>"']{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 20 }), (words) => {
        const prose = words.join(' ');
        expect(bodyToHtml(parseBody(prose), values)).toBe(`<p>${escapeHtml(prose)}</p>`);
        expect(bodyToText(parseBody(prose), values)).toBe(prose);
      }),
    );
  });
});

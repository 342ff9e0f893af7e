import fc from 'fast-check';
import { escapeHtml, html, SafeHtml, unsafeRaw, withQuery } from './html';

describe('escapeHtml', () => {
  it('escapes the five characters that can end text or an attribute', () => {
    expect(escapeHtml(`<script>alert("x" + 'y') && 1</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; + &#39;y&#39;) &amp;&amp; 1&lt;/script&gt;');
    expect(escapeHtml('Åsa & Örjan – “citat”')).toBe('Åsa &amp; Örjan – “citat”');
  });

  it('leaves no markup character behind, and decodes back to the text', () => {
    const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
        expect(decode(escaped)).toBe(text);
      }),
    );
  });
});

describe('html', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const name = '"><img src=x onerror=alert(1)>';
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>',
    );
  });

  it('inserts SafeHtml and nested templates as they are, joins lists, and drops null, undefined and false', () => {
    const items = ['<a>', 'b'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>`.value).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>');
    expect(html`${null}${undefined}${false}${0}${''}`.value).toBe('0');
    expect(html`${unsafeRaw('<b>trusted</b>')}`.value).toBe('<b>trusted</b>');
    expect(html`x` instanceof SafeHtml).toBe(true);
    expect(String(html`<i>${'&'}</i>`)).toBe('<i>&amp;</i>');
  });

  it('never lets an interpolated string open a tag', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(html`<p>${text}</p>`.value.slice(3, -4)).not.toContain('<');
      }),
    );
  });
});

describe('withQuery', () => {
  it('adds encoded parameters, skipping empty ones', () => {
    expect(withQuery('/admin', { q: 'Åsa & co', status: undefined, sector: '' })).toBe('/admin?q=%C3%85sa+%26+co');
    expect(withQuery('/admin?lang=sv', { q: 'x' })).toBe('/admin?lang=sv&q=x');
    expect(withQuery('/admin', {})).toBe('/admin');
  });
});

import { renderMessage } from './compose';

const conference = { title: 'Dialogkonferens Skåne', startsAt: new Date('2030-10-20T07:00:00Z'), endsAt: new Date('2030-10-20T14:00:00Z'), venue: 'Folkets Hus, Malmö' };

describe('one recipient’s message', () => {
  it('is in their language, placeholders filled, with a footer', () => {
    const content = { subject: { sv: 'Ny ingång till {venue}', en: 'New entrance at {venue}' }, body: { sv: 'Hej {name}! Vi ses {date}.', en: 'Dear {name}, see you {date}.' } };
    const sv = renderMessage(content, conference, { name: 'Amina', language: 'sv' });
    expect(sv.subject).toBe('Ny ingång till Folkets Hus, Malmö');
    expect(sv.text).toContain('Hej Amina! Vi ses söndag 20 oktober 2030 09:00–16:00.');
    expect(sv.text).toContain('Det här meddelandet kommer från arrangörerna av Dialogkonferens Skåne.');
    expect(sv.html).toContain('<html lang="sv">');
    const en = renderMessage(content, conference, { name: 'John', language: 'en' });
    expect(en.subject).toBe('New entrance at Folkets Hus, Malmö');
    expect(en.text).toContain('Dear John, see you Sunday, 20 October 2030 09:00–16:00.');
  });

  it('falls back to the other language and shows a dash for missing values', () => {
    const m = renderMessage({ subject: { sv: 'Hej' }, body: { sv: 'Workshop: {workshop}, bord: {table}' } }, conference, { name: 'John', language: 'en' });
    expect(m.lang).toBe('sv');
    expect(m.text).toContain('Workshop: –, bord: –');
  });

  it('escapes the conference title in the footer', () => {
    const m = renderMessage({ subject: { sv: 'Hej' }, body: { sv: 'x' } }, { ...conference, title: '<b>Konf</b>' }, { name: 'A', language: 'sv' });
    expect(m.html).toContain('&lt;b&gt;Konf&lt;/b&gt;');
    expect(m.html).not.toContain('<b>');
  });
});

import { ManualClock } from '@dialogdag/shared';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

/** The public registration form stops bots without a CAPTCHA service: a honeypot and a signed minimum fill time. */
describe('bot check on the public registration form', () => {
  const clock = new ManualClock('2030-09-01T12:00:00+02:00');
  let test: TestApp;
  let api: ApiClient;
  let c: { id: string; slug: string };

  beforeAll(async () => {
    test = await startTestApp({ clock, env: { PUBLIC_FORM_MIN_FILL_SECONDS: '3' } });
    api = (await organiserClient(test)).api;
    c = await publishedConference(api, { title: 'Dialogkonferens Örebro' });
  });
  afterAll(async () => {
    await test?.close();
  });

  const shown = async () => {
    const html = await fetch(`${test.url}/c/${c.slug}`).then((r) => r.text());
    const stamp = /name="_stamp" value="([^"]+)"/.exec(html)?.[1];
    if (!stamp) throw new Error('no stamp on the form');
    return { html, stamp };
  };
  const send = (fields: Record<string, string>) =>
    fetch(`${test.url}/c/${c.slug}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
  const person = (email: string) => ({ name: 'Lena Holm', email, organisation: 'Örebro kommun', sector: 'municipality', website: '' });
  const registrations = async () => (await api.get(`/api/conferences/${c.id}/registrations`)).body.total as number;

  it('carries a honeypot hidden from people and screen readers, and a signed stamp', async () => {
    const { html } = await shown();
    expect(html).toMatch(/<div class="honeypot" aria-hidden="true"><label for="website">Website<\/label><input id="website" name="website" tabindex="-1" autocomplete="off"><\/div>/);
  });

  it('answers a form sent too fast, with the honeypot filled, or without a valid stamp like an invalid form, keeping what was typed', async () => {
    const { stamp } = await shown();
    const attempts = [
      { ...person('fast@example.org'), _stamp: stamp },
      { ...person('pot@example.org'), _stamp: stamp, website: 'https://spam.example' },
      { ...person('nostamp@example.org') },
      { ...person('forged@example.org'), _stamp: `${Date.parse('2030-09-01T11:00:00+02:00')}.forged` },
    ];
    for (const [i, fields] of attempts.entries()) {
      if (i === 1) clock.advance(5_000);
      const res = await send(fields);
      const page = await res.text();
      expect({ i, status: res.status }).toEqual({ i, status: 400 });
      expect(page).toContain('Anmälan kunde inte tas emot. Kontrollera uppgifterna och skicka den igen.');
      expect(page).toContain(`value="${fields.email}"`);
      expect(page).toContain('value="Lena Holm"');
      // It does not tell what gave it away.
      const summary = /<div[^>]*id="error-summary"[\s\S]*?<\/div>/.exec(page)?.[0] ?? '';
      expect(summary).toContain('Anmälan kunde inte tas emot');
      expect(summary).not.toMatch(/bot|honeypot|website|snabbt|sekunder/i);
      // A fresh stamp to send it again with.
      expect(page).toMatch(/name="_stamp" value="\d+\.[\w-]+"/);
    }
    expect(await registrations()).toBe(0);
  });

  it('registers a person who took their time, and leaves the JSON API to the rate limit', async () => {
    const { stamp } = await shown();
    clock.advance(4_000);
    const res = await send({ ...person('lena.holm@example.org'), _stamp: stamp });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/r\/[\w-]+\?welcome=1$/);
    expect((await new ApiClient(test.url).post(`/api/public/conferences/${c.slug}/registrations`, participant())).status).toBe(201);
    expect(await registrations()).toBe(2);
  });
});

import { DataSource } from 'typeorm';
import { MailComposer, MailTexts } from '@dialogdag/mail';
import { personalLink, ReceivedMail, TestSmtpServer } from './support/smtp';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

/** A conference's own introduction and closing in its automatic e-mails, through the real outbox and SMTP server. */
describe('adapted texts of the automatic e-mails', () => {
  let test: TestApp;
  let smtp: TestSmtpServer;
  let api: ApiClient;
  let conference: { id: string; slug: string };
  const texts = () => `/api/conferences/${conference.id}/mail-texts`;

  const register = async (name: string, lang: 'sv' | 'en' = 'sv', overrides: Record<string, unknown> = {}) => {
    const body = participant({ name, email: `${name.toLowerCase().replace(/\W/g, '')}-${Date.now()}@example.org`, ...overrides });
    const res = await new ApiClient(test.url).post(`/api/public/conferences/${conference.slug}/registrations?lang=${lang}`, body);
    expect(res.status).toBe(201);
    return { id: res.body.id as string, email: body.email as string, token: res.body.manageToken as string };
  };
  const mailTo = async (email: string, subject: RegExp): Promise<ReceivedMail> => (await smtp.waitFor((m) => m.to === email && subject.test(m.subject), 1))[0];
  const paragraphs = (mail: ReceivedMail) => mail.text.trim().split(/\n\n/);
  const put = (client: ApiClient, path: string, body: unknown) => client.request('PUT', path, body);

  beforeAll(async () => {
    smtp = new TestSmtpServer();
    await smtp.start();
    test = await startTestApp({ env: { SMTP_URL: smtp.url } });
    api = (await organiserClient(test)).api;
    conference = await publishedConference(api, { capacity: 10, title: 'Dialogkonferens Skåne' });
  });

  afterAll(async () => {
    await test?.close();
    await smtp?.stop();
  });

  it('puts an adapted confirmation text in the next confirmation, with the fee sentence still the generated one', async () => {
    const before = await register('Amina Hassan');
    const plain = await mailTo(before.email, /^Bekräftelse/);

    const saved = await put(api, `${texts()}/registration_confirmed`, {
      language: 'sv',
      intro: 'Välkommen, {name}! Ingången till {venue} är från parken <vid fontänen>.\r\n\r\nVi ses {date}.',
      closing: 'Frågor? Ring Eva på 070-123 45 67. Din sida: {personalLink}',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ kind: 'registration_confirmed', label: 'Confirmation', carriesPersonalLink: true, texts: { en: null } });
    expect(saved.body.texts.sv).toMatchObject({ intro: 'Välkommen, {name}! Ingången till {venue} är från parken <vid fontänen>.\n\nVi ses {date}.', updatedBy: { name: 'Test Organiser' } });

    const after = await register('Brian Berg');
    const adapted = await mailTo(after.email, /^Bekräftelse/);
    const shown = paragraphs(adapted);
    expect(shown[0]).toBe('Hej Brian Berg!');
    expect(shown[1]).toBe('Välkommen, Brian Berg! Ingången till Folkets Hus, Norra Grängesbergsgatan 12, Malmö är från parken <vid fontänen>.');
    expect(shown[2]).toBe('Vi ses söndag 20 oktober 2030 09:00–16:00.');
    // The generated paragraphs follow, word for word as in the e-mail before the change: the fee sentence among them.
    const generated = paragraphs(plain).slice(1, -3).map((p) => p.replace('Amina Hassan', 'Brian Berg'));
    expect(generated.some((p) => p.includes('avgift på 400 kr'))).toBe(true);
    expect(shown.slice(3, 3 + generated.length).map((p) => p.replace(/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/, 'CODE'))).toEqual(
      generated.map((p) => p.replace(/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/, 'CODE')),
    );
    // The closing comes last before the facts, the link and the signature; its {personalLink} is the e-mail's own link.
    const closing = shown[3 + generated.length];
    expect(closing).toBe(`Frågor? Ring Eva på 070-123 45 67. Din sida: ${personalLink(adapted)}`);
    expect(adapted.text.trim().endsWith(`${personalLink(adapted)}\n\nVälkommen! /Arrangörerna`)).toBe(true);
    expect(adapted.html).toContain('<p>Välkommen, Brian Berg! Ingången till Folkets Hus, Norra Grängesbergsgatan 12, Malmö är från parken &lt;vid fontänen&gt;.</p>');
    expect(adapted.html.indexOf('fontänen')).toBeLessThan(adapted.html.indexOf('avgift på 400 kr'));
    expect(adapted.attachments.map((a) => a.contentType)).toContain('image/png');

    // English is adapted on its own: an English registration still gets the default text.
    const english = await register('Chris Doe', 'en');
    expect((await mailTo(english.email, /^Confirmation/)).text).not.toContain('fontänen');
    await put(api, `${texts()}/registration_confirmed`, { language: 'en', intro: 'The entrance to {venue} is from the park.' });
    const english2 = await register('Dana Doe', 'en');
    expect(paragraphs(await mailTo(english2.email, /^Confirmation/))[1]).toBe('The entrance to Folkets Hus, Norra Grängesbergsgatan 12, Malmö is from the park.');

    // Reset is one request; the next confirmation is the default again.
    const reset = await api.delete(`${texts()}/registration_confirmed?language=sv`);
    expect(reset.status).toBe(200);
    expect(reset.body.texts.sv).toBeNull();
    expect(reset.body.texts.en).not.toBeNull();
    const later = await register('Erik Ek');
    expect((await mailTo(later.email, /^Bekräftelse/)).text).not.toContain('fontänen');
  });

  it('lists every adaptable e-mail, and reads one', async () => {
    const list = await api.get(texts());
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(11);
    expect(list.body.items.map((i: { kind: string }) => i.kind)).toEqual([
      'registration_confirmed', 'registration_waitlisted', 'registration_promoted', 'registration_cancelled', 'registration_transferred_in',
      'registration_transferred_out', 'registration_reminder', 'workshop_assignment', 'travel_claim_received', 'travel_claim_decided', 'travel_claim_paid',
    ]);
    const cancelled = list.body.items.find((i: { kind: string }) => i.kind === 'registration_cancelled');
    expect(cancelled).toMatchObject({ carriesPersonalLink: false, texts: { sv: null, en: null }, previewPath: `${texts()}/registration_cancelled/preview` });
    expect(cancelled.generated).toContain('fee');
    expect((await api.get(`${texts()}/registration_reminder`)).body).toMatchObject({ kind: 'registration_reminder', label: 'Reminder' });
    // The pages speak English too.
    const asOrganiser = { headers: { authorization: `Bearer ${(api as unknown as { token: string }).token}` } };
    const page = await (await fetch(`${test.url}/admin/conferences/${conference.id}/messages/texts?lang=en`, asOrganiser)).text();
    expect(page).toContain('<h1>Automatic e-mails: Dialogkonferens Skåne</h1>');
    expect(page).toContain('Travel claim decision');
    const edit = await (await fetch(`${test.url}/admin/conferences/${conference.id}/messages/texts/registration_cancelled?lang=en`, asOrganiser)).text();
    expect(edit).toContain('<label for="intro.sv">Introduction (after the greeting)</label>');
    expect(edit).toContain('This e-mail carries no personal link');
    expect((await fetch(`${test.url}/admin/conferences/${conference.id}/messages/texts/book_keeping`, asOrganiser)).status).toBe(404);
    // Every one of them can be previewed, each in both languages, the greeting first.
    for (const { kind } of list.body.items as Array<{ kind: string }>) {
      const preview = await api.post(`${texts()}/${kind}/preview`, { texts: { sv: { intro: 'Egen inledning.' }, en: { closing: 'Own closing.' } } });
      expect(preview.status).toBe(200);
      expect(preview.body.previews.sv.text.split('\n\n')[1]).toBe('Egen inledning.');
      expect(preview.body.previews.en.text).toMatch(/Own closing\.\n\n/);
    }
  });

  it('refuses bad texts with a 400 naming the field, and strangers with 404', async () => {
    const refused = async (kind: string, body: unknown, pattern: RegExp, status = 400) => {
      const res = await put(api, `${texts()}/${kind}`, body);
      expect(res.status).toBe(status);
      expect([res.body.message].flat().join(' ')).toMatch(pattern);
    };
    await refused('registration_confirmed', { language: 'sv', intro: 'Hej {namn}!' }, /intro: unknown placeholder \{namn\}/);
    await refused('registration_confirmed', { language: 'sv', closing: 'x'.repeat(2001) }, /closing: at most 2,000 characters/);
    await refused('registration_cancelled', { language: 'sv', closing: 'Se {personalLink}' }, /closing: this e-mail carries no personal link/);
    await refused('registration_confirmed', { language: 'de', intro: 'Hallo' }, /language must be sv or en/);
    await refused('registration_confirmed', { language: 'sv', intro: 42 }, /intro must be text/);
    await refused('book_keeping', { language: 'sv', intro: 'Hej' }, /no automatic e-mail of that kind/i, 404);
    expect((await api.delete(`${texts()}/registration_confirmed?language=fi`)).status).toBe(400);
    // Empty both is the default text.
    await put(api, `${texts()}/registration_waitlisted`, { language: 'sv', intro: 'Håll ut!' });
    const emptied = await put(api, `${texts()}/registration_waitlisted`, { language: 'sv', intro: '  ', closing: '' });
    expect(emptied.status).toBe(200);
    expect(emptied.body.texts.sv).toBeNull();

    const other = (await organiserClient(test)).api;
    expect((await other.get(texts())).status).toBe(404);
    expect((await put(other, `${texts()}/registration_confirmed`, { language: 'sv', intro: 'Hej' })).status).toBe(404);
    expect((await other.post(`${texts()}/registration_confirmed/preview`, {})).status).toBe(404);
    expect((await new ApiClient(test.url).get(texts())).status).toBe(401);
  });

  it('previews a draft for a chosen registration in both languages, sending nothing', async () => {
    const person = await register('Fatima Ali', 'en');
    await smtp.waitFor((m) => m.to === person.email, 1);
    await put(api, `${texts()}/registration_cancelled`, { language: 'sv', intro: 'Tråkigt att du inte kan komma, {name}.' });
    const outboxBefore = (await api.get(`/api/conferences/${conference.id}/outbox`)).body.total;
    const preview = await api.post(`${texts()}/registration_cancelled/preview`, { registrationId: person.id, texts: { en: { intro: 'Sorry you cannot come, {name}.', closing: 'See you {date}?' } } });
    expect(preview.status).toBe(200);
    expect(preview.body.recipient).toMatchObject({ id: person.id, name: 'Fatima Ali', language: 'en' });
    expect(preview.body.previews.en.adapted).toBe(true);
    expect(preview.body.previews.en.text.split('\n\n').slice(0, 3)).toEqual(['Dear Fatima Ali,', 'Sorry you cannot come, Fatima Ali.', 'Your registration for Dialogkonferens Skåne is cancelled.']);
    expect(preview.body.previews.en.text).toContain('See you Sunday');
    // The stored Swedish text, since no Swedish draft was given.
    expect(preview.body.previews.sv.text).toContain('Tråkigt att du inte kan komma, Fatima Ali.');
    expect(preview.body.previews.sv.subject).toBe('Avbokning: Dialogkonferens Skåne');
    // An empty draft previews the default text.
    const plain = await api.post(`${texts()}/registration_cancelled/preview`, { texts: { sv: { intro: '', closing: '' } } });
    expect(plain.body.previews.sv).toMatchObject({ adapted: false });
    expect(plain.body.previews.sv.text).not.toContain('Tråkigt');
    expect((await api.post(`${texts()}/registration_cancelled/preview`, { texts: { sv: { intro: '{plats}' } } })).body.message).toEqual(expect.stringContaining('texts.sv.intro'));
    expect((await api.post(`${texts()}/registration_cancelled/preview`, { registrationId: '00000000-0000-4000-8000-000000000000' })).status).toBe(400);
    // The workshop e-mail's preview is built by the workshops lib's own template.
    const workshop = await api.post(`${texts()}/workshop_assignment/preview`, { texts: { sv: { intro: 'Hej!' } } });
    expect(workshop.body.previews.sv.text).toContain('Landsbygd i dialog, Sal A, dialoggrupp 1');
    const claim = await api.post(`${texts()}/travel_claim_decided/preview`, {});
    expect(claim.body.previews.sv.text).toContain('RE-00001');
    expect(claim.body.previews.en.text).toContain('RE-00001');
    expect(workshop.body.previews.sv.text.split('\n\n')[1]).toBe('Hej!');
    await new Promise((r) => setTimeout(r, 200));
    expect((await api.get(`/api/conferences/${conference.id}/outbox`)).body.total).toBe(outboxBefore);
  });

  it('adapts the workshop e-mail as the workshops lib sends it, {workshop} filled', async () => {
    const c = await publishedConference(api, { capacity: 5 });
    const ws = await api.post(`/api/conferences/${c.id}/workshops`, { title: 'Hälsa', theme: 'Dialog om hälsa', capacity: 5, room: 'Sal B' });
    const gustav = participant({ name: 'Gustav', workshopPreferences: [ws.body.id] });
    const res = await new ApiClient(test.url).post(`/api/public/conferences/${c.slug}/registrations`, gustav);
    expect(res.status).toBe(201);
    expect((await api.post(`/api/conferences/${c.id}/workshop-assignment`)).status).toBe(200);
    expect((await put(api, `/api/conferences/${c.id}/mail-texts/workshop_assignment`, { language: 'sv', closing: 'Din plats: {workshop}. Ta med frågor till {conference}!' })).status).toBe(200);
    expect((await api.post(`/api/conferences/${c.id}/workshop-assignment/notify`)).status).toBe(200);
    const mail = (await smtp.waitFor((m) => m.to === gustav.email && /workshop/i.test(m.subject), 1))[0];
    expect(mail.text).toMatch(/Din plats: Hälsa, Sal B \(1\)\. Ta med frågor till Dialogkonferens Skåne!\n\n/);
  });

  it('adapts the travel claim e-mails as the reimbursements lib sends them', async () => {
    const c = await publishedConference(api, { capacity: 5 });
    const hanna = participant({ name: 'Hanna', sector: 'civil_society', isVolunteer: true });
    const res = await new ApiClient(test.url).post(`/api/public/conferences/${c.slug}/registrations`, hanna);
    expect(res.status).toBe(201);
    const path = `/api/conferences/${c.id}/mail-texts`;
    expect((await put(api, `${path}/travel_claim_received`, { language: 'sv', closing: 'Ansökan: {personalLink}' })).status).toBe(200);
    expect((await put(api, `${path}/travel_claim_decided`, { language: 'sv', intro: 'Tack för tålamodet, {name}.', closing: 'Frågor om beslutet? Svara på det här e-brevet.' })).status).toBe(200);
    const claim = await new ApiClient(test.url).post(`/api/public/registrations/${res.body.manageToken}/travel-claim`, { fromPlace: 'Kiruna', roundTripKm: 240, mode: 'car' });
    expect(claim.status).toBe(201);
    const [received] = await smtp.waitFor((m) => m.to === hanna.email && /reseersättning/i.test(m.subject) && m.text.includes('Ansökan:'), 1);
    // {personalLink} is the link the e-mail itself carries: the claim's page.
    const link = /https?:\/\/\S+\/r\/\S+/.exec(received.text.split('Ansökan: ')[1])![0];
    expect(received.text).toContain(`${link}\n\n`);
    expect((await api.patch(`/api/travel-claims/${claim.body.id}`, { decision: 'approved' })).status).toBe(200);
    const [decided] = await smtp.waitFor((m) => m.to === hanna.email && m.text.includes('Tack för tålamodet'), 1);
    const shown = decided.text.split('\n\n');
    expect(shown[1]).toBe('Tack för tålamodet, Hanna.');
    expect(shown[2]).toContain('600'); // the approved amount, as generated
    expect(shown).toContain('Frågor om beslutet? Svara på det här e-brevet.');
  });

  it('reads the texts of a whole batch of e-mails in one query', async () => {
    await put(api, `${texts()}/registration_confirmed`, { language: 'sv', intro: 'Hej {name}, vi ses {date} på {venue}.' });
    const composer = test.app.get(MailComposer);
    const c = (await api.get(`/api/conferences/${conference.id}`)).body;
    const mails = Array.from({ length: 200 }, (_, i) =>
      composer.registrationConfirmed({
        lang: i % 2 ? 'sv' : 'en',
        to: `p${i}@example.org`,
        name: `Person ${i}`,
        registrationId: '00000000-0000-4000-8000-' + String(i).padStart(12, '0'),
        conference: { id: c.id, title: c.title, startsAt: new Date(c.startsAt), endsAt: new Date(c.endsAt), venue: 'Folkets Hus', cancellationDeadline: new Date(c.cancellationDeadline), cancellationFeeText: '400 kr' },
        manageUrl: `https://dialogdag.example/r/t${i}`,
      }),
    );
    const runner = test.app.get(DataSource).createQueryRunner();
    const query = jest.spyOn(runner, 'query');
    try {
      const adapted = await test.app.get(MailTexts).adapt(runner.manager, mails);
      // The texts of all 200, then the conference once.
      expect(query).toHaveBeenCalledTimes(2);
      expect(adapted[1].text).toContain('Hej Person 1, vi ses söndag 20 oktober 2030');
      // English has its own text (set in the first test), found by the same query.
      expect(adapted[0].text).toContain('The entrance to Folkets Hus, Norra Grängesbergsgatan 12, Malmö is from the park.');
      expect(adapted[0].text).not.toContain('vi ses');
    } finally {
      await runner.release();
    }
  });
});

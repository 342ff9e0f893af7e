import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { ManualClock } from '@dialogdag/shared';
import { registerPeople } from '../libs/reports/src/testing/api-fixture';
import { stockholmPeople } from '../libs/reports/src/testing/stockholm.fixture';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

/** PDF text: poppler's pdftotext when installed (CI installs it), else the inflated content streams' literal strings. */
function pdfText(pdf: Buffer): string {
  if (existsSync('/usr/bin/pdftotext')) {
    const file = join(mkdtempSync(join(tmpdir(), 'report-')), 'r.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  }
  const text: string[] = [];
  for (const m of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    try {
      text.push(inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1'));
    } catch {
      // not a deflated stream (fonts, images)
    }
  }
  return text.join(' ');
}

/** Group-work notes, the evaluation and the report draft (Markdown, PDF, preview page), and the pages around them. */
describe('report draft, notes, evaluation and pages', () => {
  let test: TestApp;
  let api: ApiClient;
  let other: ApiClient;
  let anonymous: ApiClient;
  let token: string;
  let c: { id: string; slug: string };
  let seatHolder: { id: string; manageToken: string };
  const clock = new ManualClock('2030-10-20T08:00:00+02:00');

  const get = async (path: string, auth = true) => {
    const res = await fetch(test.url + path, { headers: auth ? { authorization: `Bearer ${token}` } : {}, redirect: 'manual' });
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: Buffer.from(await res.arrayBuffer()) };
  };
  const form = (path: string, fields: Record<string, string>) =>
    fetch(test.url + path, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

  beforeAll(async () => {
    test = await startTestApp({ clock });
    api = (await organiserClient(test)).api;
    token = (api as unknown as { token: string }).token;
    other = (await organiserClient(test)).api;
    anonymous = new ApiClient(test.url);
    c = await publishedConference(api, { title: 'Dialogkonferens Stockholm', capacity: 200, venue: { name: 'Folkets Hus', address: 'Barnhusgatan 12', city: 'Stockholm' } });
    const speaker = await api.post(`/api/conferences/${c.id}/speakers`, { name: 'Karl Ahmadi', title: 'Länsråd', organisation: 'Länsstyrelsen i Stockholms län', sector: 'county_board' });
    await api.post(`/api/conferences/${c.id}/programme-items`, { startsAt: '2030-10-20T09:45', endsAt: '2030-10-20T10:30', kind: 'talk', title: 'Parternas utgångspunkter', speakers: [{ speakerId: speaker.body.id, role: 'speaker' }] });
    seatHolder = (await api.post(`/api/conferences/${c.id}/registrations`, participant({ sector: 'civil_society', organisation: 'ABF Stockholm' }))).body;
    await registerPeople((p, b) => api.post(p, b), c.id, stockholmPeople().slice(1), c.slug);
    expect((await api.post(`/api/conferences/${c.id}/registrations/${seatHolder.id}/check-in`)).status).toBe(200);
  }, 180_000); // registers some 130 people: minutes on a busy shared machine
  afterAll(async () => {
    await test?.close();
  });

  it('records group notes by organisers and by a note-taker link, and compiles them per theme', async () => {
    const bostad = await api.post(`/api/conferences/${c.id}/group-notes`, { theme: 'Bostad', groupName: 'Bord 1', obstacles: 'Trångboddhet\nHöga hyror' });
    expect(bostad.status).toBe(201);
    expect(bostad.body.noteTakerUrl).toMatch(/\/n\/[A-Za-z0-9_-]{43}$/);
    const link = new URL(bostad.body.noteTakerUrl).pathname;
    const noteToken = link.split('/')[2];
    expect((await anonymous.request('PUT', `/api/public/group-notes/${noteToken}`, { opportunities: 'Hyresgästföreningen', proposals: 'Fler lägenheter' })).status).toBe(200);
    // The page works without JavaScript: a plain form post, then the saved notes.
    const page = await get(link, false);
    expect(page.body.toString()).toContain('Bord 1');
    const posted = await form(link, { obstacles: 'Trångboddhet\nHöga hyror\n<script>alert(1)</script>', opportunities: 'Hyresgästföreningen', proposals: 'Fler lägenheter' });
    expect(posted.status).toBe(303);
    expect((await get(`${link}?saved=1`, false)).body.toString()).toContain('&lt;script&gt;');
    await api.post(`/api/conferences/${c.id}/group-notes`, { theme: 'bostad', groupName: 'Bord 2', obstacles: 'höga hyror', proposals: 'Bostadsrådgivning på flera språk' });
    await api.post(`/api/conferences/${c.id}/group-notes`, { theme: 'Arbete', groupName: 'Bord 3', opportunities: 'Praktikplatser i kommunen' });
    const list = await api.get(`/api/conferences/${c.id}/group-notes`);
    expect(list.body.total).toBe(3);
    expect(list.body.items[0].noteTakerUrl).toBeUndefined();
    // A new link replaces the old one.
    const renewed = await api.post(`/api/conferences/${c.id}/group-notes/${bostad.body.id}/note-taker-link`);
    expect(renewed.body.noteTakerUrl).not.toBe(bostad.body.noteTakerUrl);
    expect((await anonymous.get(`/api/public/group-notes/${noteToken}`)).status).toBe(404);
    expect((await anonymous.get(`/api/public/group-notes/short`)).status).toBe(404);
    expect((await api.post(`/api/conferences/${c.id}/group-notes`, { groupName: '' })).status).toBe(400);
    expect((await api.post(`/api/conferences/${c.id}/group-notes`, { groupName: 'x', obstacles: 'a'.repeat(6000) })).status).toBe(400);
    expect((await other.get(`/api/conferences/${c.id}/group-notes`)).status).toBe(404);
    expect((await api.patch(`/api/conferences/${c.id}/group-notes/not-a-uuid`, { theme: 'x' })).status).toBe(404);
  });

  it('offers the evaluation after the conference, keeps answers anonymous and summarises them', async () => {
    const path = `/api/public/registrations/${seatHolder.manageToken}/evaluation`;
    const early = await anonymous.post(path, { ratings: { r1: 5, r2: 5, r3: 5, r4: 5 } });
    expect(early.body).toMatchObject({ code: 'evaluation_not_open' });
    expect(early.status).toBe(409);
    expect((await api.request('PUT', `/api/conferences/${c.id}/evaluation`, { ratings: ['Helhetsintryck', 'Dialogen mellan parterna'], questions: ['Vad var bäst?'] })).status).toBe(200);
    expect((await get(`/r/${seatHolder.manageToken}`, false)).body.toString()).not.toContain('Fyll i utvärderingen');
    clock.set('2030-10-20T16:30:00+02:00');
    // The personal page offers it once the day is over.
    expect((await get(`/r/${seatHolder.manageToken}`, false)).body.toString()).toContain(`href="/r/${seatHolder.manageToken}/evaluation?lang=sv">Fyll i utvärderingen</a>`);
    expect((await anonymous.get(path)).body).toMatchObject({ window: 'open', form: { ratings: [{ key: 'r1', label: 'Helhetsintryck' }, { key: 'r2' }] } });
    // Hostile or sloppy input: always a 4xx naming the field, never a 500.
    for (const body of [{ ratings: { r1: 7, r2: 4 }, answers: {} }, { ratings: 'x' }, { ratings: { r1: '5', r2: 4 } }, { ratings: { r1: 5, r2: 4 }, answers: { q1: 5 } }, { ratings: { r1: 5, r2: 4, r9: 1 } }, { ratings: { r1: 5, r2: 4 }, answers: { q1: 'x'.repeat(3000) } }]) {
      const res = await anonymous.post(path, body);
      expect([res.status, JSON.stringify(res.body.message)]).toEqual([400, expect.stringMatching(/ratings|answers/)]);
    }
    expect((await anonymous.request('POST', path, '{not json')).status).toBe(400);
    expect((await anonymous.post(`/api/public/registrations/${'x'.repeat(90)}/evaluation`, { ratings: {} })).status).toBe(404);
    expect((await api.request('PUT', `/api/conferences/${c.id}/evaluation`, { ratings: ['', ' '], questions: [] })).status).toBe(400);
    expect((await anonymous.post(path, { ratings: { r1: 5, r2: 4 }, answers: { q1: 'Samtalen vid borden' } })).status).toBe(200);
    // Answering again replaces the answer; still one response.
    expect((await anonymous.post(path, { ratings: { r1: 4, r2: 4 }, answers: { q1: 'Samtalen vid borden' } })).status).toBe(200);
    // Through the page too, without JavaScript.
    const page = (await get(`/r/${seatHolder.manageToken}/evaluation`, false)).body.toString();
    expect(page).toContain('Helhetsintryck');
    expect(page).toMatch(/name="ratings.r1" value="4" checked/);
    const incomplete = await form(`/r/${seatHolder.manageToken}/evaluation`, { 'ratings.r1': '5' });
    expect(incomplete.status).toBe(422);
    expect(await incomplete.text()).toContain('Välj ett betyg för varje fråga.');
    const summary = await api.get(`/api/conferences/${c.id}/evaluation/summary`);
    expect(summary.body).toMatchObject({ responses: 1, ratings: [{ label: 'Helhetsintryck', average: 4, count: 1 }, { average: 4 }], questions: [{ answers: ['Samtalen vid borden'] }] });
    expect(JSON.stringify(summary.body)).not.toMatch(/Amina|example\.org/);
    expect((await api.request('PUT', `/api/conferences/${c.id}/evaluation`, { ratings: ['Annat'], questions: [] })).status).toBe(409);
    expect((await api.request('PUT', `/api/conferences/${c.id}/evaluation`, { ratings: 'x', questions: [] })).status).toBe(400);
    clock.set('2030-12-01T12:00:00+01:00');
    expect((await anonymous.post(path, { ratings: { r1: 4, r2: 4 } })).status).toBe(409);
    clock.set('2030-10-20T16:30:00+02:00');
  });

  it('drafts the report in Markdown with the exact figures, programme, outcomes and evaluation', async () => {
    const res = await get(`/api/conferences/${c.id}/report.md`);
    expect(res.type).toBe('text/markdown; charset=utf-8');
    const md = res.body.toString('utf8');
    expect(md).toContain('# Dialogkonferens Stockholm – sammanfattande rapport');
    expect(md).toContain('120 personer deltog: 80 från idéburna organisationer, 30 från offentlig sektor (varav 6 förtroendevalda politiker) och 10 från näringsliv och övriga.');
    expect(md).toContain('Sammanlagt var 41 organisationer representerade, bland dem 6 kommuner och 2 regioner.');
    expect(md).toContain('- 09:45–10:30 Parternas utgångspunkter: Karl Ahmadi, Länsråd, Länsstyrelsen i Stockholms län (talare)');
    expect(md).toMatch(/### Bostad\n\nGrupper: Bord 1 och Bord 2\.\n\nHinder:\n\n- Trångboddhet\n- Höga hyror\n- \\<script\\>alert\(1\)\\<\/script\\>\n\nMöjligheter:/);
    expect(md).toContain('- Bostadsrådgivning på flera språk');
    expect(md).toContain('- Helhetsintryck: 4,0 av 5 (1 svar)');
    expect(md).toContain('- Samtalen vid borden');
    const en = (await get(`/api/conferences/${c.id}/report?format=md&lang=en`)).body.toString('utf8');
    expect(en).toContain('120 people took part: 80 from civil-society organisations, 30 from the public sector, among them 6 elected politicians, and 10 from business and others.');
    expect((await get(`/api/conferences/${c.id}/report?format=docx`)).status).toBe(400);
    expect((await other.get(`/api/conferences/${c.id}/report`)).status).toBe(404);
  });

  it('drafts the report as a PDF that opens and holds the figures', async () => {
    const res = await get(`/api/conferences/${c.id}/report.pdf`);
    expect(res.type).toBe('application/pdf');
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.body);
    if (existsSync('/usr/bin/pdftotext')) {
      expect(text).toContain('120 personer deltog: 80 från idéburna organisationer, 30 från offentlig sektor (varav 6 förtroendevalda politiker) och 10 från näringsliv och övriga.');
      expect(text).toContain('Parternas utgångspunkter');
      expect(text).toContain('Trångboddhet');
    } else expect(text).toMatch(/Tj|TJ/);
  });

  it('shows the summary, series and report pages with tables, SVG charts and a print view', async () => {
    const summary = (await get(`/admin/conferences/${c.id}/attendance`)).body.toString();
    expect(summary).toContain('<h1>Deltagarsammanställning: Dialogkonferens Stockholm</h1>');
    expect(summary).toMatch(/<dt>Deltog \(incheckade\)<\/dt><dd>120<\/dd>/);
    expect(summary).toMatch(/<th scope="row">Civilsamhället<\/th><td class="num">86<\/td><td class="num">80<\/td>/);
    expect(summary).toContain('<svg');
    expect(summary).toContain('role="img"');
    expect(summary).not.toContain('<script');
    const print = (await get(`/admin/conferences/${c.id}/attendance?print=1`)).body.toString();
    expect(print).toContain('class="print"');
    expect(print).not.toContain('site-header');
    const report = (await get(`/admin/conferences/${c.id}/report`)).body.toString();
    expect(report).toContain('120 personer deltog');
    expect((await get(`/admin/conferences/${c.id}/group-notes`)).body.toString()).toContain('Bord 3');
    expect((await get(`/admin/conferences/${c.id}/evaluation`)).body.toString()).toContain('Samtalen vid borden');
    const s = await api.post('/api/series', { title: 'Regionala konferenser 2030' });
    await api.post(`/api/series/${s.body.id}/conferences`, { conferenceId: c.id });
    const series = (await get(`/admin/series/${s.body.id}`)).body.toString();
    expect(series).toContain('<h1>Regionala konferenser 2030</h1>');
    expect(series).toMatch(/<td class="num">130<\/td><td class="num">120<\/td>/);
    expect((await get('/admin/series')).body.toString()).toContain('Regionala konferenser 2030');
    expect((await get(`/admin/series/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await get(`/admin/conferences/${c.id}/attendance`, false)).status).toBe(303);
  });
});

import { scheduleJsonProblems, scheduleXmlProblems } from './support/schedule-validation';
import { ApiClient, conferenceInput, organiserClient, publishedConference, startTestApp, TestApp } from './support/test-app';

const at = (hhmm: string) => `2030-10-20T${hhmm}:00+02:00`;

interface Item {
  id: string;
  title: string;
  kind: string;
  room: string | null;
  startsAt: string;
  endsAt: string;
  speakers: Array<{ speakerId: string; name: string; title: string; organisation: string; role: string }>;
}
interface Slot {
  startsAt: string;
  endsAt: string;
  items: Item[];
}
interface FrabEvent {
  type: string;
  persons: Array<{ public_name: string }>;
}

describe('programme and speakers', () => {
  let test: TestApp;
  let api: ApiClient;
  let other: ApiClient;
  let anonymous: ApiClient;

  beforeAll(async () => {
    test = await startTestApp();
    api = (await organiserClient(test)).api;
    other = (await organiserClient(test)).api;
    anonymous = new ApiClient(test.url);
  });

  afterAll(async () => {
    await test?.close();
  });

  const addSpeaker = async (conferenceId: string, body: Record<string, unknown>) => {
    const res = await api.post(`/api/conferences/${conferenceId}/speakers`, { sector: 'civil_society', title: '', organisation: '', ...body });
    expect(res.status).toBe(201);
    return res.body as { id: string; name: string };
  };
  const addItem = async (conferenceId: string, body: Record<string, unknown>) => {
    const res = await api.post(`/api/conferences/${conferenceId}/programme-items`, body);
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Item;
  };

  it('manages speakers: create, list, read, change, validate, delete', async () => {
    const conference = await publishedConference(api);
    const base = `/api/conferences/${conference.id}/speakers`;
    const created = await api.post(base, { name: 'Amina Hassan', title: 'Integrationsstrateg', organisation: 'Malmö stad', sector: 'municipality', email: 'amina@example.org' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Amina Hassan', title: 'Integrationsstrateg', organisation: 'Malmö stad', sector: 'municipality', email: 'amina@example.org', status: 'invited' });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);

    const list = await api.get(base);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: created.body.id }] });
    expect((await api.get(`${base}/${created.body.id}`)).body.name).toBe('Amina Hassan');
    const changed = await api.patch(`${base}/${created.body.id}`, { status: 'confirmed', email: null });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ status: 'confirmed', email: null });

    const bad = await api.post(base, { name: '', sector: 'church', email: 'nope' });
    expect(bad.status).toBe(400);
    const text = bad.body.message.join(' ');
    for (const field of ['name', 'sector', 'email', 'title', 'organisation']) expect(text).toMatch(field);

    expect((await api.delete(`${base}/${created.body.id}`)).status).toBe(204);
    expect((await api.get(`${base}/${created.body.id}`)).status).toBe(404);
    expect((await api.get(`${base}/not-a-uuid`)).status).toBe(404);
  });

  it('enters a real programme from an invitation, with a chaired panel and parallel workshops, and shifts it after lunch', async () => {
    const conference = await publishedConference(api, { title: 'Dialogkonferens Skåne', venue: { name: 'Folkets Hus', address: 'Norra Grängesbergsgatan 12', city: 'Malmö' } });
    const id = conference.id;
    const moderator = await addSpeaker(id, { name: 'Eva Lindqvist', title: 'Journalist', organisation: 'Sveriges Radio', sector: 'business' });
    const state = await addSpeaker(id, { name: 'Johan Berg', title: 'Departementssekreterare', organisation: 'Regeringskansliet', sector: 'government_offices' });
    const municipality = await addSpeaker(id, { name: 'Maria Ek', title: 'Kommunalråd', organisation: 'Malmö stad', sector: 'municipality' });
    const civil = await addSpeaker(id, { name: 'Ali Yilmaz', title: 'Ordförande', organisation: 'Ibn Rushd studieförbund', sector: 'civil_society' });
    const chair = await addSpeaker(id, { name: 'Sara Nilsson', title: 'Samordnare', organisation: 'Länsstyrelsen Skåne', sector: 'county_board' });
    const inspirerA = await addSpeaker(id, { name: 'Karin Holm', title: 'Bostadsstrateg', organisation: 'MKB', sector: 'business' });
    const inspirerB = await addSpeaker(id, { name: 'Omar Said', title: 'Arbetsförmedlare', organisation: 'Arbetsförmedlingen', sector: 'state_agency' });

    const moderatorSet = await api.request('PUT', `/api/conferences/${id}/programme/moderator`, { speakerId: moderator.id });
    expect(moderatorSet.status).toBe(200);
    expect(moderatorSet.body.moderator).toMatchObject({ name: 'Eva Lindqvist', organisation: 'Sveriges Radio' });

    const items = [
      { startsAt: at('09:00'), endsAt: at('09:30'), kind: 'registration', title: 'Registrering och kaffe' },
      { startsAt: at('09:30'), endsAt: at('09:45'), kind: 'welcome', title: 'Välkommen', speakers: [{ speakerId: moderator.id, role: 'speaker' }] },
      {
        startsAt: at('09:45'), endsAt: at('10:30'), kind: 'talk', title: 'Parternas utgångspunkter',
        speakers: [{ speakerId: state.id, role: 'speaker' }, { speakerId: municipality.id, role: 'speaker' }, { speakerId: civil.id, role: 'speaker' }],
      },
      { startsAt: at('10:30'), endsAt: at('10:45'), kind: 'cultural', title: 'Kulturellt inslag: Malmö ungdomskör' },
      { startsAt: at('10:45'), endsAt: at('11:00'), kind: 'break', title: 'Fika' },
      {
        startsAt: at('11:00'), endsAt: at('12:00'), kind: 'panel', title: 'Panelsamtal: Hur går vi från ord till handling?',
        speakers: [{ speakerId: chair.id, role: 'moderator' }, { speakerId: state.id, role: 'panelist' }, { speakerId: civil.id, role: 'panelist' }],
      },
      { startsAt: at('12:00'), endsAt: at('12:15'), kind: 'other', title: 'Information om workshopparna' },
      { startsAt: at('12:15'), endsAt: at('13:15'), kind: 'lunch', title: 'Lunch' },
      { startsAt: at('13:15'), endsAt: at('14:30'), kind: 'workshop', title: 'Workshop: Bostad', room: 'Sal A', speakers: [{ speakerId: inspirerA.id, role: 'inspirer' }] },
      { startsAt: at('13:15'), endsAt: at('14:30'), kind: 'workshop', title: 'Workshop: Arbete', room: 'Sal B', speakers: [{ speakerId: inspirerB.id, role: 'inspirer' }] },
      { startsAt: at('14:30'), endsAt: at('14:45'), kind: 'break', title: 'Paus' },
      { startsAt: at('14:45'), endsAt: at('15:30'), kind: 'group_work', title: 'Arbete i grupper och återkoppling' },
      { startsAt: '15:30', endsAt: '15:45', kind: 'closing', title: 'Från ord till handling – avslutning', speakers: [{ speakerId: moderator.id }] },
    ];
    // Entered out of order, as organisers do.
    for (const item of [...items].reverse()) await addItem(id, item);

    const programme = await api.get(`/api/conferences/${id}/programme`);
    expect(programme.status).toBe(200);
    expect(programme.body.total).toBe(13);
    expect(programme.body.items.map((i: Item) => i.title)).toEqual(items.map((i) => i.title));
    expect(programme.body.items[12]).toMatchObject({ startsAt: at('15:30'), endsAt: at('15:45'), speakers: [{ name: 'Eva Lindqvist', role: 'speaker' }] });
    const panel = programme.body.items.find((i: Item) => i.kind === 'panel');
    expect(panel.speakers).toEqual([
      { speakerId: chair.id, name: 'Sara Nilsson', title: 'Samordnare', organisation: 'Länsstyrelsen Skåne', role: 'moderator' },
      { speakerId: state.id, name: 'Johan Berg', title: 'Departementssekreterare', organisation: 'Regeringskansliet', role: 'panelist' },
      { speakerId: civil.id, name: 'Ali Yilmaz', title: 'Ordförande', organisation: 'Ibn Rushd studieförbund', role: 'panelist' },
    ]);
    expect(programme.body.slots).toHaveLength(12);
    const parallel = programme.body.slots.find((s: Slot) => s.items.length > 1);
    expect(parallel).toMatchObject({ startsAt: at('13:15'), endsAt: at('14:30') });
    expect(parallel.items.map((i: Item) => i.room).sort()).toEqual(['Sal A', 'Sal B']);

    // 15 minutes later after lunch: the workshops and everything after move, all in one go.
    const shifted = await api.post(`/api/conferences/${id}/programme-items/shift`, { after: '13:15', minutes: 15 });
    expect(shifted.status).toBe(200);
    expect(shifted.body.moved).toBe(5);
    const after = (await api.get(`/api/conferences/${id}/programme`)).body.items;
    expect(after.find((i: Item) => i.title === 'Lunch')).toMatchObject({ startsAt: at('12:15'), endsAt: at('13:15') });
    expect(after.find((i: Item) => i.title === 'Workshop: Bostad')).toMatchObject({ startsAt: at('13:30'), endsAt: at('14:45') });
    expect(after[12]).toMatchObject({ startsAt: at('15:45'), endsAt: at('16:00') });

    // Past the end of the day: refused, nothing moved.
    const tooFar = await api.post(`/api/conferences/${id}/programme-items/shift`, { after: at('14:00'), minutes: 10 });
    expect(tooFar.status).toBe(409);
    expect(tooFar.body.message).toMatch(/Från ord till handling – avslutning/);
    expect((await api.get(`/api/conferences/${id}/programme`)).body.items).toEqual(after);

    // Moving group work back into the coffee break (both for everyone) clashes with it: refused, naming the break.
    const intoBreak = await api.post(`/api/conferences/${id}/programme-items/shift`, { after: '15:00', minutes: -30 });
    expect(intoBreak.status).toBe(409);
    expect(intoBreak.body.message).toContain('"Arbete i grupper och återkoppling" would move to 14:30–15:15');
    expect(intoBreak.body.message).toContain('"Paus" (14:45–15:00)');
    expect((await api.get(`/api/conferences/${id}/programme`)).body.items).toEqual(after);

    // The public reads the same programme: JSON, page, printable view, iCalendar, frab schedule.
    const pub = await anonymous.get(`/api/public/conferences/${conference.slug}`);
    expect(pub.status).toBe(200);
    expect(pub.body.programme).toHaveLength(13);
    expect(pub.body.programme[5]).toMatchObject({ kind: 'panel', speakers: [{ name: 'Sara Nilsson', role: 'moderator' }, {}, {}] });
    expect(pub.body.moderator).toMatchObject({ name: 'Eva Lindqvist' });

    const page = await fetch(`${test.url}/c/${conference.slug}`);
    const pageHtml = await page.text();
    expect(page.status).toBe(200);
    expect(pageHtml).toContain('Panelsamtal: Hur går vi från ord till handling?');
    expect(pageHtml).toContain('Sara Nilsson');
    expect(pageHtml).toContain('Länsstyrelsen Skåne');
    expect(pageHtml).toMatch(/class="parallel">[\s\S]*Workshop: (Bostad|Arbete)[\s\S]*Sal [AB][\s\S]*Workshop: (Bostad|Arbete)/);
    expect(pageHtml).toContain('id="register"');

    const printable = await fetch(`${test.url}/c/${conference.slug}/programme`);
    expect(printable.status).toBe(200);
    const printHtml = await printable.text();
    expect(printHtml).toContain('class="print"');
    expect(printHtml).toContain('@media print');
    expect(printHtml).toContain('13:30–14:45');

    const ics = await fetch(`${test.url}/api/public/conferences/${conference.slug}/programme.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/text\/calendar/);
    const icsText = await ics.text();
    expect(icsText.match(/BEGIN:VEVENT/g)).toHaveLength(13);
    expect(icsText).toContain('BEGIN:VTIMEZONE');
    expect(icsText).toMatch(/DTSTART;TZID=Europe\/Stockholm:20301020T133000/);
    expect(icsText).toContain(`UID:${panel.id}@`);
    const again = await (await fetch(`${test.url}/api/public/conferences/${conference.slug}/programme.ics`)).text();
    expect(again.match(/UID:.*/g)).toEqual(icsText.match(/UID:.*/g));

    const json = await anonymous.get(`/api/public/conferences/${conference.slug}/schedule.json`);
    expect(json.status).toBe(200);
    const conf = json.body.schedule.conference;
    expect(scheduleJsonProblems(json.body)).toEqual([]);
    expect(conf).toMatchObject({ acronym: conference.slug.replace(/-/g, '_'), title: 'Dialogkonferens Skåne', start: '2030-10-20', end: '2030-10-20', time_zone_name: 'Europe/Stockholm' });
    expect(conf.timeslot_duration).toMatch(/^\d\d:\d\d$/);
    expect(conf.days).toHaveLength(1);
    const rooms = conf.days[0].rooms;
    expect(Object.keys(rooms).sort()).toEqual(['Folkets Hus', 'Sal A', 'Sal B']);
    expect(rooms['Folkets Hus']).toHaveLength(11);
    const bostad = rooms['Sal A'][0];
    expect(bostad).toMatchObject({ title: 'Workshop: Bostad', start: '13:30', duration: '01:15', room: 'Sal A', type: 'workshop', date: at('13:30'), persons: [{ public_name: 'Karin Holm' }], links: [], attachments: [] });
    expect(bostad.guid).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof bostad.id).toBe('number');
    const panelEvent = rooms['Folkets Hus'].find((e: FrabEvent) => e.type === 'panel');
    expect(panelEvent.persons.map((p: { public_name: string }) => p.public_name)).toEqual(['Sara Nilsson', 'Johan Berg', 'Ali Yilmaz']);

    const xml = await fetch(`${test.url}/api/public/conferences/${conference.slug}/schedule.xml`);
    expect(xml.status).toBe(200);
    expect(xml.headers.get('content-type')).toMatch(/xml/);
    const xmlText = await xml.text();
    expect(xmlText).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<schedule>/);
    expect(xmlText).toContain('<time_zone_name>Europe/Stockholm</time_zone_name>');
    expect(xmlText).toContain('<day index="1" date="2030-10-20"');
    expect(xmlText).toContain('<room name="Sal B">');
    expect(xmlText).toContain(`<event guid="${bostad.guid}" id="${bostad.id}">`);
    expect(xmlText).toContain('<title>Från ord till handling – avslutning</title>');
    expect(xmlText).toContain('<start>13:30</start>');
    expect(xmlText.match(/<event /g)).toHaveLength(13);
    expect(await scheduleXmlProblems(xmlText)).toEqual([]);
  });

  it('refuses clashes with 409 naming the clashing item; items in different rooms run in parallel, with a warning during a plenary item', async () => {
    const conference = await publishedConference(api);
    const id = conference.id;
    const anna = await addSpeaker(id, { name: 'Anna Svensson' });
    const panel = await addItem(id, { startsAt: at('10:00'), endsAt: at('11:00'), kind: 'panel', title: 'Panelsamtal', room: 'Stora salen', speakers: [{ speakerId: anna.id, role: 'moderator' }] });
    expect(panel.speakers).toEqual([{ speakerId: anna.id, name: 'Anna Svensson', title: '', organisation: '', role: 'moderator' }]);

    const sameRoom = await api.post(`/api/conferences/${id}/programme-items`, { startsAt: at('10:30'), endsAt: at('11:30'), kind: 'talk', title: 'Föreläsning', room: ' stora  salen ' });
    expect(sameRoom.status).toBe(409);
    expect(sameRoom.body.message).toContain('"Panelsamtal" (10:00–11:00)');

    const w1 = await addItem(id, { startsAt: at('13:00'), endsAt: at('14:30'), kind: 'workshop', title: 'Workshop: Hälsa', room: 'Sal 1', speakers: [{ speakerId: anna.id, role: 'inspirer' }] });
    const sameSpeaker = await api.post(`/api/conferences/${id}/programme-items`, { startsAt: at('14:00'), endsAt: at('15:00'), kind: 'workshop', title: 'Workshop: Språk', room: 'Sal 2', speakers: [{ speakerId: anna.id, role: 'inspirer' }] });
    expect(sameSpeaker.status).toBe(409);
    expect(sameSpeaker.body.message).toContain('Anna Svensson');
    expect(sameSpeaker.body.message).toContain('"Workshop: Hälsa" (13:00–14:30)');

    const w2 = await addItem(id, { startsAt: at('13:00'), endsAt: at('14:30'), kind: 'workshop', title: 'Workshop: Språk', room: 'Sal 2' });
    expect(w2).toMatchObject({ warnings: [] });
    // A multi-track day: a talk in another room runs beside the workshops.
    const parallelTalk = await api.post(`/api/conferences/${id}/programme-items`, { startsAt: at('13:00'), endsAt: at('13:30'), kind: 'talk', title: 'Föredrag', room: 'Sal 3' });
    expect(parallelTalk.status).toBe(201);
    expect(parallelTalk.body.warnings).toEqual([]);
    // An item for everyone during the workshops is allowed, and the answer names what it overlaps.
    const plenary = await api.post(`/api/conferences/${id}/programme-items`, { startsAt: at('14:00'), endsAt: at('14:45'), kind: 'break', title: 'Fika' });
    expect(plenary.status).toBe(201);
    expect(plenary.body.warnings.map((w: { code: string; itemId: string }) => [w.code, w.itemId]).sort()).toEqual(
      [['overlaps_plenary', w1.id], ['overlaps_plenary', w2.id]].sort(),
    );
    expect(plenary.body.warnings[0].message).toMatch(/"Workshop: (Hälsa|Språk)" \(13:00–14:30\) in Sal [12] runs during "Fika" \(14:00–14:45\), which is for everyone\./);
    // Two items for everyone at once are a clash.
    const twoPlenary = await api.post(`/api/conferences/${id}/programme-items`, { startsAt: at('14:30'), endsAt: at('15:00'), kind: 'other', title: 'Mingel' });
    expect(twoPlenary.status).toBe(409);
    expect(twoPlenary.body.message).toContain('"Fika" (14:00–14:45)');
    // Changing an item (PATCH) answers the same way.
    const talkLater = await api.patch(`/api/conferences/${id}/programme-items/${parallelTalk.body.id}`, { startsAt: at('14:15'), endsAt: at('14:30') });
    expect(talkLater.status).toBe(200);
    expect(talkLater.body.warnings).toMatchObject([{ code: 'overlaps_plenary', title: 'Fika' }]);
    expect((await api.patch(`/api/conferences/${id}/programme-items/${parallelTalk.body.id}`, { room: 'Sal 1' })).status).toBe(409);

    // Changing an item keeps the rules, and may touch its own times.
    const moved = await api.patch(`/api/conferences/${id}/programme-items/${w1.id}`, { startsAt: at('13:15'), room: 'Sal 2' });
    expect(moved.status).toBe(409);
    expect(moved.body.message).toContain('Workshop: Språk');
    const ok = await api.patch(`/api/conferences/${id}/programme-items/${w1.id}`, { startsAt: at('13:15'), title: 'Workshop: Hälsa och vård' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ startsAt: at('13:15'), endsAt: at('14:30'), room: 'Sal 1', title: 'Workshop: Hälsa och vård', speakers: [{ name: 'Anna Svensson', role: 'inspirer' }] });

    // A speaker in the programme cannot be deleted; once out of it, they can.
    expect((await api.delete(`/api/conferences/${id}/speakers/${anna.id}`)).status).toBe(409);
    expect((await api.patch(`/api/conferences/${id}/programme-items/${w1.id}`, { speakers: [] })).status).toBe(200);
    expect((await api.delete(`/api/conferences/${id}/programme-items/${panel.id}`)).status).toBe(204);
    expect((await api.get(`/api/conferences/${id}/programme-items/${panel.id}`)).status).toBe(404);
    expect((await api.delete(`/api/conferences/${id}/programme-items/${panel.id}`)).status).toBe(404);
    expect((await api.delete(`/api/conferences/${id}/speakers/${anna.id}`)).status).toBe(204);
  });

  it('refuses invalid items with 400 naming the fields', async () => {
    const conference = await publishedConference(api);
    const id = conference.id;
    const base = `/api/conferences/${id}/programme-items`;
    const bad = await api.post(base, { startsAt: 'soon', endsAt: at('10:00'), kind: 'keynote', title: '', speakers: [{ speakerId: 'x', role: 'host' }] });
    expect(bad.status).toBe(400);
    const text = bad.body.message.join(' ');
    for (const field of ['startsAt', 'kind', 'title', 'speakers.0.speakerId', 'speakers.0.role']) expect(text).toContain(field);

    const backwards = await api.post(base, { startsAt: at('11:00'), endsAt: at('10:00'), kind: 'talk', title: 'Baklänges' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toMatch(/endsAt/);
    const early = await api.post(base, { startsAt: at('08:00'), endsAt: at('09:30'), kind: 'registration', title: 'Tidigt' });
    expect(early.status).toBe(400);
    expect(early.body.message).toMatch(/startsAt.*conference's hours/);
    const late = await api.post(base, { startsAt: at('15:30'), endsAt: at('16:30'), kind: 'other', title: 'Mingel' });
    expect(late.status).toBe(400);
    expect(late.body.message).toMatch(/endsAt/);

    const elsewhere = await publishedConference(api);
    const stranger = await addSpeaker(elsewhere.id, { name: 'Främling' });
    const foreign = await api.post(base, { startsAt: at('10:00'), endsAt: at('11:00'), kind: 'talk', title: 'Föreläsning', speakers: [{ speakerId: stranger.id, role: 'speaker' }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toMatch(/speakers/);
    const moderatorElsewhere = await api.request('PUT', `/api/conferences/${id}/programme/moderator`, { speakerId: stranger.id });
    expect(moderatorElsewhere.status).toBe(400);

    const twice = await addSpeaker(id, { name: 'Två gånger' });
    const dup = await api.post(base, { startsAt: at('10:00'), endsAt: at('11:00'), kind: 'panel', title: 'Panel', speakers: [{ speakerId: twice.id, role: 'moderator' }, { speakerId: twice.id, role: 'panelist' }] });
    expect(dup.status).toBe(400);

    const badShift = await api.post(`${base}/shift`, { after: 'lunch', minutes: 7.5 });
    expect(badShift.status).toBe(400);
    expect(badShift.body.message.join(' ')).toMatch(/after[\s\S]*minutes/);
    expect((await api.request('POST', base, '{"title": ', { 'content-type': 'application/json' })).status).toBe(400);
    expect((await api.get(`/api/conferences/${id}/programme`)).body.total).toBe(0);

    // Blank and null values get a 4xx or mean "unchanged", never a 500.
    expect((await api.post(base, { startsAt: '10:00', endsAt: '11:00', kind: 'talk', title: '   ' })).status).toBe(400);
    expect((await api.post(`/api/conferences/${id}/speakers`, { name: ' ', title: '', organisation: '', sector: 'other' })).status).toBe(400);
    const item = await addItem(id, { startsAt: '10:00', endsAt: '11:00', kind: 'talk', title: 'Föreläsning', room: 'Aulan', speakers: [{ speakerId: twice.id }] });
    const nulls = await api.patch(`${base}/${item.id}`, { title: null, startsAt: null, kind: null, description: null, speakers: null, room: null });
    expect(nulls.status).toBe(200);
    expect(nulls.body).toMatchObject({ title: 'Föreläsning', startsAt: at('10:00'), kind: 'talk', room: null, speakers: [] });
    const speakerNulls = await api.patch(`/api/conferences/${id}/speakers/${twice.id}`, { name: null, sector: null, status: null, email: null });
    expect(speakerNulls.status).toBe(200);
    expect(speakerNulls.body).toMatchObject({ name: 'Två gånger', sector: 'civil_society', email: null });
    expect((await api.patch(`${base}/${item.id}`, { startsAt: 'half past ten' })).status).toBe(400);
    expect((await api.patch(`${base}/${item.id}`, { endsAt: '09:30' })).status).toBe(400);
  });

  it('keeps programmes and speakers to the organisers who manage the conference', async () => {
    const conference = await publishedConference(api);
    const id = conference.id;
    const speaker = await addSpeaker(id, { name: 'Privat Person' });
    const item = await addItem(id, { startsAt: at('10:00'), endsAt: at('11:00'), kind: 'talk', title: 'Föreläsning', speakers: [{ speakerId: speaker.id }] });
    const base = `/api/conferences/${id}`;
    expect((await other.get(`${base}/programme`)).status).toBe(404);
    expect((await other.post(`${base}/programme-items`, { startsAt: at('12:00'), endsAt: at('13:00'), kind: 'talk', title: 'Intrång' })).status).toBe(404);
    expect((await other.get(`${base}/programme-items/${item.id}`)).status).toBe(404);
    expect((await other.patch(`${base}/programme-items/${item.id}`, { title: 'Kapad' })).status).toBe(404);
    expect((await other.delete(`${base}/programme-items/${item.id}`)).status).toBe(404);
    expect((await other.post(`${base}/programme-items/shift`, { after: '09:00', minutes: 10 })).status).toBe(404);
    expect((await other.get(`${base}/speakers`)).status).toBe(404);
    expect((await other.post(`${base}/speakers`, { name: 'X', title: '', organisation: '', sector: 'other' })).status).toBe(404);
    expect((await other.get(`${base}/speakers/${speaker.id}`)).status).toBe(404);
    expect((await other.patch(`${base}/speakers/${speaker.id}`, { name: 'Kapad' })).status).toBe(404);
    expect((await other.delete(`${base}/speakers/${speaker.id}`)).status).toBe(404);
    expect((await other.post(`${base}/speakers/notify`)).status).toBe(404);
    expect((await anonymous.get(`${base}/programme`)).status).toBe(401);
    expect((await api.get(`${base}/programme-items/${item.id}`)).body.title).toBe('Föreläsning');

    // A speaker of one's own other conference is still not a speaker of this one.
    const mine = await publishedConference(other);
    expect((await other.get(`/api/conferences/${mine.id}/speakers/${speaker.id}`)).status).toBe(404);

    // Drafts have no public programme.
    const draft = await api.post('/api/conferences', conferenceInput());
    expect((await anonymous.get(`/api/public/conferences/${draft.body.slug}/schedule.json`)).status).toBe(404);
    expect((await anonymous.get(`/api/public/conferences/${draft.body.slug}/programme.ics`)).status).toBe(404);
  });

  it('lets only one of many simultaneous clashing inserts through', async () => {
    const conference = await publishedConference(api);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        api.post(`/api/conferences/${conference.id}/programme-items`, { startsAt: at('10:00'), endsAt: at('11:00'), kind: 'workshop', title: `Workshop ${i}`, room: 'Sal A' }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(11);
    expect((await api.get(`/api/conferences/${conference.id}/programme`)).body.total).toBe(1);
  });

  it('e-mails speakers their slots on request and when a published item of theirs changes', async () => {
    const draft = await api.post('/api/conferences', conferenceInput());
    const id = draft.body.id;
    const withMail = await addSpeaker(id, { name: 'Lena Ström', email: 'lena@example.org', title: 'Rektor', organisation: 'Malmö universitet' });
    await addSpeaker(id, { name: 'Utan Adress' });
    const item = await addItem(id, { startsAt: at('11:00'), endsAt: at('12:00'), kind: 'panel', title: 'Panelsamtal om skolan', room: 'Aulan', speakers: [{ speakerId: withMail.id, role: 'moderator' }] });
    expect((await api.post(`/api/conferences/${id}/speakers/notify`)).status).toBe(409);
    expect((await api.get(`/api/conferences/${id}/outbox`)).body.total).toBe(0);

    // Publishing tells the speakers in the programme their slots, once.
    await api.post(`/api/conferences/${id}/publish`);
    let outbox = (await api.get(`/api/conferences/${id}/outbox`)).body;
    expect(outbox.total).toBe(1);
    expect(outbox.items[0]).toMatchObject({ kind: 'speaker_programme', to: 'lena@example.org' });
    expect(outbox.items[0].text).toContain('11:00–12:00 Panelsamtal om skolan (samtalsledare, lokal Aulan)');
    await api.post(`/api/conferences/${id}/publish`);
    expect((await api.get(`/api/conferences/${id}/outbox`)).body.total).toBe(1);

    const notified = await api.post(`/api/conferences/${id}/speakers/notify`);
    expect(notified.status).toBe(200);
    expect(notified.body).toEqual({ queued: 1, speakerIds: [withMail.id] });
    expect((await api.get(`/api/conferences/${id}/outbox`)).body.total).toBe(2);

    expect((await api.patch(`/api/conferences/${id}/programme-items/${item.id}`, { startsAt: at('11:15'), endsAt: at('12:15') })).status).toBe(200);
    outbox = (await api.get(`/api/conferences/${id}/outbox`)).body;
    expect(outbox.total).toBe(3);
    expect(outbox.items[0].text).toContain('11:15–12:15 Panelsamtal om skolan');
  });

  it('moves the programme with the conference day, and refuses hours that would leave items outside', async () => {
    const conference = await publishedConference(api);
    const id = conference.id;
    const first = await addItem(id, { startsAt: at('09:00'), endsAt: at('09:30'), kind: 'registration', title: 'Registrering och kaffe' });
    await addItem(id, { startsAt: at('15:30'), endsAt: at('16:00'), kind: 'closing', title: 'Avslutning' });

    const shorter = await api.patch(`/api/conferences/${id}`, { endsAt: '2030-10-20T15:00:00+02:00' });
    expect(shorter.status).toBe(409);
    expect(shorter.body.message).toContain('"Avslutning" (15:30–16:00)');
    expect((await api.get(`/api/conferences/${id}`)).body.endsAt).toBe('2030-10-20T16:00:00+02:00');

    // A week later, same hours: the whole programme comes along.
    const moved = await api.patch(`/api/conferences/${id}`, { startsAt: '2030-10-27T09:00:00+01:00', endsAt: '2030-10-27T16:00:00+01:00' });
    expect(moved.status).toBe(200);
    const item = await api.get(`/api/conferences/${id}/programme-items/${first.id}`);
    expect(item.body).toMatchObject({ startsAt: '2030-10-27T09:00:00+01:00', endsAt: '2030-10-27T09:30:00+01:00' });
  });
});

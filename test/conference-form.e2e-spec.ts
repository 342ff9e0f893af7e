import { PageSession, textOf } from './support/pages';
import { ApiClient, organiserClient, startTestApp, TestApp } from './support/test-app';

const form = (overrides: Record<string, string> = {}) => ({
  title: 'Dialogkonferens Västerbotten',
  slug: `vasterbotten-${Math.random().toString(36).slice(2, 8)}`,
  startsAt: '2030-10-20T09:00',
  endsAt: '2030-10-20T16:00',
  'venue.name': 'Folkets Hus',
  'venue.city': 'Umeå',
  capacity: '80',
  registrationDeadline: '2030-10-06T23:59',
  cancellationDeadline: '2030-10-06T23:59',
  cancellationFeeKr: '400,50',
  ...overrides,
});

describe('the conference form', () => {
  let test: TestApp;
  let api: ApiClient;
  let session: PageSession;

  beforeAll(async () => {
    test = await startTestApp();
    const organiser = await organiserClient(test);
    api = organiser.api;
    session = await PageSession.login(test, organiser.email, organiser.password);
  });

  afterAll(async () => {
    await test?.close();
  });

  it('takes the whole travel policy, amounts in kronor as people write them, and shows it again', async () => {
    const created = await session.post('/admin/conferences/new?lang=sv', '/admin/conferences', form({
      'travelPolicy.minRoundTripKm': '100',
      'travelPolicy.requestDeadline': '2030-12-10T23:59',
      ratePerKmKr: '2,50',
      budgetKr: '20 000',
      'travelPolicy.lostEarningsAllowed': 'true',
      lostEarningsCapKr: '1 500',
      fixedFeeKr: '500',
      // publicTransportAtCost unticked: not sent, as browsers do.
    }));
    expect(created.status).toBe(303);
    const id = /\/admin\/conferences\/([0-9a-f-]{36})$/.exec(created.location ?? '')![1];
    const conference = (await api.get(`/api/conferences/${id}`)).body;
    expect(conference.cancellationFee).toBe(40050);
    expect(conference.travelPolicy).toEqual({
      minRoundTripKm: 100,
      requestDeadline: '2030-12-10T23:59:00+01:00',
      ratePerKm: 250,
      budget: 2000000,
      publicTransportAtCost: false,
      lostEarningsAllowed: true,
      lostEarningsCap: 150000,
      fixedFee: 50000,
    });

    const edit = await session.get(`/admin/conferences/${id}/edit?lang=sv`);
    expect(edit.html).toMatch(/id="ratePerKmKr"[^>]*value="2,50"/);
    expect(edit.html).toMatch(/id="lostEarningsCapKr"[^>]*value="1500"/);
    expect(edit.html).toMatch(/id="travelPolicy\.lostEarningsAllowed"[^>]*checked/);
    expect(edit.html).not.toMatch(/id="travelPolicy\.publicTransportAtCost"[^>]*checked/);

    // Emptying the travel section removes the policy.
    const cleared = await session.post(`/admin/conferences/${id}/edit`, `/admin/conferences/${id}/edit`, form({ slug: conference.slug }));
    expect(cleared.status).toBe(303);
    expect((await api.get(`/api/conferences/${id}`)).body.travelPolicy).toBeNull();
  });

  it('names each wrong amount next to its field, in the page’s language, and keeps what was typed', async () => {
    const sv = await session.post('/admin/conferences/new?lang=sv', '/admin/conferences?lang=sv', form({
      cancellationFeeKr: 'fyrahundra',
      'travelPolicy.requestDeadline': '2030-12-10T23:59',
      ratePerKmKr: '2,505',
      budgetKr: '20000',
      fixedFeeKr: '-5',
    }));
    expect(sv.status).toBe(422);
    expect(textOf(sv.html, 'cancellationFeeKr-error')).toBe('Ange avgiften i kronor, t.ex. 400 eller 0 för ingen avgift.');
    expect(textOf(sv.html, 'ratePerKmKr-error')).toBe('Ange ersättningen per km i kronor, t.ex. 2,50.');
    expect(textOf(sv.html, 'fixedFeeKr-error')).toBe('Ange arvodet i kronor, t.ex. 500, eller 0 för inget.');
    expect(sv.html).toMatch(/id="cancellationFeeKr"[^>]*value="fyrahundra"/);

    const en = await session.post('/admin/conferences/new?lang=en', '/admin/conferences?lang=en', form({ cancellationFeeKr: '12,345', capacity: '0', endsAt: '2030-10-20T08:00' }));
    expect(en.status).toBe(422);
    expect(textOf(en.html, 'cancellationFeeKr-error')).toBe('Enter the fee in SEK, e.g. 400, or 0 for none.');
    expect(textOf(en.html, 'capacity-error')).toBe('Enter the number of seats, a whole number from 1 to 100,000.');
    expect((await api.get('/api/conferences')).body.total).toBe(1);
  });

  it('shows refusals of the service in the page’s language, with the status httpStatusFor gives', async () => {
    const first = form();
    expect((await session.post('/admin/conferences/new', '/admin/conferences', first)).status).toBe(303);
    const taken = await session.post('/admin/conferences/new?lang=sv', '/admin/conferences?lang=sv', form({ slug: first.slug }));
    expect(taken.status).toBe(409);
    expect(textOf(taken.html, 'slug-error')).toBe(`Webbadressen "${first.slug}" används redan av en annan konferens.`);
    const backwards = await session.post('/admin/conferences/new?lang=sv', '/admin/conferences?lang=sv', form({ endsAt: '2030-10-20T08:00' }));
    expect(backwards.status).toBe(422);
    expect(textOf(backwards.html, 'endsAt-error')).toBe('Konferensen måste sluta efter att den börjar.');
  });
});

import { ManualClock } from '@dialogdag/shared';
import { TestSmtpServer } from './support/smtp';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';
import { expectSeatCountersAgree } from './support/seat-counter';

describe('organisers cancel and transfer on a participant’s behalf', () => {
  let test: TestApp;
  let smtp: TestSmtpServer;
  let api: ApiClient;
  let anonymous: ApiClient;
  const clock = new ManualClock('2030-10-01T12:00:00+02:00');

  beforeAll(async () => {
    smtp = new TestSmtpServer();
    await smtp.start();
    test = await startTestApp({ clock, env: { SMTP_URL: smtp.url } });
    api = (await organiserClient(test)).api;
    anonymous = new ApiClient(test.url);
  });
  afterAll(async () => {
    await test?.close();
    await smtp?.stop();
  });
  expectSeatCountersAgree(() => test?.databaseUrl);

  it('transfers a seat to a substitute, who gets a link while the old one dies', async () => {
    const conference = await publishedConference(api, { capacity: 1 });
    const original = await anonymous.post(`/api/public/conferences/${conference.slug}/registrations`, participant({ organisation: 'Malmö stad', sector: 'municipality' }));
    const waiting = await anonymous.post(`/api/public/conferences/${conference.slug}/registrations`, participant());
    expect(waiting.body.status).toBe('waitlisted');

    const moved = await api.post(`/api/conferences/${conference.id}/registrations/${original.body.id}/transfer`, {
      name: 'Ersättare Ek',
      email: 'ersattare@example.org',
    });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ status: 'confirmed' });
    expect((await anonymous.get(`/api/public/registrations/${original.body.manageToken}`)).status).toBe(404);
    const substitute = await anonymous.get(`/api/public/registrations/${moved.body.manageToken}`);
    expect(substitute.body).toMatchObject({ name: 'Ersättare Ek', organisation: 'Malmö stad', sector: 'municipality', status: 'confirmed' });
    await smtp.waitFor((m) => m.to.includes('ersattare@example.org'));
    // The seat moved, it did not free up: the waiting list stays as it was.
    expect((await anonymous.get(`/api/public/registrations/${waiting.body.manageToken}`)).body.status).toBe('waitlisted');
  });

  it('cancels with the fee rules of the conference, promotes the waiting list, and refuses strangers', async () => {
    const conference = await publishedConference(api, { capacity: 1, cancellationDeadline: '2030-09-30', registrationDeadline: '2030-10-06' });
    const seat = await anonymous.post(`/api/public/conferences/${conference.slug}/registrations`, participant());
    const waiting = await anonymous.post(`/api/public/conferences/${conference.slug}/registrations`, participant());

    const other = (await organiserClient(test)).api;
    expect((await other.post(`/api/conferences/${conference.id}/registrations/${seat.body.id}/cancel`)).status).toBe(404);
    expect((await api.post(`/api/conferences/${conference.id}/registrations/not-a-uuid/cancel`)).status).toBe(404);

    const cancelled = await api.post(`/api/conferences/${conference.id}/registrations/${seat.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toEqual({ status: 'cancelled', fee: 40000 }); // past the cancellation deadline
    expect((await api.post(`/api/conferences/${conference.id}/registrations/${seat.body.id}/cancel`)).status).toBe(409);
    expect((await anonymous.get(`/api/public/registrations/${waiting.body.manageToken}`)).body.status).toBe('confirmed');
  });
});

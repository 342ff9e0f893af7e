import { ManualClock } from '@dialogdag/shared';
import { TestSmtpServer } from './support/smtp';
import { ApiClient, organiserClient, participant, startTestApp, TestApp } from './support/test-app';

/** What the travel-claim test files share: the app with a real SMTP server, two organisers, a clock. */
export interface ClaimsFixture {
  test: TestApp;
  smtp: TestSmtpServer;
  /** Manages the conferences the tests create. */
  api: ApiClient;
  organiser: { email: string; password: string };
  /** Manages none of them. */
  other: ApiClient;
  anonymous(): ApiClient;
  /** Registers before the registration deadline (6 October 2030) and puts the clock back. */
  register(slug: string, overrides?: Record<string, unknown>, lang?: 'sv' | 'en'): Promise<{ id: string; manageToken: string }>;
}

/** Starts the app before the file's tests and stops it after them; the fields are filled in beforeAll. */
export function claimsFixture(clock: ManualClock): ClaimsFixture {
  const fixture = {} as ClaimsFixture;
  beforeAll(async () => {
    fixture.smtp = new TestSmtpServer();
    await fixture.smtp.start();
    fixture.test = await startTestApp({ clock, env: { SMTP_URL: fixture.smtp.url } });
    const first = await organiserClient(fixture.test);
    fixture.api = first.api;
    fixture.organiser = first;
    fixture.other = (await organiserClient(fixture.test)).api;
    fixture.anonymous = () => new ApiClient(fixture.test.url);
    fixture.register = async (slug, overrides = {}, lang = 'sv') => {
      const now = clock.now();
      clock.set('2030-09-01T12:00:00+02:00');
      const res = await fixture.anonymous().post(`/api/public/conferences/${slug}/registrations?lang=${lang}`, participant(overrides));
      clock.set(now);
      if (res.status !== 201) throw new Error(`not registered: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
  });
  afterAll(async () => {
    await fixture.test?.close();
    await fixture.smtp?.stop();
  });
  return fixture;
}

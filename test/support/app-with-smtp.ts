import { Clock } from '@dialogdag/shared';
import { TestSmtpServer } from './smtp';
import { startTestApp, TestApp } from './test-app';

/** The app sending its mail to a real SMTP server in the test process; `stop` ends both. */
export async function startTestAppWithSmtp(options: { clock?: Clock } = {}): Promise<{ test: TestApp; smtp: TestSmtpServer; stop(): Promise<void> }> {
  const smtp = new TestSmtpServer();
  await smtp.start();
  const test = await startTestApp({ clock: options.clock, env: { SMTP_URL: smtp.url } });
  return {
    test,
    smtp,
    stop: async () => {
      await test.close();
      await smtp.stop();
    },
  };
}

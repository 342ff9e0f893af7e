import './lib-paths';
import 'reflect-metadata';
import { ConfigError, loadConfig } from '@dialogdag/config';
import { EmbeddedPostgresUnavailable, RunningDatabase, startEmbeddedPostgres } from '@dialogdag/database';
import { SystemClock } from '@dialogdag/shared';
import { createApp } from './create-app';
import { DemoSeeder } from './demo.seeder';
import { Shutdown } from './shutdown';

/** Connections the kernel may hold for the app before it accepts them; capped by net.core.somaxconn (Linux: 4096). */
const LISTEN_BACKLOG = 4096;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const shutdown = new Shutdown();

  let database: RunningDatabase;
  if (config.database.url) {
    database = { url: config.database.url, stop: async () => undefined };
  } else {
    console.log(`Starting the embedded PostgreSQL in ${config.app.dataDir} …`);
    // Detached: Ctrl-C reaches only the app, which stops PostgreSQL once the requests under way are answered.
    database = await startEmbeddedPostgres({ dataDir: config.app.dataDir, detached: true, notice: (sentence) => console.log(sentence) });
  }

  const app = await createApp({ config, databaseUrl: database.url, clock: new SystemClock() });
  const seeded = await app.get(DemoSeeder).seed();
  // Room for a burst of connections while the event loop is busy: Node's default queue (511) turns the
  // rest away (connect timeouts, resets) when a thousand people press "register" at once.
  await app.listen({ port: config.app.port, host: '0.0.0.0', backlog: LISTEN_BACKLOG });

  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.app.port;
  const url = (config.app.publicUrl ?? `http://localhost:${port}`).replace(/\/$/, '');
  const lines = [``, `Dialogdag is running at ${url}`, `  API documentation: ${url}/api/docs`, `  Back office:       ${url}/admin`];
  if (seeded.admin) lines.push(`  First organiser created: ${seeded.admin.email}`);
  if (seeded.demo) {
    lines.push(`  Demo registration form: ${url}/c/${seeded.demo.slug}`);
    lines.push(`  Demo organiser: ${seeded.demo.email} / ${seeded.demo.password ?? '(password shown at first start)'}`);
  }
  if (!config.mail.smtpUrl) lines.push(`  No SMTP_URL: e-mail stays in the outbox (back office → conference → Outbox).`);
  console.log(lines.join('\n') + '\n');

  shutdown.serving(app, database, config.app.shutdownGraceMs);
}

main().catch((error) => {
  // A start that cannot work here is told in one sentence; anything else is a bug, with its stack.
  console.error(error instanceof EmbeddedPostgresUnavailable ? error.message : error);
  process.exit(1);
});

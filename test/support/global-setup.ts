// Starts one throwaway PostgreSQL for the whole e2e run; each test file creates its own database in it.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Relative, not @dialogdag/database: jest's module mapping does not apply to global setup.
import { EmbeddedPostgresUnavailable, RunningDatabase, startEmbeddedPostgres } from '../../libs/database/src/embedded-postgres';

declare global {
  var __DIALOGDAG_PG__: { running: RunningDatabase; dir: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return; // an outside PostgreSQL was given
  const dir = await mkdtemp(join(tmpdir(), 'dialogdag-test-'));
  try {
    const running = await startEmbeddedPostgres({
      dataDir: dir,
      database: 'postgres',
      // Durability is pointless for a throwaway cluster; speed is not.
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
      initdbFlags: ['--no-sync'],
    });
    globalThis.__DIALOGDAG_PG__ = { running, dir };
    process.env.TEST_DATABASE_URL = running.url;
  } catch (error) {
    if (!(error instanceof EmbeddedPostgresUnavailable)) throw error;
    console.error(`\n${error.message} (For the tests, TEST_DATABASE_URL may name a PostgreSQL whose user can create databases.)\n`);
    process.exit(1);
  }
}

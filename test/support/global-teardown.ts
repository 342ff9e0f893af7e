import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  const started = globalThis.__DIALOGDAG_PG__;
  if (!started) return;
  await started.running.stop();
  await rm(started.dir, { recursive: true, force: true });
}

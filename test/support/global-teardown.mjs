import { rm } from 'node:fs/promises';

export default async function globalTeardown() {
  const running = globalThis.__DIALOGDAG_PG__;
  if (!running) return;
  await running.server.stop();
  await rm(running.dir, { recursive: true, force: true });
}

import 'reflect-metadata';
import Module from 'node:module';
import { join } from 'node:path';

/**
 * The bench runs from plain tsc output, where `@dialogdag/<lib>` imports are not rewritten;
 * this maps them onto the compiled libs beside it (bench/.build/reports/libs/<lib>/src).
 */
const root = join(__dirname, '..');
const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = resolver._resolveFilename;
resolver._resolveFilename = function (request: string, ...rest: unknown[]) {
  const match = /^@dialogdag\/([a-z]+)$/.exec(request);
  return original.call(this, match ? join(root, 'libs', match[1], 'src') : request, ...rest);
};

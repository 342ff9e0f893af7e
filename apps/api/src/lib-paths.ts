import Module from 'node:module';
import { join } from 'node:path';

/**
 * The libs' import names (`@dialogdag/<lib>`, the "paths" of tsconfig.json) resolved at run time to their
 * compiled folders beside the app in dist. `tsc -b` leaves the names as written (and in return skips an
 * unchanged build in a fraction of a second); a build that rewrote them (nest build) never reaches this.
 * Imported first by main.ts.
 */
const compiledRoot = join(__dirname, '..', '..', '..'); // dist/apps/api/apps/api/src → dist/apps/api
const LIB = /^@dialogdag\/([a-z]+)$/;

type ResolveFilename = (request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: ResolveFilename };
const resolveFilename = loader._resolveFilename;
loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  const lib = LIB.exec(request)?.[1];
  return resolveFilename.call(this, lib ? join(compiledRoot, 'libs', lib, 'src') : request, ...rest);
};

import { readFileSync } from 'node:fs';
import { round } from './stats';

/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) used here. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Time (inclusive: in the code or below it) of these groups of code is reported. */
const GROUPS: Array<{ name: string; match: (url: string, fn: string) => boolean }> = [
  {
    name: 'mail composition (MailComposer, templates, mail params)',
    match: (url, fn) => /libs\/mail\/src\/(templates\/|mail\.composer)/.test(url) || (/registration-mail/.test(url) && /^(params|paramsWith|conferencePart)$/.test(fn)),
  },
  { name: 'Intl formatters (formatMoney, formatDateTime…)', match: (url, fn) => /libs\/shared\/src\/(time|money)\./.test(url) && /^format/.test(fn) },
  { name: 'logging (pino, the request log)', match: (url) => /node_modules\/(pino|pino-std-serializers|sonic-boom)\/|apps\/api\/src\/logging/.test(url) },
  { name: 'validation (class-validator, class-transformer, ValidationPipe)', match: (url, fn) => /node_modules\/(class-validator|class-transformer)\//.test(url) || (fn === 'transform' && /validation\.pipe/.test(url)) },
  { name: 'TypeORM', match: (url) => /node_modules\/typeorm\//.test(url) },
  { name: 'pg driver', match: (url) => /node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//.test(url) },
  { name: 'Fastify, Nest and HTTP plugins', match: (url) => /node_modules\/(fastify|@fastify\/[^/]+|@nestjs\/[^/]+|find-my-way|avvio|light-my-request|helmet)\//.test(url) },
  { name: 'registrations lib (service and rules)', match: (url) => /libs\/registrations\/src\//.test(url) },
  { name: 'QR code of the pass (qrcode, qrPng)', match: (url, fn) => /node_modules\/(qrcode|dijkstrajs)\//.test(url) || (fn === 'qrPng' && /check-in\/qr/.test(url)) },
  { name: 'batch writer (lock to commit, e-mails included)', match: (url, fn) => /batch\/registration-writer/.test(url) && fn === 'decide' },
  { name: 'tokens, ids and codes (random, SHA-256)', match: (url, fn) => /libs\/shared\/src\/tokens/.test(url) || fn === 'newCheckInCode' || fn === 'randomUUID' },
];

export interface CpuSummary {
  /** Whether the profile could be cut to the load window (same monotonic clock); else the whole profile. */
  windowed: boolean;
  wallMs: number;
  busyMs: number;
  /** Share of one core the app used. */
  coreShare: number;
  busyMsPerRegistration: number;
  gcMsPerRegistration: number;
  /** Inclusive time per registration in the code groups above (a sample counts once per group). */
  groupsMsPerRegistration: Record<string, number>;
  /** Self time by package or lib, share of busy time. */
  selfByPackage: Array<{ where: string; share: number }>;
  topSelfFunctions: Array<{ fn: string; share: number }>;
}

function packageOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native / V8 builtins)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (modules) return modules[1];
  const lib = /(libs|apps)\/([^/]+)\/src\//.exec(url);
  if (lib) return `${lib[1]}/${lib[2]}`;
  if (url.startsWith('node:')) return 'node core';
  return url;
}

/** Sums a profile's samples taken between `fromUs` and `toUs` (process.hrtime in µs; V8 uses the same monotonic clock on Linux). */
export function summariseCpuProfile(file: string, fromUs: number, toUs: number, registrations: number): CpuSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const windowed = profile.startTime < toUs && profile.endTime > fromUs;
  const self = new Map<number, number>();
  let t = profile.startTime;
  let wall = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const delta = profile.timeDeltas[i + 1] ?? 0;
    if (windowed && (t < fromUs || t > toUs)) continue;
    wall += delta;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + delta);
  }

  let idle = 0;
  let gc = 0;
  const groups = new Map<string, number>();
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += us;
      continue;
    }
    if (functionName === '(garbage collector)') gc += us;
    const where = packageOf(url, functionName);
    packages.set(where, (packages.get(where) ?? 0) + us);
    const fnKey = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/(node_modules|dist)\//, '')}:${lineNumber + 1}` : ''}`.trim();
    functions.set(fnKey, (functions.get(fnKey) ?? 0) + us);
    const hit = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      for (const group of GROUPS) if (!hit.has(group.name) && group.match(frame.url, frame.functionName)) hit.add(group.name);
    }
    for (const name of hit) groups.set(name, (groups.get(name) ?? 0) + us);
  }
  const busy = wall - idle;
  const ms = (us: number) => us / 1000;
  const perRegistration = (us: number) => round(ms(us) / Math.max(1, registrations));
  const share = (us: number) => round((100 * us) / Math.max(1, busy));
  const top = (map: Map<string, number>, n: number) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  return {
    windowed,
    wallMs: round(ms(wall)),
    busyMs: round(ms(busy)),
    coreShare: round(busy / Math.max(1, wall)),
    busyMsPerRegistration: perRegistration(busy),
    gcMsPerRegistration: perRegistration(gc),
    groupsMsPerRegistration: Object.fromEntries(GROUPS.map((g) => [g.name, perRegistration(groups.get(g.name) ?? 0)])),
    selfByPackage: top(packages, 14).map(([where, us]) => ({ where, share: share(us) })),
    topSelfFunctions: top(functions, 15).map(([fn, us]) => ({ fn, share: share(us) })),
  };
}

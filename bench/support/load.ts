import autocannon from 'autocannon';
import { participant } from './api';

export interface Acknowledged {
  id: string;
  status: string;
}

export interface LoadResult {
  clients: number;
  durationS: number;
  /** 201 answers per second: registrations the app confirmed to the client. */
  perSecond: number;
  created: number;
  statusCounts: Record<string, number>;
  /** Answers other than 2xx, expected 409s for repeated e-mails included. */
  non2xx: number;
  /** Requests that repeated an earlier e-mail of the run: each must add exactly one 409 (to it or to the request it raced). */
  duplicatesSent: number;
  /** non2xx less the 409s the duplicates explain. */
  unexpectedNon2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** id and status of every 201, for the check against the database. */
  acknowledged: Acknowledged[];
}

/**
 * `clients` connections post public registrations, each with a distinct e-mail, for `durationS`
 * seconds; connections are spread evenly over `urls` (one per app instance).
 */
export async function postRegistrations(options: {
  urls: string[];
  slug: string;
  clients: number;
  durationS: number;
  /** Unique per run, so no two runs share an e-mail. */
  emailPrefix: string;
  /** Share (0..1) of requests that repeat a recent e-mail of the run: one of the two must get 409. */
  duplicates?: number;
}): Promise<LoadResult> {
  let next = 0;
  let duplicatesSent = 0;
  const acknowledged: Acknowledged[] = [];
  const statusCounts: Record<string, number> = {};
  const body = () => {
    if (next === 0 || Math.random() >= (options.duplicates ?? 0)) return JSON.stringify(participant(options.emailPrefix, next++));
    duplicatesSent++;
    // A recent e-mail, often one still in flight: the race the uniqueness rule has to win.
    return JSON.stringify(participant(options.emailPrefix, Math.max(0, next - 1 - Math.floor(Math.random() * options.clients))));
  };
  const result = await autocannon({
    // autocannon takes several URLs and spreads the connections over them round-robin; its types say string.
    url: (options.urls.length === 1 ? options.urls[0] : options.urls) as string,
    connections: options.clients,
    duration: options.durationS,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: `/api/public/conferences/${options.slug}/registrations`,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: body() }),
        onResponse: (status, text) => {
          statusCounts[status] = (statusCounts[status] ?? 0) + 1;
          if (status === 201) {
            const answer = JSON.parse(text) as Acknowledged;
            acknowledged.push({ id: answer.id, status: answer.status });
          }
        },
      },
    ],
  });
  return {
    clients: options.clients,
    durationS: result.duration,
    perSecond: acknowledged.length / result.duration,
    created: acknowledged.length,
    statusCounts,
    non2xx: result.non2xx,
    duplicatesSent,
    unexpectedNon2xx: result.non2xx - Math.min(statusCounts[409] ?? 0, duplicatesSent),
    errors: result.errors,
    timeouts: result.timeouts,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.mean },
    acknowledged,
  };
}

/** What an audit entry says about a request: which requests are recorded, their action's name, their conference. */

export type AuditedMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type AuditVia = 'session' | 'token';

const AUDITED_METHODS: readonly string[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** The state-changing methods; reading is not recorded. */
export function auditedMethod(method: string): AuditedMethod | null {
  const upper = method.toUpperCase();
  return AUDITED_METHODS.includes(upper) ? (upper as AuditedMethod) : null;
}

/**
 * The log-in routes: no guard runs before them, so the recorder finds the organiser by the e-mail address that
 * logged in; their bodies hold a password and are never recorded.
 */
const LOGIN_ROUTES: readonly string[] = ['POST /api/auth/login', 'POST /admin/login'];
export const LOGIN_ACTION = 'auth.login';

export function isLogin(method: string, route: string): boolean {
  return LOGIN_ROUTES.includes(`${method.toUpperCase()} ${route}`);
}

/**
 * The one rule naming an action: the log-in's name, otherwise the method and the route pattern ("POST /api/conferences/:id/registrations/:rid/check-in"), which is stable
 * while the ids in it vary.
 */
export function auditActionName(input: { method: string; route: string }): string {
  const method = input.method.toUpperCase();
  return isLogin(method, input.route) ? LOGIN_ACTION : `${method} ${input.route}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

const CONFERENCE_ROUTE = /^\/(api|admin)\/conferences\/:id(\/|$)/;
const CONFERENCE_CREATE_ROUTE = /^\/(api|admin)\/conferences\/?$/;
const CONFERENCE_LOCATION = /^\/admin\/conferences\/([0-9a-f-]{36})(?:[/?#]|$)/i;

export interface ConferenceClues {
  /** The conference the access check resolved the request to (by the route's id, or by what the route names: a travel claim). */
  resolved?: unknown;
  route: string;
  params: Record<string, unknown>;
  /** The handler's JSON answer, when there is one. */
  response?: unknown;
  /** Where a page form redirected to. */
  location?: unknown;
}

/**
 * The conference an action belongs to, so it shows in that conference's log: the one the access check resolved
 * (a travel claim's review page names no conference in its path nor its redirect), else the route's conference id,
 * else the answer's `conferenceId`, else the id of a conference just created, else the conference page a form
 * redirected to. Null for actions of no one conference (log-in, a
 * series, an API token).
 */
export function conferenceOf(clues: ConferenceClues): string | null {
  if (isUuid(clues.resolved)) return clues.resolved.toLowerCase();
  if (isUuid(clues.params.conferenceId)) return clues.params.conferenceId.toLowerCase();
  if (CONFERENCE_ROUTE.test(clues.route)) return isUuid(clues.params.id) ? clues.params.id.toLowerCase() : null;
  const response = isRecord(clues.response) ? clues.response : {};
  if (isUuid(response.conferenceId)) return response.conferenceId.toLowerCase();
  if (CONFERENCE_CREATE_ROUTE.test(clues.route) && isUuid(response.id)) return response.id.toLowerCase();
  const location = typeof clues.location === 'string' ? CONFERENCE_LOCATION.exec(clues.location)?.[1] : undefined;
  return isUuid(location) ? location.toLowerCase() : null;
}

/** The id of what a request created (201 with an `id` in the answer), kept with the entry's target. */
export function createdId(status: number, response: unknown): string | null {
  return status === 201 && isRecord(response) && isUuid(response.id) ? response.id : null;
}

/** A request with `Authorization: Bearer` was made with an API token (a script); anything else by a session. */
export function auditVia(authorization: string | string[] | undefined): AuditVia {
  const header = Array.isArray(authorization) ? authorization[0] : authorization;
  return header?.startsWith('Bearer ') ? 'token' : 'session';
}

/** Only answers below 400 are recorded: a refusal changed nothing (and the request log has it). */
export const isRecordedStatus = (status: number) => status >= 100 && status < 400;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { auditActionName, auditedMethod, auditVia, conferenceOf, createdId, isLogin, isRecordedStatus } from './audit.rules';

const CONFERENCE = '0b6c8f9e-1f0a-4c55-9d8b-2f1e3a4b5c6d';
const OTHER = '7d2e4f60-aaaa-4bbb-8ccc-0123456789ab';

describe('audit rules', () => {
  it('records the state-changing methods only', () => {
    expect(['post', 'PUT', 'Patch', 'DELETE'].map(auditedMethod)).toEqual(['POST', 'PUT', 'PATCH', 'DELETE']);
    expect(['GET', 'HEAD', 'OPTIONS'].map(auditedMethod)).toEqual([null, null, null]);
  });

  it('names an action as a log-in, or by method and route pattern', () => {
    const route = '/api/conferences/:id/registrations/:rid/check-in';
    expect(auditActionName({ method: 'post', route })).toBe(`POST ${route}`);
    expect(auditActionName({ method: 'POST', route: '/api/auth/login' })).toBe('auth.login');
    expect(auditActionName({ method: 'POST', route: '/admin/login' })).toBe('auth.login');
    expect(auditActionName({ method: 'POST', route: '/api/auth/logout-everywhere' })).toBe('POST /api/auth/logout-everywhere');
    expect(isLogin('GET', '/admin/login')).toBe(false);
  });

  it("finds the conference in the route, the answer, a new conference's id or the page a form went on to", () => {
    expect(conferenceOf({ route: '/api/conferences/:id/registrations/:rid/check-in', params: { id: CONFERENCE, rid: OTHER } })).toBe(CONFERENCE);
    // A travel claim's review page: neither its path nor its redirect names the conference; the access check found it.
    expect(conferenceOf({ resolved: CONFERENCE.toUpperCase(), route: '/admin/travel-claims/:claimId/decision', params: { claimId: OTHER }, location: `/admin/travel-claims/${OTHER}?decided=1` })).toBe(CONFERENCE);
    expect(conferenceOf({ route: '/admin/travel-claims/:claimId/decision', params: { claimId: OTHER }, location: `/admin/travel-claims/${OTHER}?decided=1` })).toBeNull();
    expect(conferenceOf({ route: '/admin/conferences/:id', params: { id: CONFERENCE.toUpperCase() } })).toBe(CONFERENCE);
    expect(conferenceOf({ route: '/api/series/:id/conferences', params: { id: OTHER, conferenceId: CONFERENCE } })).toBe(CONFERENCE);
    expect(conferenceOf({ route: '/api/travel-claims/:claimId', params: { claimId: OTHER }, response: { id: OTHER, conferenceId: CONFERENCE } })).toBe(CONFERENCE);
    expect(conferenceOf({ route: '/api/conferences', params: {}, response: { id: CONFERENCE } })).toBe(CONFERENCE);
    expect(conferenceOf({ route: '/admin/conferences', params: {}, location: `/admin/conferences/${CONFERENCE}` })).toBe(CONFERENCE);
    expect(conferenceOf({ route: '/admin/travel-claims/:claimId/paid', params: {}, location: `/admin/conferences/${CONFERENCE}/travel-claims?paid=1` })).toBe(CONFERENCE);
  });

  it('leaves the conference out where there is none to be sure of', () => {
    expect(conferenceOf({ route: '/api/auth/login', params: {} })).toBeNull();
    expect(conferenceOf({ route: '/api/conferences/:id', params: { id: 'not-a-uuid' }, response: { conferenceId: CONFERENCE } })).toBeNull();
    // Another resource's id in the answer is not a conference, unless the route created a conference.
    expect(conferenceOf({ route: '/api/series', params: {}, response: { id: OTHER } })).toBeNull();
    expect(conferenceOf({ route: '/admin/travel-claims/:claimId/decision', params: { claimId: OTHER }, location: `/admin/travel-claims/${OTHER}` })).toBeNull();
    expect(conferenceOf({ route: '/api/travel-claims/:claimId', params: {}, response: [{ conferenceId: CONFERENCE }] })).toBeNull();
  });

  it('keeps the id of what a request created', () => {
    expect(createdId(201, { id: OTHER })).toBe(OTHER);
    expect(createdId(200, { id: OTHER })).toBeNull();
    expect(createdId(201, { id: 'x' })).toBeNull();
    expect(createdId(201, 'text')).toBeNull();
  });

  it('tells API tokens from sessions, and records only what succeeded', () => {
    expect(auditVia('Bearer dd_abc')).toBe('token');
    expect(auditVia(undefined)).toBe('session');
    expect(auditVia(['Bearer x'])).toBe('token');
    expect([200, 201, 204, 303].every(isRecordedStatus)).toBe(true);
    expect([400, 403, 404, 409, 422, 500].some(isRecordedStatus)).toBe(false);
  });
});

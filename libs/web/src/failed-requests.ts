/**
 * Requests whose handler or guards threw. Whatever status their answer ends with (a page's 401 becomes a 303 to the
 * log-in), they did not succeed: exception filters note them, and what runs when the answer is sent (the audit log)
 * asks. Keyed by the request object, so a request forgets it when it is gone.
 */
const failed = new WeakSet<object>();

export function noteFailedRequest(request: object): void {
  failed.add(request);
}

export function requestFailed(request: object): boolean {
  return failed.has(request);
}

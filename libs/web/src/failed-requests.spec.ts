import { noteFailedRequest, requestFailed } from './failed-requests';

describe('failed requests', () => {
  it('are known by their request object only, once noted', () => {
    const failed = { url: '/admin/conferences/x/fees' };
    const other = { url: '/admin/conferences/x/fees' };
    expect(requestFailed(failed)).toBe(false);
    noteFailedRequest(failed);
    noteFailedRequest(failed);
    expect(requestFailed(failed)).toBe(true);
    expect(requestFailed(other)).toBe(false);
  });
});

import { fillRoutePath, joinRoutePath, routeMatches } from './route-paths.rules';

describe('route paths', () => {
  it('joins a controller path and a handler path as the router does', () => {
    expect(joinRoutePath('admin', '/')).toBe('/admin');
    expect(joinRoutePath('/', 'c/:slug')).toBe('/c/:slug');
    expect(joinRoutePath('api/conferences/:id/', '/speakers')).toBe('/api/conferences/:id/speakers');
    expect(joinRoutePath('/', '/')).toBe('/');
  });

  it('matches concrete paths against patterns, segment by segment', () => {
    expect(routeMatches('/admin/conferences/:id/seating', '/admin/conferences/abc/seating')).toBe(true);
    expect(routeMatches('/admin/conferences/:id/seating', '/admin/conferences/abc/seating?x=1')).toBe(true);
    expect(routeMatches('/admin/conferences/:id', '/admin/conferences/abc/seating')).toBe(false);
    expect(routeMatches('/admin/conferences/:id/seating', '/admin/conferences//seating')).toBe(false);
    expect(routeMatches('/admin/conferences/new', '/admin/conferences/abc')).toBe(false);
  });

  it('fills parameters, escaped', () => {
    expect(fillRoutePath('/api/conferences/:id/registrations/:rid', (p) => (p === 'id' ? 'c 1' : 'r'))).toBe('/api/conferences/c%201/registrations/r');
  });
});

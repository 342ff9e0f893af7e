/** Joins a controller's and a handler's paths as the router does: one slash between parts, none at the end. */
export function joinRoutePath(...parts: Array<string | undefined>): string {
  const joined = parts
    .flatMap((part) => (part ?? '').split('/'))
    .filter((segment) => segment.length > 0)
    .join('/');
  return `/${joined}`;
}

/** Whether a concrete path (no query) matches a route pattern such as `/admin/conferences/:id/seating`. */
export function routeMatches(pattern: string, path: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('?')[0].split('/').filter(Boolean);
  return want.length === have.length && want.every((segment, i) => segment.startsWith(':') ? have[i].length > 0 : segment === have[i]);
}

/** The route's path with each `:param` filled in, e.g. for calling every route in a test. */
export function fillRoutePath(pattern: string, values: (param: string) => string): string {
  return pattern.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(values(name)));
}

/** The console's pages; the URL's hash names one (`#/models/digits`), so the server serves one page. */
export type Route =
  | { page: 'draw' }
  | { page: 'models' }
  | { page: 'model'; name: string }
  | { page: 'rain' }
  | { page: 'stores' }
  | { page: 'api' }
  | { page: 'jobs' }
  | { page: 'job'; id: string }
  | { page: 'not-found'; path: string };

/** The route a location hash names; an empty hash is the drawing page. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').replace(/\/+$/, '');
  const [first, second, ...rest] = path.split('/');
  if (rest.length === 0 && second === undefined) {
    if (first === '' || first === 'draw') return { page: 'draw' };
    if (first === 'models' || first === 'rain' || first === 'stores' || first === 'api' || first === 'jobs') {
      return { page: first };
    }
  }
  if (first === 'models' && second && rest.length === 0) return { page: 'model', name: decodeURIComponent(second) };
  if (first === 'jobs' && second && rest.length === 0) return { page: 'job', id: decodeURIComponent(second) };
  return { page: 'not-found', path };
}

/** The hash of a route, for links. */
export function routeHref(route: Route): string {
  if (route.page === 'model') return `#/models/${encodeURIComponent(route.name)}`;
  if (route.page === 'job') return `#/jobs/${encodeURIComponent(route.id)}`;
  if (route.page === 'not-found') return `#/${route.path}`;
  return `#/${route.page}`;
}

import type { HttpMethod } from './route-descriptor';

interface HttpApiEvent {
  httpApi?: { method?: unknown; path?: unknown } | string;
}

/** The `httpApi` routes of a parsed serverless.yml, with the function serving each. */
export function httpApiRoutes(config: unknown): { method: HttpMethod; path: string; function: string }[] {
  const functions = (config as { functions?: Record<string, { events?: HttpApiEvent[] }> }).functions ?? {};
  return Object.entries(functions).flatMap(([name, fn]) =>
    (fn.events ?? []).flatMap((event) => {
      const http = event.httpApi;
      if (http === undefined) return [];
      // serverless.yml also takes the short form `httpApi: 'GET /path'`.
      const [method, path] = typeof http === 'string' ? http.split(' ') : [http.method, http.path];
      return [{ method: String(method).toUpperCase() as HttpMethod, path: String(path), function: name }];
    }),
  );
}

import { apiUrl } from './invoke-endpoint';

/** Calls the project's HTTP API and returns the JSON answer; an error status throws the API's own message. */
export async function callApi(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  options: { url?: string; body?: unknown },
  env: NodeJS.ProcessEnv,
): Promise<unknown> {
  const base = apiUrl(options.url, env);
  const init: RequestInit = { method };
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { 'content-type': 'application/json' };
  }
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, init);
  } catch (error) {
    throw new Error(`nothing answers at ${base} — start the stack with pnpm start (or pass --url)`, { cause: error });
  }
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${res.status} from ${method} ${base}${path}: not JSON: ${text.slice(0, 200)}`);
  }
  if (res.ok) return parsed;
  const error = (parsed as { error?: { type?: string; message?: string } }).error;
  throw new Error(`${res.status} from ${method} ${path}: ${error?.type ?? 'error'}: ${error?.message ?? text}`);
}

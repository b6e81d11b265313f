import { readFile } from 'node:fs/promises';

/** `pnpm ml invoke <name> [--csv <file>|-] [--version <v>] [--accept …] [--url …]`. */
export interface InvokeOptions {
  name: string;
  /** A CSV file, or `-`/undefined for standard input. */
  csv?: string;
  version?: string;
  accept: 'application/json' | 'text/csv';
  /** The API's base URL: $API_URL, else the embedded stack's http://127.0.0.1:$HTTP_PORT (3000). */
  url?: string;
}

/** The API a bare `pnpm ml invoke` calls: $API_URL, else the embedded stack on $HTTP_PORT. */
export function apiUrl(option: string | undefined, env: NodeJS.ProcessEnv): string {
  return (option ?? env.API_URL ?? `http://127.0.0.1:${env.HTTP_PORT ?? '3000'}`).replace(/\/+$/, '');
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Sends CSV rows to `POST /endpoints/{name}/invocations` and returns the answer's text; an HTTP
 * error becomes an Error carrying the endpoint's own message (which names the row and column).
 */
export async function invokeEndpoint(
  options: InvokeOptions,
  env: NodeJS.ProcessEnv,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<string> {
  const body =
    options.csv === undefined || options.csv === '-' ? await readStdin(stdin) : await readFile(options.csv, 'utf8');
  const base = apiUrl(options.url, env);
  const query = options.version === undefined ? '' : `?version=${encodeURIComponent(options.version)}`;
  const url = `${base}/endpoints/${encodeURIComponent(options.name)}/invocations${query}`;
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/csv', accept: options.accept }, body });
  } catch (error) {
    throw new Error(`nothing answers at ${base} — start the stack with pnpm start (or pass --url)`, { cause: error });
  }
  const text = await res.text();
  if (res.ok) return text.replace(/\n$/, '');
  let message = text;
  try {
    const parsed = JSON.parse(text) as { error?: { type?: string; message?: string } };
    if (parsed.error?.message) message = `${parsed.error.type ?? 'error'}: ${parsed.error.message}`;
  } catch {
    // Not our JSON error shape: show the body as it came.
  }
  throw new Error(`${res.status} from ${url}: ${message}`);
}

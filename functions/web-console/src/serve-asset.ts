import { NotFoundError } from '@serverless-ml/errors';

/** A built console file: its path under the site root, its text and its content type. */
export interface ConsoleFile {
  path: string;
  body: string;
  contentType: string;
}

// The page may only load what it was built with and talk to its own API (which serves the plots).
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Hashed names never change content: cache them for a year. index.html names them, so it is revalidated. */
const cacheControl = (path: string) =>
  path.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';

/** The API Gateway response for a console file (`index.html` when `file` is undefined); 404 names the asset. */
export function serveAsset(files: readonly ConsoleFile[], file: string | undefined) {
  const path = file === undefined ? 'index.html' : `assets/${file}`;
  const found = files.find((f) => f.path === path);
  if (!found) throw new NotFoundError(`no console asset "${path}": the console was built with ${files.length} files`);
  return {
    statusCode: 200,
    headers: {
      'content-type': found.contentType,
      'cache-control': cacheControl(found.path),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...(found.path === 'index.html' ? { 'content-security-policy': CSP } : {}),
    },
    body: found.body,
  };
}

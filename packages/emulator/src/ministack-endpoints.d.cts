/** `https://<id>.execute-api.<anything>/path` → `http://localhost:<port>/_aws/execute-api/<id>/path`. */
export function miniStackUrl(url: string, port: string): string;

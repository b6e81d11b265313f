import { serveAsset } from './serve-asset';

const files = [
  { path: 'index.html', body: '<!doctype html>', contentType: 'text/html; charset=utf-8' },
  { path: 'assets/app-ABC123.js', body: 'console.log(1)', contentType: 'text/javascript; charset=utf-8' },
];

describe('serveAsset', () => {
  it('serves index.html for the root, revalidated, with a CSP that allows only its own files and API', () => {
    const res = serveAsset(files, undefined);
    expect(res).toMatchObject({ statusCode: 200, body: '<!doctype html>' });
    expect(res.headers).toMatchObject({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
  });

  it('serves a hashed asset with its content type, cached for a year', () => {
    const res = serveAsset(files, 'app-ABC123.js');
    expect(res.headers).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    expect(res.body).toBe('console.log(1)');
  });

  it('answers 404 naming an asset it was not built with, without reading anything else', () => {
    expect(() => serveAsset(files, '../../etc/passwd')).toThrow('no console asset "assets/../../etc/passwd"');
    expect(() => serveAsset(files, 'app-OLD.js')).toThrow(expect.objectContaining({ statusCode: 404 }));
  });
});

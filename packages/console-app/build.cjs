// Builds the console with esbuild into memory: index.html plus hashed JS and CSS under assets/.
// Used by the web-console function's esbuild plugin (which embeds the files in its bundle) and,
// run directly (`pnpm build:console`), writes them to dist/ and prints their sizes.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SRC = path.join(__dirname, 'src');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The console's files: `[{ path, body, contentType }]`, paths relative to the site root. */
async function buildConsole({ minify = true } = {}) {
  const esbuild = require('esbuild');
  const result = await esbuild.build({
    entryPoints: { app: path.join(SRC, 'main.tsx') },
    bundle: true,
    minify,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    entryNames: '[name]-[hash]',
    outdir: path.join(__dirname, 'dist', 'assets'),
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const files = result.outputFiles.map((file) => ({
    path: `assets/${path.basename(file.path)}`,
    body: file.text,
    contentType: CONTENT_TYPES[path.extname(file.path)],
  }));
  const js = files.find((f) => f.path.endsWith('.js'));
  const css = files.find((f) => f.path.endsWith('.css'));
  if (!js || !css) throw new Error('the console build gave no JS or no CSS');
  // Relative asset URLs: the page works at the API's root and behind a stage prefix alike.
  const html = fs
    .readFileSync(path.join(SRC, 'index.html'), 'utf8')
    .replace('%JS%', js.path)
    .replace('%CSS%', css.path);
  return [{ path: 'index.html', body: html, contentType: CONTENT_TYPES['.html'] }, ...files];
}

/** Every source file of the console, so a bundler can rebuild when one changes. */
function consoleSources(dir = SRC) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? consoleSources(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((file) => !file.endsWith('.test.ts'));
}

module.exports = { buildConsole, consoleSources };

if (require.main === module) {
  buildConsole().then((files) => {
    const out = path.join(__dirname, 'dist');
    fs.rmSync(out, { recursive: true, force: true });
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(out, file.path)), { recursive: true });
      fs.writeFileSync(path.join(out, file.path), file.body);
      const gzip = zlib.gzipSync(file.body).length;
      console.log(
        `${file.path.padEnd(28)} ${(Buffer.byteLength(file.body) / 1024).toFixed(1)} KB (${(gzip / 1024).toFixed(1)} KB gzip)`,
      );
    }
  });
}

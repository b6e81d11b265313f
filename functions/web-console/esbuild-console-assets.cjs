// `import files from 'console-assets'` in the web-console handler: the console (packages/console-app),
// built by esbuild when the function is bundled, embedded as strings. One build serves the
// embedded stack (serverless-offline runs these bundles) and the zip deployed to AWS.
'use strict';

const { buildConsole, consoleSources } = require('../../packages/console-app/build.cjs');

const consoleAssets = {
  name: 'web-console-assets',
  setup(build) {
    build.onResolve({ filter: /^console-assets$/ }, () => ({ path: 'console-assets', namespace: 'console-assets' }));
    build.onLoad({ filter: /.*/, namespace: 'console-assets' }, async () => {
      const minify = build.initialOptions.minify !== false;
      const files = await buildConsole({ minify });
      return { contents: `module.exports = ${JSON.stringify(files)};`, loader: 'js', watchFiles: consoleSources() };
    });
  },
};

module.exports = [consoleAssets];

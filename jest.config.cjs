// The AWS SDK's notice that its 2027 releases need Node 22 (ours are pinned), once per test file.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Unit tests sit next to the code; end-to-end tests live in test/. */
module.exports = {
  resolver: '<rootDir>/test/jest-resolver.cjs',
  testEnvironment: '<rootDir>/test/jest-environment.cjs',
  testMatch: ['<rootDir>/{functions,packages,layers}/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  // test/browser/ needs Chromium: `pnpm test:browser` runs it (test/browser/jest.config.cjs).
  testPathIgnorePatterns: ['/node_modules/', '/\\.esbuild', '/.serverless/', '/build/', '<rootDir>/test/browser/'],
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest'] },
  // @middy/* and Vega (vega*, d3-* and their small helpers) are ESM-only: swc turns them into CommonJS for jest.
  transformIgnorePatterns: [
    '/node_modules/(?!\\.pnpm|@middy|vega|d3-|delaunator|internmap|robust-predicates|json-stringify-pretty-compact)',
  ],
  // zod's per-locale files are ESM at `.js` and CommonJS at `.cjs`.
  moduleNameMapper: { '^zod/v4/locales/(.*)\\.js$': 'zod/v4/locales/$1.cjs' },
  testTimeout: 30000,
};

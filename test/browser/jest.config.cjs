// `pnpm test:browser`: the web console in Debian's Chromium against the real embedded stack.
// Kept out of `pnpm test` (which ignores test/browser/): it needs /usr/bin/chromium.
const base = require('../../jest.config.cjs');

module.exports = {
  ...base,
  rootDir: '../..',
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/\\.esbuild'],
  testTimeout: 120000,
};

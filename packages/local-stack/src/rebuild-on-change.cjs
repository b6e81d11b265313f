// A Serverless plugin for `sls offline` (the embedded stack): rebuilds the functions when the
// project's own sources change, once per burst, one build at a time. It replaces
// serverless-esbuild's watcher, which watched `./**/*.(js|ts)` following the workspace symlinks
// into node_modules/.pnpm and started a full bundle on every event without waiting for the one
// before: a `pnpm install` elsewhere, a test's `.esbuild-*` folder or a `git checkout` piled up
// dozens of concurrent builds and esbuild's service grew to several GB (issue 8).
'use strict';

const { burstRunner, watchSources } = require('./source-watch.cjs');

class RebuildOnChangePlugin {
  constructor(serverless, _options, { log }) {
    this.serverless = serverless;
    this.log = log;
    const start = () => this.start();
    // `sls offline start` runs the first hook, `sls offline` the second; serverless-esbuild's
    // hooks on the same events (listed before this plugin) have built the functions by then.
    this.hooks = { 'before:offline:start:init': start, 'before:offline:start': start };
  }

  start() {
    if (this.watch) return;
    const esbuild = this.serverless.pluginManager.plugins.find((p) => p.constructor.name === 'EsbuildServerlessPlugin');
    if (!esbuild) throw new Error('rebuild-on-change needs serverless-esbuild, listed before it in serverless.yml');
    const rebuild = burstRunner(async (changes) => {
      const started = Date.now();
      const shown =
        changes.length > 3 ? `${changes.slice(0, 3).join(', ')} and ${changes.length - 3} more` : changes.join(', ');
      try {
        await esbuild.bundle();
        // serverless-offline ends its worker threads: the next invocation loads the new bundle.
        await this.serverless.pluginManager.spawn('offline:functionsUpdated');
        this.log.notice(`[watch] rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s after ${shown}`);
      } catch {
        this.log.warning(`[watch] build failed after ${shown}; the last good build serves until a fix`);
      }
    });
    this.watch = watchSources(this.serverless.serviceDir, (file) => rebuild.add(file));
    const count = this.watch.sync();
    this.log.notice(`[watch] ${count} folders of the functions and the packages they use: a change rebuilds them once`);
  }
}

module.exports = RebuildOnChangePlugin;

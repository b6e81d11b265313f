// What the embedded stack watches and how it batches changes (used by rebuild-on-change.cjs).
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** Quiet time that ends a burst: a `git checkout` or an editor's save-all arrives well within it. */
const QUIET_MS = 300;
// css and html: the web console's stylesheet and page are bundled into the web-console function.
const SOURCE_FILE = /\.(ts|tsx|js|cjs|mjs|json|css|html)$/;
// Tests are not bundled; dot files are editors' swap and backup files.
const IGNORED_FILE = /\.test\.ts$|^\./;

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const subdirs = (dir) =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()) : [];

/**
 * What the functions are built from: each functions/<name> folder (rain-forecast's src imports
 * its gazetteer/ folder) and the src folder of every workspace package they depend on, directly
 * or not. Tooling packages (local-stack, pods, ml-cli) are not watched.
 */
function sourceRoots(serviceDir) {
  const packages = new Map();
  for (const entry of subdirs(path.join(serviceDir, 'packages'))) {
    const dir = path.join(serviceDir, 'packages', entry.name);
    if (fs.existsSync(path.join(dir, 'package.json'))) packages.set(readJson(path.join(dir, 'package.json')).name, dir);
  }
  const functions = subdirs(path.join(serviceDir, 'functions')).map((e) => path.join(serviceDir, 'functions', e.name));
  const roots = new Set();
  const visit = (dir, root) => {
    if (roots.has(root) || !fs.existsSync(path.join(dir, 'package.json'))) return;
    roots.add(root);
    for (const name of Object.keys(readJson(path.join(dir, 'package.json')).dependencies ?? {})) {
      const pkg = packages.get(name);
      if (pkg) visit(pkg, path.join(pkg, 'src'));
    }
  };
  for (const dir of functions) visit(dir, dir);
  return [...roots].filter((root) => fs.lstatSync(root, { throwIfNoEntry: false })?.isDirectory());
}

/** The roots and every folder below them, except node_modules and dot folders; symlinks are not followed. */
function sourceDirs(serviceDir) {
  const dirs = [];
  const walk = (dir) => {
    dirs.push(dir);
    let entries = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      // Removed while walking (a checkout): the next sync sees the new tree.
    }
    for (const entry of entries) {
      // A Dirent of a symlink is not a directory: links are never followed.
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
        walk(path.join(dir, entry.name));
      }
    }
  };
  for (const root of sourceRoots(serviceDir)) walk(root);
  return dirs;
}

/**
 * Calls `task(changes)` once per burst of `add(change)` calls, `quietMs` after the last one, and
 * never twice at a time: changes that arrive during a run give exactly one more run after it.
 * A task that throws is reported and the next burst runs again (it must not end the stack).
 */
function burstRunner(task, quietMs = QUIET_MS) {
  let timer;
  let running = false;
  let changes = new Set();
  const run = async () => {
    timer = undefined;
    if (running || changes.size === 0) return;
    running = true;
    const batch = changes;
    changes = new Set();
    try {
      await task([...batch]);
    } catch (error) {
      console.error(`[watch] ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
      if (changes.size > 0 && timer === undefined) timer = setTimeout(run, quietMs);
    }
  };
  return {
    add(change) {
      changes.add(change);
      clearTimeout(timer);
      timer = setTimeout(run, quietMs);
    },
    close() {
      clearTimeout(timer);
      timer = undefined;
      changes.clear();
    },
  };
}

/**
 * One non-recursive watcher per source folder; `onChange(relativePath)` for source files only.
 * Folders created, removed or renamed are picked up a quiet period later.
 */
function watchSources(serviceDir, onChange) {
  const watchers = new Map();
  let resync;
  const unwatch = (dir) => {
    watchers.get(dir)?.close();
    watchers.delete(dir);
  };
  const sync = () => {
    const wanted = new Set(sourceDirs(serviceDir));
    for (const dir of watchers.keys()) if (!wanted.has(dir)) unwatch(dir);
    for (const dir of wanted) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = fs.watch(dir, (event, name) => {
          if (event === 'rename') {
            clearTimeout(resync);
            resync = setTimeout(sync, QUIET_MS);
          }
          if (name && SOURCE_FILE.test(name) && !IGNORED_FILE.test(name)) {
            onChange(path.relative(serviceDir, path.join(dir, name)));
          }
        });
        watcher.on('error', () => unwatch(dir));
        watchers.set(dir, watcher);
      } catch {
        // Removed between the walk and the watch: nothing to watch.
      }
    }
    return watchers.size;
  };
  return {
    sync,
    close() {
      clearTimeout(resync);
      for (const dir of [...watchers.keys()]) unwatch(dir);
    },
  };
}

module.exports = { burstRunner, sourceDirs, sourceRoots, watchSources };

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { burstRunner, sourceDirs } from './source-watch.cjs';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function waitFor(done: () => boolean) {
  for (const end = Date.now() + 5000; !done(); await settle(5)) {
    if (Date.now() > end) throw new Error('timed out');
  }
}

describe('burstRunner', () => {
  it('runs once for a burst of changes, with every changed file once', async () => {
    const runs: string[][] = [];
    const runner = burstRunner(async (changes) => {
      runs.push(changes);
    }, 20);
    for (let i = 0; i < 50; i++) runner.add(`functions/a/src/file-${i % 10}.ts`);
    await settle(100);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toHaveLength(10);
  });

  it('runs once more after a run during which files changed, never two at a time', async () => {
    let running = 0;
    let mostAtOnce = 0;
    let release = () => {};
    const runs: string[][] = [];
    const runner = burstRunner(async (changes) => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      runs.push(changes);
      if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve));
      running -= 1;
    }, 10);
    runner.add('a.ts');
    await waitFor(() => runs.length === 1);
    runner.add('b.ts');
    runner.add('c.ts');
    await settle(50); // their quiet period ends while the first run is still going
    release();
    await waitFor(() => runs.length === 2 && running === 0);
    await settle(50); // and no third run
    expect(runs).toEqual([['a.ts'], ['b.ts', 'c.ts']]);
    expect(mostAtOnce).toBe(1);
  });

  it('keeps running bursts after a task that threw', async () => {
    const runs: string[][] = [];
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    const runner = burstRunner(async (changes) => {
      runs.push(changes);
      if (runs.length === 1) throw new Error('build failed');
    }, 10);
    runner.add('a.ts');
    await waitFor(() => runs.length === 1);
    runner.add('b.ts');
    await waitFor(() => runs.length === 2);
    expect(error).toHaveBeenCalledWith('[watch] build failed');
    error.mockRestore();
  });
});

describe('sourceDirs', () => {
  let root: string;
  const file = (relative: string, content = '') => {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), content);
  };
  const pkg = (dir: string, name: string, dependencies: Record<string, string> = {}) =>
    file(`${dir}/package.json`, JSON.stringify({ name, dependencies }));

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'source-watch-'));
    pkg('functions/fn', '@x/fn', { '@x/lib': 'workspace:*', zod: '4' });
    file('functions/fn/src/handler.ts');
    file('functions/fn/src/nested/deep.ts');
    file('functions/fn/src/.cache/x.ts');
    file('functions/fn/node_modules/zod/index.js');
    pkg('packages/lib', '@x/lib', { '@x/base': 'workspace:*' });
    file('packages/lib/src/index.ts');
    pkg('packages/base', '@x/base');
    file('packages/base/src/index.ts');
    pkg('packages/tool', '@x/tool', { '@x/lib': 'workspace:*' });
    file('packages/tool/src/cli.ts');
    file('node_modules/.pnpm/zod@4/node_modules/zod/index.js');
    symlinkSync(path.join(root, 'node_modules/.pnpm'), path.join(root, 'functions/fn/src/linked'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('watches the functions and the packages they use, without node_modules, dot folders or symlinks', () => {
    const dirs = sourceDirs(root).map((dir) => path.relative(root, dir));
    expect(dirs.sort()).toEqual([
      'functions/fn',
      'functions/fn/src',
      'functions/fn/src/nested',
      'packages/base/src',
      'packages/lib/src',
    ]);
  });
});

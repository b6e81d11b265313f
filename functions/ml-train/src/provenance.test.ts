import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCodeVersion, readProvenance } from './provenance';

describe('readCodeVersion', () => {
  let dir: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], {
      cwd: dir,
      encoding: 'utf8',
    }).trim();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'provenance-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prefers CODE_VERSION, which deployments set because Lambda bundles have no .git', () => {
    expect(readCodeVersion({ CODE_VERSION: ' abc123 ' }, dir)).toBe('abc123');
  });

  it('returns unknown outside a git repository when CODE_VERSION is unset or unknown', () => {
    expect(readCodeVersion({}, dir)).toBe('unknown');
    expect(readCodeVersion({ CODE_VERSION: 'unknown' }, dir)).toBe('unknown');
  });

  it('falls back to the commit of the repository holding the code, marked -dirty after an edit', () => {
    git('init', '--quiet');
    writeFileSync(join(dir, 'trainer.ts'), 'export {};\n');
    git('add', '.');
    git('commit', '--quiet', '-m', 'trainer');
    const commit = git('rev-parse', 'HEAD');

    expect(readCodeVersion({ CODE_VERSION: 'unknown' }, dir)).toBe(commit);
    writeFileSync(join(dir, 'trainer.ts'), 'export const changed = 1;\n');
    expect(readCodeVersion({}, dir)).toBe(`${commit}-dirty`);
  });
});

describe('readProvenance', () => {
  it('names the versions of every library that shapes model.onnx', () => {
    const { codeVersion, versions } = readProvenance({ CODE_VERSION: 'abc123' });
    expect(codeVersion).toBe('abc123');
    expect(versions).toEqual({
      node: process.version,
      'libsvm-js': expect.stringMatching(/^\d+\.\d+\.\d+/),
      'onnx-proto': expect.stringMatching(/^\d+\.\d+\.\d+/),
      'onnxruntime-node': expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });
});

import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The file edited each round: model-registry's own source, so the edit shows in its bundle. */
export const EDITED_FILE = 'functions/model-registry/src/schema.ts';
const NEW_FILE_DIR = 'functions/model-registry/src';
// A package folder the workspace links to (functions/model-registry/node_modules/zod →
// node_modules/.pnpm/zod@…/node_modules/zod), where a `pnpm install` elsewhere lands.
const LINKED_PACKAGE = 'functions/model-registry/node_modules/zod';

/** The line each round appends: printed when the rebuilt handler loads, kept by the minifier. */
export const marker = (round: number) => `watch-memory check: round ${round}`;

/**
 * What changes under a running stack each round: an edit to a source file, a new source file,
 * a test-like `.esbuild-*` build folder and files in a linked node_modules/.pnpm package.
 * `restore()` undoes all of it; it removes only what was added, so edits others make to the same
 * file meanwhile are kept.
 */
export function sourceChurn(repoDir: string) {
  const tag = `watch-memory-check-${process.pid}`;
  const edited = path.join(repoDir, EDITED_FILE);
  const buildLike = path.join(repoDir, `.esbuild-${tag}`);
  const pnpmPackage = realpathSync(path.join(repoDir, LINKED_PACKAGE));
  const created: string[] = [buildLike];
  let appended = '';

  const stripAppended = () => {
    const text = readFileSync(edited, 'utf8');
    const at = appended ? text.lastIndexOf(appended) : -1;
    if (at >= 0) writeFileSync(edited, text.slice(0, at) + text.slice(at + appended.length));
    appended = '';
  };
  const write = (file: string, content: string) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    created.push(file);
  };

  return {
    /** Round `round`'s changes, all within a few milliseconds, as a checkout or a save-all would. */
    change(round: number) {
      stripAppended();
      appended = `\nconsole.log('${marker(round)}');\n`;
      writeFileSync(edited, readFileSync(edited, 'utf8') + appended);
      write(path.join(repoDir, NEW_FILE_DIR, `${tag}-${round}.ts`), `export const round = ${round};\n`);
      for (let i = 0; i < 20; i++) {
        const name = `r${round}-${i}`;
        write(path.join(buildLike, '.build/functions/some-function/src', `${name}.js`), `exports.x = ${i};\n`);
        write(path.join(buildLike, 'functions/some-function/src', `${name}.ts`), `export const x = ${i};\n`);
      }
      for (let i = 0; i < 5; i++) write(path.join(pnpmPackage, `${tag}-r${round}-${i}.js`), `exports.x = ${i};\n`);
    },
    restore() {
      stripAppended();
      for (const file of created.splice(0)) rmSync(file, { recursive: true, force: true });
    },
  };
}

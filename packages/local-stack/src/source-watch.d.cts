export interface BurstRunner {
  add(change: string): void;
  close(): void;
}
/** Calls `task(changes)` once per burst of `add()` calls, `quietMs` after the last, never twice at a time. */
export function burstRunner(task: (changes: string[]) => Promise<void>, quietMs?: number): BurstRunner;
/** The folders the functions are built from: functions/<name> and the src of the packages they use. */
export function sourceRoots(serviceDir: string): string[];
/** The roots and every folder below them, except node_modules, dot folders and symlinks. */
export function sourceDirs(serviceDir: string): string[];
/** One watcher per source folder; `onChange(relativePath)` for source files only. */
export function watchSources(serviceDir: string, onChange: (file: string) => void): { sync(): number; close(): void };

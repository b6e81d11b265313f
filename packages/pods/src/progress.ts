/** Counts bytes and objects of a long copy and reports them now and then. */
export interface Progress {
  bytes(n: number): void;
  object(): void;
  done(): void;
}

/** What a copy will move; `sofar` when it began before its total was known (a save copies as it lists). */
export interface ProgressTotal {
  bytes: number;
  objects: number;
  sofar?: { bytes: number; objects: number; startedAt: number };
}

/** Progress that says nothing (tests, small pods). */
export const silentProgress: Progress = { bytes: () => undefined, object: () => undefined, done: () => undefined };

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

/**
 * Reports `<label> 120.3/250.0 MB, 17/40 objects, 85.2 MB/s` at most every `everyMs`, and once at
 * the end — only for copies of at least `minBytes`, so small pods stay quiet.
 */
export function createProgress(
  label: string,
  total: ProgressTotal,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  options: { everyMs?: number; minBytes?: number; now?: () => number } = {},
): Progress {
  const { everyMs = 1000, minBytes = 16e6, now = Date.now } = options;
  if (total.bytes < minBytes) return silentProgress;
  const started = total.sofar?.startedAt ?? now();
  let lastReport = now();
  let bytes = total.sofar?.bytes ?? 0;
  let objects = total.sofar?.objects ?? 0;
  const report = () => {
    const seconds = Math.max((now() - started) / 1000, 1e-3);
    write(
      `${label} ${mb(bytes)}/${mb(total.bytes)} MB, ${objects}/${total.objects} objects, ${mb(bytes / seconds)} MB/s`,
    );
  };
  return {
    bytes(n) {
      bytes += n;
      if (now() - lastReport >= everyMs) {
        lastReport = now();
        report();
      }
    },
    object() {
      objects += 1;
    },
    done: report,
  };
}

/**
 * Progress for a copy that starts before its total is known: counts until `known(total)`, then
 * creates the real one with those counts and the start time, so its figures and rate stay right.
 */
export function progressOnceKnown(
  create: (total: ProgressTotal) => Progress,
  now: () => number = Date.now,
): Progress & { known(total: { bytes: number; objects: number }): void } {
  const sofar = { bytes: 0, objects: 0, startedAt: now() };
  let real: Progress | undefined;
  return {
    bytes(n) {
      if (real) real.bytes(n);
      else sofar.bytes += n;
    },
    object() {
      if (real) real.object();
      else sofar.objects += 1;
    },
    done() {
      real?.done();
    },
    known(total) {
      real = create({ ...total, sofar });
    },
  };
}

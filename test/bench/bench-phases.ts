/** The bench's phases in the order they run; `BENCH_ONLY` picks some of them. */
export const PHASES = [
  'digits',
  'sklearn',
  'housing',
  'rain',
  'stores',
  'batch',
  'load',
  'jobs',
  'package',
  'pods',
] as const;
export type Phase = (typeof PHASES)[number];
/** The phases that need the embedded stack (digits: its cold start and HTTP; housing: the invocations endpoint). */
export const STACK_PHASES: readonly Phase[] = ['digits', 'housing', 'rain', 'stores', 'batch', 'load', 'jobs'];

const isPhase = (name: string): name is Phase => PHASES.some((p) => p === name);

/**
 * The phases to run: every one when `only` is unset or blank, else the comma-separated names
 * (`BENCH_ONLY=housing,sklearn`). An unknown name throws, naming the known ones.
 */
export function selectPhases(only: string | undefined): ReadonlySet<Phase> {
  const names = (only ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) return new Set(PHASES);
  const unknown = names.filter((name) => !isPhase(name));
  if (unknown.length > 0)
    throw new Error(
      `BENCH_ONLY: unknown phase ${unknown.map((n) => `"${n}"`).join(', ')}; the phases are ${PHASES.join(', ')}`,
    );
  return new Set(names.filter(isPhase));
}

import { existsSync, readFileSync } from 'node:fs';

interface ScenarioFinished {
  phase: string;
  recorder: { label: string; checks?: Record<string, unknown[]> };
}

/**
 * Test cases schemathesis sent and checked, by operation (`GET /models`) and phase, read from its
 * ndjson report: each ScenarioFinished event records its cases with the checks run on each answer.
 */
export function casesPerOperation(file: string): Map<string, Record<string, number>> {
  const counts = new Map<string, Record<string, number>>();
  if (!existsSync(file)) return counts;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.includes('"ScenarioFinished"')) continue;
    const { phase, recorder } = (JSON.parse(line) as { ScenarioFinished: ScenarioFinished }).ScenarioFinished;
    const byPhase = counts.get(recorder.label) ?? {};
    byPhase[phase] = (byPhase[phase] ?? 0) + Object.keys(recorder.checks ?? {}).length;
    counts.set(recorder.label, byPhase);
  }
  return counts;
}

/** One line per operation (its total and per phase) and the total. */
export function formatCounts(counts: Map<string, Record<string, number>>): string[] {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const lines = [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([operation, phases]) => {
      const detail = Object.entries(phases)
        .map(([phase, n]) => `${phase} ${n}`)
        .join(', ');
      return `${String(sum(Object.values(phases))).padStart(6)} cases  ${operation} (${detail})`;
    });
  const total = sum([...counts.values()].flatMap((phases) => Object.values(phases)));
  // The stateful phase reports its sequences under one label of its own, not an operation.
  const operations = [...counts.values()].filter((phases) => Object.keys(phases).some((p) => p !== 'stateful')).length;
  return [...lines, `${String(total).padStart(6)} cases  in total, ${operations} operations`];
}

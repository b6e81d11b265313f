import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { casesPerOperation, formatCounts } from './schemathesis-report';

const scenario = (label: string, phase: string, cases: number) =>
  JSON.stringify({
    ScenarioFinished: {
      phase,
      recorder: { label, checks: Object.fromEntries(Array.from({ length: cases }, (_, i) => [`c${i}`, []])) },
    },
  });

describe('casesPerOperation', () => {
  it('counts the checked cases of each operation by phase, ignoring other events', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'fuzz-report-test-')), 'report.ndjson');
    const lines = [
      JSON.stringify({ PhaseStarted: { phase: { name: 'fuzzing' } } }),
      scenario('GET /models', 'coverage', 3),
      scenario('GET /models', 'fuzzing', 4),
      scenario('GET /ping', 'fuzzing', 2),
      scenario('GET /models', 'fuzzing', 1),
      scenario('Stateful tests', 'stateful', 6),
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const counts = casesPerOperation(file);
    expect(Object.fromEntries(counts)).toEqual({
      'GET /models': { coverage: 3, fuzzing: 5 },
      'GET /ping': { fuzzing: 2 },
      'Stateful tests': { stateful: 6 },
    });
    expect(formatCounts(counts)).toEqual([
      '     8 cases  GET /models (coverage 3, fuzzing 5)',
      '     2 cases  GET /ping (fuzzing 2)',
      '     6 cases  Stateful tests (stateful 6)',
      '    16 cases  in total, 2 operations',
    ]);
  });
});

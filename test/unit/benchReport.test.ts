import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CorpusManifest } from '../bench/corpusBuilder';
import { budgetRows } from '../bench/report';
import type { BenchResults, SizeResult } from '../bench/results';

/** A size where only typing was measured, every keystroke taking `keystrokeMs`. */
function typedIn(count: number, keystrokeMs: number): SizeResult {
  return {
    manifest: { count, files: count + 1 } as CorpusManifest,
    runs: [],
    baseline: [],
    interactive: { keystrokes: [keystrokeMs], hovers: [1], codeActions: [1], flagged: 0, words: 5000, clock: { typingStart: 0, typingEnd: 0 } },
  };
}

const results = (sizes: SizeResult[]): BenchResults => ({ sizes, skipped: [], problems: [] }) as unknown as BenchResults;

test('the typing budgets are judged in the 10,000-article workspace they are set for, also when a larger one was measured', () => {
  const rows = budgetRows(results([typedIn(3_000, 12), typedIn(10_000, 25), typedIn(30_000, 40)]));
  const p50 = rows.find(([name]) => name.startsWith('Keystroke → diagnostics p50'))!;
  assert.deepEqual(p50, ['Keystroke → diagnostics p50 (10,000-article workspace)', '≤ 30 ms', '25.0 ms', 'PASS']);
});

test('without a 10,000-article workspace, the typing budgets are judged in the largest one measured', () => {
  const rows = budgetRows(results([typedIn(1_000, 12), typedIn(3_000, 35)]));
  const p50 = rows.find(([name]) => name.startsWith('Keystroke → diagnostics p50'))!;
  assert.deepEqual(p50, ['Keystroke → diagnostics p50 (3,000-article workspace)', '≤ 30 ms', '35.0 ms', 'FAIL']);
});

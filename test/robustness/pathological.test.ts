/**
 * The whole analysis (findings and highlighting) on texts built to stress it: each finishes within a CPU
 * budget proportional to its size, throws nothing, and its findings hold the text at their spans.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { PATHOLOGICAL_INPUTS } from './pathologicalInputs';
import type { PathologicalResult } from './pathologicalWorker';

/** CPU milliseconds allowed per million characters, and at least this many for a short text. */
const BUDGET_MS_PER_MILLION = 2000;
const MIN_BUDGET_MS = 1000;
/** Wall-clock time after which a case counts as hung and its process is killed (the machine may be busy). */
const hangAfterMs = (characters: number): number => 3000 + 3 * budgetMs(characters);
const budgetMs = (characters: number): number => Math.max(MIN_BUDGET_MS, (characters / 1_000_000) * BUDGET_MS_PER_MILLION);

type Outcome = PathologicalResult | { name: string; failed: string };

/** Runs the cases one after another in a child process, replaced whenever one hangs or kills it. */
function runAll(names: string[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let child: ChildProcess | undefined;
  return new Promise((resolve) => {
    const next = (index: number): void => {
      if (index >= names.length) {
        child?.kill();
        return resolve(outcomes);
      }
      const name = names[index];
      child ??= fork(path.join(__dirname, 'pathologicalWorker.js'), { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      const current = child;
      const stderr: string[] = [];
      current.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
      const finish = (outcome: Outcome, replace: boolean): void => {
        clearTimeout(timer);
        current.removeAllListeners('message').removeAllListeners('exit');
        current.stderr?.removeAllListeners('data');
        if (replace) {
          current.kill('SIGKILL');
          child = undefined;
        }
        outcomes.push(outcome);
        next(index + 1);
      };
      const limit = hangAfterMs(PATHOLOGICAL_INPUTS[name]().length);
      const timer = setTimeout(() => finish({ name, failed: `not finished after ${limit} ms` }, true), limit);
      current.once('message', (result: PathologicalResult) => finish(result, false));
      current.once('exit', (code, signal) => finish({ name, failed: `the process died (${signal ?? `exit ${code}`}): ${stderr.join('').trim().split('\n').slice(0, 3).join(' | ')}` }, true));
      current.send(name);
    };
    next(0);
  });
}

test('stress texts are analysed within 2 s of CPU per million characters, without errors', async (t) => {
  const results = await runAll(Object.keys(PATHOLOGICAL_INPUTS));
  const problems: string[] = [];
  for (const result of results) {
    if ('failed' in result) {
      problems.push(`${result.name}: ${result.failed}`);
      continue;
    }
    const budget = budgetMs(result.characters);
    t.diagnostic(`${result.name}: ${result.characters} characters, ${result.cpuMs} ms CPU (budget ${Math.round(budget)}), ${result.findings} findings`);
    if (result.error) problems.push(`${result.name}: ${result.error}`);
    else if (result.cpuMs > budget) problems.push(`${result.name}: ${result.cpuMs} ms CPU for ${result.characters} characters, over the budget of ${Math.round(budget)} ms`);
  }
  assert.deepEqual(problems, []);
});

/**
 * The whole analysis (findings and highlighting) on texts built to stress it: none throws, the findings
 * hold the text at their spans, and none costs out of proportion. "Proportion" is measured, not assumed,
 * so that it holds on any machine: against ordinary news prose analysed in the same process (a stress
 * text is all figures or all dates where prose has one in fifty words, so it may cost a few times more
 * per character, never more than that), and against its own first quarter (four times the text must
 * not cost much more than four times the time: that is what a runaway regular expression or a quadratic loop breaks).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { PATHOLOGICAL_INPUTS } from './pathologicalInputs';
import { PROSE, type Measurement, type PathologicalResult, type ProseResult } from './pathologicalWorker';

/** CPU per character allowed, as a multiple of ordinary prose's. */
const PROSE_FACTOR = 5;
/**
 * CPU allowed for the whole text, as a multiple of its first quarter's: 4 is linear, 16 quadratic; the
 * margin is for the garbage collector, which works harder on a larger heap, and for a busy machine.
 */
const GROWTH_FACTOR = 8;
/** Added to both limits, for what a measurement of a few milliseconds cannot resolve. */
const SLACK_MS = 60;
/**
 * Wall-clock time after which a case counts as hung and fails: three times its CPU limit against prose
 * (each case is analysed four times, twice whole and twice a quarter), or this before prose is measured.
 */
const HANG_MS = 60_000;
const hangMs = (characters: number, proseMsPerCharacter: number | undefined): number =>
  proseMsPerCharacter === undefined ? HANG_MS : Math.max(10_000, 3 * (PROSE_FACTOR * proseMsPerCharacter * characters + SLACK_MS));

type Outcome = PathologicalResult | { name: string; failed: string };

/** Runs the cases one after another in a child process, replaced whenever one hangs or kills it. */
function runAll(names: string[]): Promise<Map<string, Outcome | ProseResult>> {
  const outcomes = new Map<string, Outcome | ProseResult>();
  let child: ChildProcess | undefined;
  return new Promise((resolve) => {
    const next = (index: number): void => {
      if (index >= names.length) {
        child?.kill();
        return resolve(outcomes);
      }
      const name = names[index];
      child ??= fork(path.join(__dirname, 'pathologicalWorker.js'), { execArgv: ['--expose-gc'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      const current = child;
      const stderr: string[] = [];
      current.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
      const finish = (outcome: Outcome | ProseResult, replace: boolean): void => {
        clearTimeout(timer);
        current.removeAllListeners('message').removeAllListeners('exit');
        current.stderr?.removeAllListeners('data');
        if (replace) {
          current.kill('SIGKILL');
          child = undefined;
        }
        outcomes.set(name, outcome);
        next(index + 1);
      };
      const prose = outcomes.get(PROSE);
      const limit = hangMs(name === PROSE ? 0 : PATHOLOGICAL_INPUTS[name]().length, prose && 'prose' in prose ? prose.prose.cpuMs / prose.prose.characters : undefined);
      const timer = setTimeout(() => finish({ name, failed: `not finished after ${Math.round(limit)} ms` }, true), limit);
      current.once('message', (result: PathologicalResult | ProseResult) => finish(result, false));
      current.once('exit', (code, signal) => finish({ name, failed: `the process died (${signal ?? `exit ${code}`}): ${stderr.join('').trim().split('\n').slice(0, 3).join(' | ')}` }, true));
      current.send(name);
    };
    next(0);
  });
}

const outcomes = runAll([PROSE, ...Object.keys(PATHOLOGICAL_INPUTS)]);

const describe = (m: Measurement): string => `${m.characters} characters: ${Math.round(m.cpuMs)} ms CPU, ${m.findings} findings`;

async function proseMsPerCharacter(): Promise<number> {
  const reference = (await outcomes).get(PROSE);
  assert.ok(reference && 'prose' in reference, `ordinary prose was not measured: ${JSON.stringify(reference)}`);
  return reference.prose.cpuMs / reference.prose.characters;
}

test('ordinary prose is analysed for reference', async (t) => {
  const perCharacter = await proseMsPerCharacter();
  t.diagnostic(`ordinary prose: ${(perCharacter * 1000).toFixed(2)} s of CPU per million characters`);
  assert.ok(perCharacter > 0);
});

for (const name of Object.keys(PATHOLOGICAL_INPUTS)) {
  test(`stress text "${name}": no error, in proportion to its size`, async (t) => {
    const outcome = (await outcomes).get(name);
    assert.ok(outcome && 'name' in outcome, `no result for ${name}`);
    if ('failed' in outcome) assert.fail(outcome.failed);
    if (outcome.error) assert.fail(outcome.error);
    const { whole, quarter } = outcome;
    const prose = await proseMsPerCharacter();
    const proseLimit = PROSE_FACTOR * prose * whole.characters + SLACK_MS;
    const growthLimit = GROWTH_FACTOR * quarter.cpuMs + SLACK_MS;
    t.diagnostic(`whole ${describe(whole)} (${((whole.cpuMs / whole.characters / prose) || 0).toFixed(1)}× prose per character); first quarter ${describe(quarter)}`);
    assert.ok(whole.cpuMs <= proseLimit, `${Math.round(whole.cpuMs)} ms of CPU for ${whole.characters} characters; ${PROSE_FACTOR}× ordinary prose allows ${Math.round(proseLimit)} ms`);
    assert.ok(whole.cpuMs <= growthLimit, `${Math.round(whole.cpuMs)} ms of CPU for the whole text, ${Math.round(quarter.cpuMs)} ms for its first quarter: it grows faster than its length`);
  });
}

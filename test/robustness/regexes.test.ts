/**
 * Every regular expression in the product, attacked with inputs built to make it backtrack: none may
 * take more than a moment on 200 characters. An expression with nested or overlapping quantifiers can
 * take minutes on a line of 150 characters, and a server stuck in one answers nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { findRegexes, type FoundRegex } from './regexAttacks';
import type { AttackMessage } from './regexWorker';
import { REPO_ROOT } from './harness';

/** Far above what a linear or quadratic expression needs for 200 characters; exponential ones never get here. */
const ATTACK_BUDGET_MS = 100;
/** An attack still running after this is stopped and reported. */
const WATCHDOG_MS = 2000;

interface Slow {
  where: string;
  regex: string;
  input: string;
  ms: number | 'stopped';
}

function attackAll(regexes: FoundRegex[]): Promise<Slow[]> {
  const slow: Slow[] = [];
  return new Promise((resolve, reject) => {
    const start = (from: number): void => {
      if (from >= regexes.length) return resolve(slow);
      const worker = new Worker(path.join(__dirname, 'regexWorker.js'), { workerData: { regexes, from } });
      let running: { message: AttackMessage; since: number } | undefined;
      let stopped = false;
      const watchdog = setInterval(() => {
        if (!running || Date.now() - running.since < WATCHDOG_MS) return;
        const { regex, input } = running.message;
        slow.push({ where: regexes[regex].where, regex: `/${regexes[regex].source}/${regexes[regex].flags}`, input, ms: 'stopped' });
        stopped = true;
        clearInterval(watchdog);
        void worker.terminate().then(() => start(regex + 1));
      }, 100);
      worker.on('message', (message: AttackMessage) => {
        if (message.ms === undefined) running = { message, since: Date.now() };
        else {
          running = undefined;
          if (message.ms > ATTACK_BUDGET_MS) slow.push({ where: regexes[message.regex].where, regex: `/${regexes[message.regex].source}/${regexes[message.regex].flags}`, input: message.input, ms: Math.round(message.ms) });
        }
      });
      worker.on('error', (error) => {
        clearInterval(watchdog);
        reject(error);
      });
      worker.on('exit', () => {
        clearInterval(watchdog);
        if (!stopped) resolve(slow);
      });
    };
    start(0);
  });
}

test('no regular expression in the server backtracks catastrophically', async () => {
  const regexes = findRegexes(REPO_ROOT, ['server/src', 'shared']);
  assert.ok(regexes.length > 30, `expressions found: ${regexes.length}`);
  assert.ok(regexes.some((r) => r.where.startsWith(path.join('server', 'src', 'analysis'))), 'the engine is searched');
  const slow = await attackAll(regexes);
  const report = slow.map((s) => `${s.where} ${s.regex}\n  ${s.ms === 'stopped' ? `still running after ${WATCHDOG_MS} ms` : `${s.ms} ms`} on ${JSON.stringify(s.input.slice(0, 60))}… (${s.input.length} characters)`);
  assert.deepEqual(report, [], `expressions that backtrack:\n${report.join('\n')}`);
});

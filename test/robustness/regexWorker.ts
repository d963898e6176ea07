/** Runs attacks on expressions in a worker thread, which the test can terminate when one never returns. */
import { parentPort, workerData } from 'node:worker_threads';
import { attacksFor, type FoundRegex } from './regexAttacks';

export interface AttackMessage {
  regex: number;
  attack: number;
  input: string;
  /** Set once the attack has finished. */
  ms?: number;
}

const { regexes, from } = workerData as { regexes: FoundRegex[]; from: number };
for (let i = from; i < regexes.length; i++) {
  const { source, flags } = regexes[i];
  const expression = new RegExp(source, flags);
  attacksFor(regexes[i]).forEach((input, attack) => {
    parentPort!.postMessage({ regex: i, attack, input } satisfies AttackMessage);
    const started = performance.now();
    input.search(expression);
    parentPort!.postMessage({ regex: i, attack, input, ms: performance.now() - started } satisfies AttackMessage);
  });
}

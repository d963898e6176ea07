/**
 * `npm run eval`: measures every detector against labelled data and prints precision and recall.
 * Exits 1 when a section misses its target, so a regression in accuracy fails the build.
 */
import { formatSection, missedTargets, type EvalSection } from './report';
import { sections } from './sections';

async function run(): Promise<number> {
  const results: EvalSection[] = [];
  for (const evaluate of sections) results.push(await evaluate());
  process.stdout.write(results.map(formatSection).join('\n\n') + '\n');
  const missed = results.flatMap(missedTargets);
  if (missed.length > 0) process.stdout.write(`\nTargets missed:\n${missed.map((m) => `- ${m}`).join('\n')}\n`);
  return missed.length > 0 ? 1 : 0;
}

run().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`eval failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);

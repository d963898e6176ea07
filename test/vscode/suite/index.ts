import * as fs from 'fs';
import * as path from 'path';
import { format } from 'util';
import Mocha from 'mocha';

/**
 * Environment variable naming a file that receives the reporter's output. Under `@vscode/test-electron`
 * the extension host's stdout reaches the terminal; under code-server it does not. There the workbench
 * does forward console.log to the page console, but restyled ("%c INFO" prefixes) and batched, so the end
 * of a run can be lost when the window closes. A file appended synchronously loses nothing, and the
 * code-server runner tails it to its own stdout.
 */
export const OUTPUT_ENV = 'PROVENANCE_TEST_OUTPUT';
/** Optional mocha `grep`, to run a subset while working on one test. */
export const GREP_ENV = 'PROVENANCE_TEST_GREP';

/** Entry point called by VS Code for `extensionTestsPath` (the `@vscode/test-electron` contract). */
export async function run(): Promise<void> {
  const outputFile = process.env[OUTPUT_ENV];
  const write = (line: string): void => {
    console.log(line);
    if (outputFile) fs.appendFileSync(outputFile, `${line}\n`);
  };

  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env[GREP_ENV];
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }

  // Every built-in reporter prints through this hook, which mocha exposes so it can be redirected.
  const Base = Mocha.reporters.Base;
  const originalLog = Base.consoleLog;
  Base.consoleLog = (...data: unknown[]) => write(format(...data));
  let stats: Stats;
  try {
    await mocha.loadFilesAsync();
    stats = await runMocha(mocha);
  } catch (error) {
    write(`suite crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    throw error;
  } finally {
    Base.consoleLog = originalLog;
  }

  // A closing line in the form CI tooling counts: "<word>: N passed, N failed".
  write(`vscode: ${stats.passes} passed, ${stats.failures} failed`);
  if (stats.failures > 0) throw new Error(`${stats.failures} test(s) failed`);
  if (stats.passes === 0) throw new Error('no test ran');
}

interface Stats {
  readonly passes: number;
  readonly failures: number;
}

function runMocha(mocha: Mocha): Promise<Stats> {
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 }));
  });
}

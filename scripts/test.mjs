// `npm test`: type-checks and builds, then runs every layer of tests — engine units, the CLI, the
// language server over stdio, the grammar, the accuracy targets, and the extension in a real VS Code.
// It ends with one line "N passed, N failed" over all layers.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
let passed = 0;
let failed = 0;

function run(title, command, args, options = {}) {
  process.stdout.write(`\n=== ${title}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`=== ${title}: ${result.status === 0 ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds} s\n`);
  return result.status === 0;
}

/** A step that is one test by itself. */
function step(title, command, args, options) {
  if (run(title, command, args, options)) passed++;
  else failed++;
}

/** Runs node:test files and adds their pass and fail counts. */
function nodeTests(title, dirs) {
  const tap = path.join(root, 'test-results', `${title.replace(/\W+/g, '-')}.tap`);
  rmSync(tap, { force: true });
  const ok = run(title, process.execPath, ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...dirs]);
  const counts = { pass: 0, fail: 0 };
  try {
    const text = readFileSync(tap, 'utf8');
    for (const key of ['pass', 'fail']) counts[key] = Number(text.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  } catch {
    counts.fail = 1;
  }
  passed += counts.pass;
  failed += counts.fail + (ok || counts.fail > 0 ? 0 : 1);
}

/** Runs a runner that ends with a line "<label>: N passed, N failed" and adds those counts. */
function countedRun(title, label, [command, ...args]) {
  process.stdout.write(`\n=== ${title}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(result.stdout ?? '');
  const counts = new RegExp(`^${label}: (\\d+) passed, (\\d+) failed`, 'm').exec(result.stdout ?? '');
  passed += counts ? Number(counts[1]) : 0;
  failed += counts ? Number(counts[2]) : 0;
  if (result.status !== 0 && (!counts || Number(counts[2]) === 0)) failed++;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`=== ${title}: ${result.status === 0 ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds} s\n`);
}

const wanted = (name) => only.length === 0 || only.includes(name);
mkdirSync(path.join(root, 'test-results'), { recursive: true });

if (!run('type-check and compile', 'npx', ['tsc', '-b'])) failed++;
if (!run('bundle', process.execPath, ['scripts/build.mjs'])) failed++;
if (failed === 0) {
  if (wanted('unit')) nodeTests('engine and CLI', ['out/test/unit/', 'out/test/cli/']);
  if (wanted('protocol')) nodeTests('language server over stdio', ['out/test/protocol/']);
  const robustness = readdirSync(path.join(root, 'out', 'test', 'robustness'))
    .filter((name) => name.endsWith('.test.js'))
    .map((name) => `out/test/robustness/${name}`);
  if (wanted('robustness')) nodeTests('robustness and properties', [...robustness, 'out/test/properties/']);
  if (wanted('grammar')) step('grammar fixtures', 'npm', ['run', '--silent', 'test:grammar']);
  if (wanted('eval')) step('accuracy targets (npm run eval)', process.execPath, ['out/test/eval/main.js']);
  if (wanted('vscode') || wanted('ui')) {
    if (!run('install real VS Code (code-server) and Chromium when missing', 'bash', ['scripts/setup-real-vscode.sh'])) failed++;
    else {
      if (wanted('vscode')) countedRun('extension tests in real VS Code', 'vscode', [process.execPath, 'out/test/vscode/launch/runSuite.js']);
      if (wanted('ui')) countedRun('workbench UI checks (Playwright)', 'ui', [process.execPath, 'out/test/ui/run.js']);
    }
  }
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;

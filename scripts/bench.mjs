// `npm run bench`: compiles the benchmark (test/bench/, built by `tsc -b` into out/test/bench/) and
// bundles the server it measures, then runs it. Arguments are passed on, e.g. `npm run bench -- --quick`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'out', 'test', 'bench', 'main.js');

const compiled = spawnSync('npx', ['tsc', '-b'], { cwd: root, stdio: 'inherit' });
// Type errors elsewhere in the tree still emit JavaScript; measure what compiled rather than nothing.
if (compiled.status !== 0) process.stderr.write('bench: tsc -b reported errors; measuring the code as compiled\n');
const bundled = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (bundled.status !== 0 || !existsSync(entry)) {
  process.stderr.write('bench: the server bundle or the benchmark did not build\n');
  process.exit(1);
}
// --expose-gc lets the benchmark settle the heap before it measures memory kept per article.
const run = spawnSync(process.execPath, ['--expose-gc', entry, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);

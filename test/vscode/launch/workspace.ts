import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { onExit } from './exitCleanup';

/**
 * The repository root, found by walking up to the project's package.json rather than a fixed `../..`,
 * so the compiled file keeps working wherever the outDir puts it.
 */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const { name } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'provenance') return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no provenance package.json above ${__dirname}`);
    dir = parent;
  }
}

export function resultsDir(): string {
  const dir = path.join(repoRoot(), 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Empties (or creates) a log file so it holds only this run, and returns its path. */
export function freshFile(file: string): string {
  fs.writeFileSync(file, '');
  return file;
}

export interface TempWorkspace {
  readonly folder: string;
  dispose(): void;
}

/**
 * Copies a folder (by default the seed articles) into a fresh temp dir, so tests may edit and save files
 * without touching the checkout. The seeds are read-only in the checkout; the copies are made writable.
 */
export function copyWorkspace(source = path.join(repoRoot(), 'seeds')): TempWorkspace {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'provenance-ws-'));
  const folder = path.join(parent, path.basename(source));
  fs.cpSync(source, folder, { recursive: true });
  makeWritable(folder);
  const remove = (): void => fs.rmSync(parent, { recursive: true, force: true });
  const unregister = onExit(remove);
  return {
    folder,
    dispose() {
      unregister();
      remove();
    },
  };
}

function makeWritable(target: string): void {
  const stat = fs.statSync(target);
  fs.chmodSync(target, stat.mode | 0o200);
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(target)) makeWritable(path.join(target, entry));
  }
}

/** Warns (does not fail) when the extension under test has not been built, since the run would be useless. */
export function checkExtensionBuilt(extensionPath: string): string | undefined {
  const manifest = path.join(extensionPath, 'package.json');
  if (!fs.existsSync(manifest)) return `${extensionPath} has no package.json`;
  const { main } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { main?: string };
  if (main && !fs.existsSync(path.resolve(extensionPath, main))) {
    return `${path.resolve(extensionPath, main)} does not exist (run \`npm run build\`)`;
  }
  return undefined;
}

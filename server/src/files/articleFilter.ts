import * as path from 'node:path';
import { Minimatch } from 'minimatch';

/**
 * Which `.txt` files below a root are checked, as glob patterns relative to that root (a workspace
 * folder, or a folder named on the command line). An empty `include` takes every `.txt` file.
 */
export interface FileSelection {
  include: string[];
  exclude: string[];
}

export const EVERY_FILE: FileSelection = { include: [], exclude: [] };

/**
 * Applies a selection with the rules of `.gitignore`, which editors know: a pattern without a slash
 * matches a name at any depth, and a pattern that matches a folder takes everything below it.
 */
export class ArticleFilter {
  private readonly roots: string[];
  private readonly include: Minimatch[];
  private readonly exclude: Minimatch[];

  constructor(roots: string[], selection: FileSelection) {
    // The deepest root first, so a nested workspace folder is the one a file is taken relative to.
    this.roots = roots.map((root) => path.resolve(root)).sort((a, b) => b.length - a.length);
    this.include = compile(selection.include);
    this.exclude = compile(selection.exclude);
  }

  /** Whether an article at this path is checked; a file outside every root is. */
  accepts(filePath: string): boolean {
    // Asked for every file of the workspace and on every keystroke: nothing to work out without patterns.
    if (this.include.length === 0 && this.exclude.length === 0) return true;
    const relative = this.relativeToRoot(filePath);
    if (relative === undefined) return true;
    if (this.excludesRelative(relative, false)) return false;
    return this.include.length === 0 || this.include.some((pattern) => pattern.match(relative));
  }

  /** Whether nothing at or below this path is checked, so it need not be looked at. */
  excludes(entryPath: string): boolean {
    if (this.exclude.length === 0) return false;
    const relative = this.relativeToRoot(entryPath);
    return relative !== undefined && relative !== '' && this.excludesRelative(relative, true);
  }

  private excludesRelative(relative: string, isFolder: boolean): boolean {
    const parts = relative.split('/');
    // The path itself, then each folder above it: `archive/**` and `archive` both take `archive/2019/a.txt`.
    for (let end = parts.length; end > 0; end--) {
      const prefix = parts.slice(0, end).join('/');
      const folder = isFolder || end < parts.length;
      if (this.exclude.some((pattern) => pattern.match(prefix) || (folder && pattern.match(`${prefix}/`)))) return true;
    }
    return false;
  }

  private relativeToRoot(filePath: string): string | undefined {
    const resolved = path.resolve(filePath);
    for (const root of this.roots) {
      if (resolved === root) return '';
      const relative = path.relative(root, resolved);
      if (!relative.startsWith('..') && !path.isAbsolute(relative)) return relative.split(path.sep).join('/');
    }
    return undefined;
  }
}

function compile(patterns: string[]): Minimatch[] {
  return patterns
    .map((pattern) => pattern.trim().replace(/^\.\//, '').replace(/\/+$/, ''))
    .filter((pattern) => pattern.length > 0)
    .map((pattern) => new Minimatch(pattern, { dot: true, matchBase: !pattern.includes('/') }));
}

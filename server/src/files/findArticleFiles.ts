import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Folders that hold tooling, not articles. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'out', 'dist']);

export interface FoundFiles {
  files: string[];
  /** Paths that could not be listed, with the reason. */
  problems: Array<{ path: string; problem: string }>;
}

export function isArticlePath(filePath: string): boolean {
  return filePath.toLowerCase().endsWith('.txt');
}

/**
 * Every `.txt` file below the given files or folders, sorted. Symbolic links are followed once:
 * a folder reached again through a link loop is listed only the first time.
 */
export async function findArticleFiles(roots: string[]): Promise<FoundFiles> {
  const files = new Set<string>();
  const problems: FoundFiles['problems'] = [];
  const visitedFolders = new Set<string>();

  async function visit(entry: string, explicit: boolean): Promise<void> {
    let stat;
    try {
      stat = await fs.stat(entry);
    } catch (error) {
      problems.push({ path: entry, problem: describeFsError(error) });
      return;
    }
    if (stat.isDirectory()) {
      const real = await fs.realpath(entry).catch(() => entry);
      if (visitedFolders.has(real)) return;
      visitedFolders.add(real);
      let names: string[];
      try {
        names = await fs.readdir(entry);
      } catch (error) {
        problems.push({ path: entry, problem: describeFsError(error) });
        return;
      }
      for (const name of names.sort()) {
        if (SKIPPED_FOLDERS.has(name)) continue;
        await visit(path.join(entry, name), false);
      }
    } else if (stat.isFile() && (explicit || isArticlePath(entry))) {
      files.add(entry);
    }
  }

  for (const root of roots) await visit(root, true);
  return { files: [...files].sort(), problems };
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

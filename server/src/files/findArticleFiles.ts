import { promises as fs, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import type { ArticleFilter } from './articleFilter';

/** Folders that hold tooling, not articles. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'out', 'dist']);

export interface FoundFiles {
  files: string[];
  /** Paths that could not be listed or are not files that can be read, with the reason. */
  problems: Array<{ path: string; problem: string }>;
}

export function isArticlePath(filePath: string): boolean {
  return filePath.toLowerCase().endsWith('.txt');
}

/**
 * Every `.txt` file below the given files or folders, sorted. Symbolic links are followed once: a
 * folder reached again through a link loop is listed only the first time, and a file reached through
 * several links is listed once, under its first path (else an article would be a copy of itself).
 * Files found in folders must pass the filter; a file named as a root is always taken.
 */
export async function findArticleFiles(roots: string[], filter?: ArticleFilter): Promise<FoundFiles> {
  const files = new Set<string>();
  const problems: FoundFiles['problems'] = [];
  const visitedFolders = new Set<string>();
  const visitedFiles = new Set<string>();

  async function visit(entry: string, explicit: boolean): Promise<void> {
    // Excluded paths are not even looked at, so an excluded folder that cannot be read is no problem.
    if (!explicit && filter?.excludes(entry)) return;
    let stat;
    try {
      stat = await fs.stat(entry);
    } catch (error) {
      const problem = await describeStatError(entry, error);
      // A file listed a moment ago and gone now was deleted or renamed while the folder was listed.
      if (explicit || problem !== VANISHED) problems.push({ path: entry, problem });
      return;
    }
    // The device and inode name what a path leads to, links followed, at no cost beyond the stat (file
    // systems without inode numbers report 0, and have no links either).
    const identity = stat.ino ? `${stat.dev}:${stat.ino}` : entry;
    if (stat.isDirectory()) {
      if (visitedFolders.has(identity)) return;
      visitedFolders.add(identity);
      let children: Dirent[];
      try {
        children = await fs.readdir(entry, { withFileTypes: true });
      } catch (error) {
        problems.push({ path: entry, problem: describeFsError(error) });
        return;
      }
      for (const child of children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (SKIPPED_FOLDERS.has(child.name)) continue;
        // Other files need no stat: only folders, links and articles can lead to an article.
        if (child.isFile() && !isArticlePath(child.name)) continue;
        await visit(path.join(entry, child.name), false);
      }
    } else if (!explicit && (!isArticlePath(entry) || (filter && !filter.accepts(entry)))) {
      return;
    } else if (!stat.isFile()) {
      problems.push({ path: entry, problem: describeNonFile(stat) });
    } else if (!visitedFiles.has(identity)) {
      visitedFiles.add(identity);
      files.add(entry);
    }
  }

  for (const root of roots) await visit(root, true);
  return { files: [...files].sort(), problems };
}

/** Why something that is not a regular file or a folder was not read. */
export function describeNonFile(stat: Stats): string {
  if (stat.isDirectory()) return 'is a folder';
  const kind = stat.isFIFO() ? 'a named pipe' : stat.isSocket() ? 'a socket' : stat.isBlockDevice() || stat.isCharacterDevice() ? 'a device' : 'not a regular file';
  return `is ${kind}, not a file; it was not read`;
}

async function describeStatError(entry: string, error: unknown): Promise<string> {
  if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') {
    const link = await fs.lstat(entry).catch(() => undefined);
    if (link?.isSymbolicLink()) return 'is a symbolic link to something that does not exist';
  }
  return describeFsError(error);
}

const VANISHED = 'no such file or folder';

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return VANISHED;
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a folder';
    case 'ENAMETOOLONG':
      return 'its path is too long for the system';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

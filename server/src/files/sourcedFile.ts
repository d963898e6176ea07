import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/**
 * Figures a team has marked as sourced live in a file at the root of the workspace folder, committed with
 * the articles so that everyone (and the command-line check) sees the same marks. It is never kept in user
 * settings, which are not shared.
 */
export const SOURCED_FILE = path.join('.provenance', 'sourced.json');

export interface SourcedEntry {
  /** `markedSourcedKey(sentence, figure)`: what the figure check matches. */
  key: string;
  /** For people reviewing the file: the figure and the sentence it was marked in. */
  figure: string;
  sentence: string;
}

interface SourcedFileContent {
  version: 1;
  sourced: SourcedEntry[];
}

const SENTENCE_LIMIT = 300;

export function sourcedFilePath(folder: string): string {
  return path.join(folder, SOURCED_FILE);
}

/** True for a path (with either separator) that names a workspace folder's marks file. */
export function isSourcedFile(filePath: string): boolean {
  return filePath.replace(/\\/g, '/').endsWith('/.provenance/sourced.json');
}

/** The marks of one workspace folder; none when the file does not exist. Throws on a file that is not valid. */
export async function readSourcedEntries(folder: string): Promise<SourcedEntry[]> {
  let raw: string;
  try {
    raw = await fs.readFile(sourcedFilePath(folder), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return parseSourcedFile(raw);
}

export function parseSourcedFile(raw: string): SourcedEntry[] {
  const parsed = JSON.parse(raw) as Partial<SourcedFileContent>;
  if (!Array.isArray(parsed.sourced)) throw new Error(`${SOURCED_FILE} has no "sourced" list`);
  return parsed.sourced.filter((entry): entry is SourcedEntry => typeof entry?.key === 'string' && entry.key.length > 0);
}

const writes = new Map<string, Promise<unknown>>();

/**
 * Adds a mark to the folder's file and returns all of its marks. Entries are kept sorted by key, so two
 * people adding marks rarely touch the same lines. The file is written to a temporary name and renamed, so
 * a reader never sees half of it; writes to one folder run one after another. A file that cannot be parsed
 * (say, with merge conflict markers) is left alone and the error is thrown.
 */
export function addSourcedEntry(folder: string, entry: SourcedEntry): Promise<SourcedEntry[]> {
  const previous = writes.get(folder) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(async () => {
    const entries = await readSourcedEntries(folder);
    if (!entries.some((e) => e.key === entry.key)) {
      const sentence = entry.sentence.replace(/\s+/g, ' ').trim();
      entries.push({ key: entry.key, figure: entry.figure, sentence: sentence.length > SENTENCE_LIMIT ? `${sentence.slice(0, SENTENCE_LIMIT)}…` : sentence });
      entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      await writeAtomically(sourcedFilePath(folder), `${JSON.stringify({ version: 1, sourced: entries } satisfies SourcedFileContent, null, 2)}\n`);
    }
    return entries;
  });
  writes.set(folder, next);
  return next;
}

async function writeAtomically(file: string, content: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await fs.writeFile(temporary, content, 'utf8');
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

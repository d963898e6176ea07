import { URI } from 'vscode-uri';
import type { MarkedSourced } from '../analysis';
import { addSourcedEntry, readSourcedEntries, type SourcedEntry } from '../files/sourcedFile';
import type { MarkSourcedArguments } from './codeActions';

/**
 * The server's side of "Mark as sourced": keeps the figure check's set of marks equal to the union of the
 * shared files of the workspace folders, and writes new marks to the file of the folder an article is in.
 */
export class SharedSourcedMarks {
  private folders: string[] = [];
  private readonly byFolder = new Map<string, SourcedEntry[]>();

  constructor(private readonly marked: MarkedSourced) {}

  setFolders(folderUris: string[]): void {
    this.folders = folderUris.map((uri) => URI.parse(uri).fsPath);
    for (const folder of [...this.byFolder.keys()]) if (!this.folders.includes(folder)) this.byFolder.delete(folder);
  }

  /** Reads every folder's file again. Returns the articles whose findings change and a line per file that could not be read. */
  async reload(): Promise<{ affected: Set<string>; problems: string[] }> {
    const problems: string[] = [];
    for (const folder of this.folders) {
      try {
        this.byFolder.set(folder, await readSourcedEntries(folder));
      } catch (error) {
        // Keep the marks last read: a file mid-merge should not bring back every marked warning.
        problems.push(`${folder}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { affected: this.apply(), problems };
  }

  /** Records a mark for the figure; returns the articles whose findings change. */
  async add(args: MarkSourcedArguments): Promise<Set<string>> {
    if (typeof args?.uri !== 'string' || typeof args.key !== 'string' || args.key === '') throw new Error('the command names no figure');
    const folder = this.folderOf(args.uri);
    if (!folder) throw new Error('open a workspace folder to share marks: they are kept in a file inside it');
    this.byFolder.set(folder, await addSourcedEntry(folder, { key: args.key, figure: args.figure, sentence: args.sentence }));
    return this.apply();
  }

  private apply(): Set<string> {
    const keys: string[] = [];
    for (const entries of this.byFolder.values()) for (const entry of entries) keys.push(entry.key);
    return this.marked.replace(keys);
  }

  /** The workspace folder holding the article; the first folder for an article outside all of them (e.g. untitled). */
  private folderOf(uri: string): string | undefined {
    const parsed = URI.parse(uri);
    if (parsed.scheme === 'file') {
      const inside = this.folders.filter((folder) => parsed.fsPath.startsWith(folder.endsWith('/') ? folder : `${folder}/`));
      if (inside.length > 0) return inside.sort((a, b) => b.length - a.length)[0];
    }
    return this.folders[0];
  }
}

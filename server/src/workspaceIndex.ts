import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { Article } from './analysis/article';
import type { Corpus } from './analysis/corpus';
import type { Finding } from './analysis/types';
import { ArticleFilter, EVERY_FILE, type FileSelection } from './files/articleFilter';
import { findArticleFiles, type FoundFiles } from './files/findArticleFiles';
import { DEFAULT_MAX_FILE_BYTES, readArticleFile, tooLarge } from './files/readArticleFile';
import { heapCheckWithin, leftOutForMemory, type HeapCheck, type HeapUse } from './heapRoom';
import { ReadingPool } from './parsing/readingPool';

/** Quiet time on disk after which every article's findings are refreshed. */
const SETTLE_AFTER_CHANGES_MS = 1000;

export interface IndexListener {
  /** Findings of these documents may have changed. */
  changed(uris: Iterable<string>): void;
  /** A file could not be read or analysed. */
  problem(uri: string, problem: string): void;
  /** Something the user should know that concerns no one file. */
  warning(message: string): void;
  /** Something the user must see at once, not only in the log: articles were left out of the index. */
  alert(message: string): void;
  /** Progress of a full scan. */
  progress(done: number, total: number): void;
}

/**
 * What the server knows of the workspace: every article on disk, overridden by the text of the
 * documents open in the editor. Findings are computed on demand and cached until an article they
 * may depend on changes.
 */
export class WorkspaceIndex {
  private readonly openDocuments = new Set<string>();
  private readonly findingsCache = new Map<string, Finding[]>();
  private readonly problems = new Map<string, string>();
  /** The latest read from disk started for each file, so that an older read finishing later is dropped. */
  private readonly reads = new Map<string, number>();
  private readCount = 0;
  private folders: string[] = [];
  /**
   * For each scan listing the folders, the files the watcher reported meanwhile: the listing may have
   * been taken before they appeared, so its silence about them means nothing.
   */
  private readonly reportedDuringListing = new Set<Set<string>>();
  private settleTimer: NodeJS.Timeout | undefined;
  private scans = 0;
  maxFileBytes: number | undefined;

  private filter = new ArticleFilter([], EVERY_FILE);

  constructor(
    readonly corpus: Corpus,
    private readonly listener: IndexListener,
    private readonly selection: FileSelection = EVERY_FILE,
    private readonly listFiles: (folders: string[], filter: ArticleFilter) => Promise<FoundFiles> = findArticleFiles,
    private readonly heapCheck: HeapCheck = heapCheckWithin(0),
  ) {}

  setFolders(folderUris: string[]): void {
    this.folders = folderUris.map((uri) => URI.parse(uri).fsPath);
    this.filter = new ArticleFilter(this.folders, this.selection);
  }

  /** Reads every article below the workspace folders from disk, replacing what was indexed from disk before. */
  async scan(): Promise<void> {
    this.scans++;
    try {
      await this.scanFolders();
    } finally {
      this.scans--;
    }
  }

  private async scanFolders(): Promise<void> {
    const reported = new Set<string>();
    this.reportedDuringListing.add(reported);
    let listing: FoundFiles;
    try {
      listing = await this.listFiles(this.folders, this.filter);
    } finally {
      this.reportedDuringListing.delete(reported);
    }
    const { files, problems } = listing;
    const seen = new Set([...files.map((f) => URI.file(f).toString()), ...reported]);
    const problemUris = new Set(problems.map((p) => URI.file(p.path).toString()));
    // A problem with a path that is now neither listed nor failing went away with the path.
    for (const uri of [...this.problems.keys()]) if (!seen.has(uri) && !problemUris.has(uri) && !this.openDocuments.has(uri)) this.clearProblem(uri);
    for (const p of problems) this.reportProblem(URI.file(p.path).toString(), p.problem);
    for (const uri of [...this.corpus.uris()]) if (!seen.has(uri) && !this.openDocuments.has(uri)) this.notify(this.corpus.remove(uri), uri);
    let done = 0;
    let leftOut = 0;
    let heap: HeapUse | undefined;
    await ReadingPool.readEach(files, (reason) => this.listener.warning(reason), async (file, _index, pool) => {
      const full = await this.loadFromDisk(URI.file(file).toString(), { pool });
      if (full) {
        leftOut++;
        heap = full;
      }
      this.listener.progress(++done, files.length);
      // Let requests (hovers, edits) in between files so a long scan never freezes the editor.
      await new Promise((resolve) => setImmediate(resolve));
    });
    // Articles were loaded without asking which others each one affects: any may have changed.
    this.notify(new Set(this.corpus.uris()));
    if (heap) {
      this.listener.alert(
        `Provenance: ${leftOut} of ${files.length} articles were not checked: its memory limit was reached (${heap.usedMB} MB in use, limit ${heap.limitMB} MB). Narrow the workspace with the settings provenance.files.include and provenance.files.exclude, or raise provenance.maxMemoryMB if it is set; the Problems panel names each article left out.`,
      );
    }
  }

  /** Text from the editor, unsaved changes included. */
  setOpenText(uri: string, text: string): void {
    this.openDocuments.add(uri);
    if (!this.isSelected(uri)) {
      this.forget(uri);
      return;
    }
    // The editor opens files of any size: the limit that spares the server a long analysis applies here too.
    const limit = this.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const bytes = text.length > limit / 3 ? Buffer.byteLength(text, 'utf8') : 0;
    if (bytes > limit) {
      this.notify(this.corpus.remove(uri), uri);
      this.reportProblem(uri, tooLarge(bytes, limit));
      return;
    }
    this.analyse(uri, text);
  }

  /** The editor closed the document: fall back to the file on disk, or forget it. */
  async closed(uri: string): Promise<void> {
    this.openDocuments.delete(uri);
    if (this.isInWorkspace(uri) && this.isSelected(uri)) await this.loadFromDisk(uri);
    else this.forget(uri);
  }

  /** A file changed, appeared or disappeared on disk. Open documents keep the editor's text. */
  async fileChanged(uri: string, deleted: boolean): Promise<void> {
    for (const reported of this.reportedDuringListing) reported.add(uri);
    if (this.openDocuments.has(uri)) return;
    if (deleted || !this.isSelected(uri)) this.forget(uri);
    else await this.loadFromDisk(uri);
    this.settleAfterChanges();
  }

  /**
   * Once files stop changing on disk (a checkout, a sync), every article's findings are worked out again.
   * An article's own findings and those of the articles it shares passages with are updated at once, but
   * the weight of each word depends on the whole workspace, and so, a little, do the closest matches of
   * every other article: without this, those would keep what an older workspace gave.
   */
  private settleAfterChanges(): void {
    clearTimeout(this.settleTimer);
    // A scan under way settles everything when it ends.
    this.settleTimer = setTimeout(() => this.scans === 0 && this.notify(new Set(this.corpus.uris())), SETTLE_AFTER_CHANGES_MS);
    this.settleTimer.unref();
  }

  findings(uri: string): Finding[] {
    let cached = this.findingsCache.get(uri);
    if (!cached) {
      try {
        cached = this.corpus.findings(uri);
      } catch (error) {
        cached = [];
        this.reportProblem(uri, `could not be checked (${error instanceof Error ? error.message : String(error)}); please report this with the file`);
      }
      this.findingsCache.set(uri, cached);
    }
    return cached;
  }

  /** Findings of these articles changed for a reason outside their text (e.g. the team's shared marks). */
  invalidate(uris: Iterable<string>): void {
    this.notify(new Set(uris));
  }

  article(uri: string): Article | undefined {
    return this.corpus.get(uri);
  }

  problemOf(uri: string): string | undefined {
    return this.problems.get(uri);
  }

  /**
   * `scan`: part of a scan, which settles every article's findings at its end; given a pool, the text
   * is read (by wink) in another thread. An article not indexed yet is left out when the heap has no room
   * for it: what the heap holds then is returned.
   */
  private async loadFromDisk(uri: string, scan?: { pool?: ReadingPool }): Promise<HeapUse | undefined> {
    const read = ++this.readCount;
    this.reads.set(uri, read);
    // Replacing an article takes no more room than it had.
    const full = this.corpus.get(uri) ? undefined : this.heapCheck();
    if (full) {
      this.reads.delete(uri);
      this.reportProblem(uri, leftOutForMemory(full));
      return full;
    }
    const result = await readArticleFile(URI.parse(uri).fsPath, this.maxFileBytes);
    const article = result.ok ? await scan?.pool?.read({ uri, text: result.text }) : undefined;
    // While this read waited, the file was read again or deleted (a scan and a watcher event racing).
    if (this.reads.get(uri) !== read) return undefined;
    this.reads.delete(uri);
    if (this.openDocuments.has(uri)) return undefined;
    if (result.ok) this.analyse(uri, result.text, scan !== undefined, article);
    // Deleted or renamed between listing and reading: the watcher reports it, nothing to say on the file.
    else if (result.absent) this.forget(uri);
    else {
      this.notify(this.corpus.remove(uri), uri);
      this.reportProblem(uri, result.problem);
    }
    return undefined;
  }

  private forget(uri: string): void {
    this.reads.delete(uri);
    this.clearProblem(uri);
    this.notify(this.corpus.remove(uri), uri);
  }

  /** Adds the text to the corpus; a failure is reported on the file instead of taking the server down. */
  private analyse(uri: string, text: string, bulk = false, read?: Article): void {
    try {
      if (bulk) this.corpus.load({ uri, text }, read);
      else this.notify(this.corpus.upsert({ uri, text }));
      this.clearProblem(uri);
    } catch (error) {
      this.notify(this.corpus.remove(uri), uri);
      this.reportProblem(uri, `could not be analysed (${error instanceof Error ? error.message : String(error)}); please report this with the file`);
    }
  }

  /** The path of a document relative to the workspace folder holding it, for reports. */
  relativePath(uri: string): string {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return uri;
    const folder = this.folders.find((f) => parsed.fsPath.startsWith(f.endsWith('/') ? f : `${f}/`));
    return folder ? path.relative(folder, parsed.fsPath) : parsed.fsPath;
  }

  /** Whether the settings' include and exclude patterns take the document (those not on disk always). */
  private isSelected(uri: string): boolean {
    const parsed = URI.parse(uri);
    return parsed.scheme !== 'file' || this.filter.accepts(parsed.fsPath);
  }

  private isInWorkspace(uri: string): boolean {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return false;
    return this.folders.some((folder) => parsed.fsPath.startsWith(folder.endsWith('/') ? folder : `${folder}/`));
  }

  private reportProblem(uri: string, problem: string): void {
    this.problems.set(uri, problem);
    this.listener.problem(uri, problem);
  }

  private clearProblem(uri: string): void {
    if (this.problems.delete(uri)) this.listener.changed([uri]);
  }

  private notify(affected: Set<string>, removed?: string): void {
    if (removed) {
      affected.add(removed);
      this.findingsCache.delete(removed);
    }
    for (const uri of affected) this.findingsCache.delete(uri);
    if (affected.size > 0) this.listener.changed(affected);
  }
}

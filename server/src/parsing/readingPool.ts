import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { articleFrom, parseArticle, type Article } from '../analysis/article';
import { expandReading } from '../analysis/compactReading';
import { forEachConcurrently } from './concurrently';
import { adoptStandalone } from '../analysis/standaloneAnalyses';
import type { ArticleSource } from '../analysis/types';
import type { ReadingReply, ReadingRequest } from './readingWorker';

/** Built next to this module, both by tsc (out/) and in the bundle (dist/). */
const WORKER_SCRIPT = path.join(__dirname, 'readingWorker.js');
/** Starting a thread loads the language model again (a few hundred milliseconds): not worth it for a few articles. */
export const MIN_ARTICLES_FOR_THREADS = 40;
/** Texts handed to each thread ahead of time, so it never waits for the next one. */
const QUEUE_PER_THREAD = 4;

interface ReadingThread {
  worker: Worker;
  /** Texts handed to the thread and not read yet, by request id. */
  pending: Map<number, Waiting>;
}

interface Waiting {
  source: ArticleSource;
  resolve: (article: Article) => void;
}

/**
 * Threads that read articles (wink's analysis, the largest cost of indexing a workspace, and the analyses
 * that need no other article) while the main thread compares the ones already read. One core is kept for
 * that comparing; when the threads have all they can queue, the main thread reads the next article itself
 * rather than wait. A thread that fails or dies hands its texts back to be read on the main thread:
 * slower, never lost.
 */
export class ReadingPool {
  private readonly threads: ReadingThread[] = [];
  private nextId = 0;
  /** Texts read by a thread, as opposed to handed back to the main thread. */
  readInThreads = 0;
  /** Texts the main thread read because the threads' queues were full. */
  readHere = 0;

  /** `onFailure`: told why a thread failed; its texts are then read on the main thread. */
  private constructor(
    count: number,
    private readonly onFailure: (reason: string) => void,
  ) {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(WORKER_SCRIPT);
      const thread: ReadingThread = { worker, pending: new Map<number, Waiting>() };
      worker.on('message', (reply: ReadingReply) => this.settle(thread, reply));
      const abandon = (): void => {
        for (const waiting of thread.pending.values()) waiting.resolve(parseArticle(waiting.source));
        thread.pending.clear();
        const index = this.threads.indexOf(thread);
        if (index >= 0) this.threads.splice(index, 1);
      };
      worker.on('error', (error) => {
        this.onFailure(`a thread reading articles failed (${error.message}); they are read on the main thread instead, more slowly`);
        abandon();
      });
      worker.on('exit', abandon);
      // Pending reads keep the process alive; an idle pool must not.
      worker.unref();
      this.threads.push(thread);
    }
  }

  /** A pool for this many articles, or none when threads would not pay or cannot start. */
  static forArticles(count: number, onFailure: (reason: string) => void): ReadingPool | undefined {
    const threads = Math.min(4, os.availableParallelism() - 1);
    if (count < MIN_ARTICLES_FOR_THREADS || threads < 1) return undefined;
    if (!existsSync(WORKER_SCRIPT)) {
      onFailure(`${WORKER_SCRIPT} is missing; articles are read on the main thread, more slowly`);
      return undefined;
    }
    return new ReadingPool(threads, onFailure);
  }

  /**
   * Runs `work` on every item, as many at a time as a pool for that many articles can read, handing it the
   * pool (none for a few articles); the pool is closed when all are done.
   */
  static async readEach<T>(items: readonly T[], onFailure: (reason: string) => void, work: (item: T, index: number, pool: ReadingPool | undefined) => Promise<void>): Promise<void> {
    const pool = ReadingPool.forArticles(items.length, onFailure);
    try {
      await forEachConcurrently(items, pool?.capacity ?? 1, (item, index) => work(item, index, pool));
    } finally {
      await pool?.close();
    }
  }

  /** How many texts may usefully be in flight at once: what the threads queue, and one the main thread reads. */
  get capacity(): number {
    return this.threads.length * QUEUE_PER_THREAD + 1;
  }

  read(source: ArticleSource): Promise<Article> {
    const thread = this.threads.reduce<ReadingThread | undefined>((best, t) => (!best || t.pending.size < best.pending.size ? t : best), undefined);
    if (!thread) return Promise.resolve(parseArticle(source));
    if (thread.pending.size >= QUEUE_PER_THREAD) {
      this.readHere++;
      return Promise.resolve(parseArticle(source));
    }
    return new Promise((resolve) => {
      const id = this.nextId++;
      thread.pending.set(id, { source, resolve });
      thread.worker.ref();
      thread.worker.postMessage({ id, source } satisfies ReadingRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private settle({ worker, pending }: ReadingThread, reply: ReadingReply): void {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (!('reading' in reply)) return waiting.resolve(parseArticle(waiting.source));
    this.readInThreads++;
    const article = articleFrom(waiting.source, expandReading(reply.reading));
    adoptStandalone(article, reply.analyses);
    waiting.resolve(article);
  }
}

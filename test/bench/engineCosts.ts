import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { serialize } from 'node:v8';
import { createCorpus } from '../../server/src/analysis';
import { parseArticle, type Article } from '../../server/src/analysis/article';
import { analyzeText } from '../../server/src/analysis/nlp';
import type { BenchCorpus } from './corpusBuilder';
import { median, percentile } from './stats';

/** Costs that decide how parsing could be moved or cached, measured in this process on corpus articles. */
export interface EngineCosts {
  articles: number;
  meanKB: number;
  parseMs: { p50: number; p90: number };
  /** wink-nlp's share: `analyzeText` alone. */
  winkMs: { p50: number };
  /** structuredClone of a parsed article: what sending it from a worker thread costs (serialize + deserialize). */
  cloneMs: { p50: number };
  serializedKB: number;
  /**
   * The long article: parsing it whole, parsing one paragraph of it (what a paragraph cache leaves to do
   * per keystroke), and parsing it paragraph by paragraph (what such a cache costs when nothing is cached).
   */
  long: { words: number; paragraphs: number; parseMs: number; oneParagraphMs: number; byParagraphMs: number };
  /** Heap kept per article: the parsed Article, and the detectors' indexes and caches on top (needs --expose-gc). */
  heapKB?: { article: number; detectors: number };
}

/** Heap in use after a full collection, in bytes; undefined when Node runs without --expose-gc. */
function settledHeap(): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Retained heap per article, measured by holding the parsed articles, then a corpus of them with every finding computed. */
function heapPerArticle(sources: Array<{ uri: string; text: string }>): EngineCosts['heapKB'] {
  const before = settledHeap();
  if (before === undefined) return undefined;
  const articles = sources.map((source) => parseArticle(source));
  const parsed = settledHeap()!;
  const corpus = createCorpus();
  for (const source of sources) corpus.load(source);
  for (const { uri } of sources) corpus.findings(uri);
  const indexed = settledHeap()!;
  const perArticleKB = (bytes: number) => bytes / sources.length / 1024;
  // Keeps both alive until the last measurement.
  if (articles.length !== corpus.size) throw new Error('the corpus lost articles');
  // The corpus parsed its own copy of every article: what it holds beyond those is the detectors'.
  return { article: perArticleKB(parsed - before), detectors: perArticleKB(indexed - parsed - (parsed - before)) };
}

function timed<T>(run: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = run();
  return { ms: performance.now() - started, value };
}

function sampleFiles(dir: string, count: number): string[] {
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.txt') && f.includes(path.sep)).sort();
  const step = Math.max(1, Math.floor(files.length / count));
  return files.filter((_, i) => i % step === 0).slice(0, count).map((f) => path.join(dir, f));
}

export function measureEngineCosts(corpus: BenchCorpus, sample: number): EngineCosts {
  const texts = sampleFiles(corpus.dir, sample).map((file) => ({ uri: file, text: readFileSync(file, 'utf8') }));
  for (const source of texts.slice(0, 20)) parseArticle(source);
  const parse: number[] = [];
  const wink: number[] = [];
  const clone: number[] = [];
  let serializedBytes = 0;
  for (const source of texts) {
    const { ms, value: article } = timed(() => parseArticle(source));
    parse.push(ms);
    wink.push(timed(() => analyzeText(source.text)).ms);
    clone.push(timed(() => structuredClone(article)).ms);
    serializedBytes += serialize(article).length;
  }

  const longText = readFileSync(path.join(corpus.dir, corpus.manifest.longArticle), 'utf8');
  const longSource = { uri: 'long', text: longText };
  const longRuns = Array.from({ length: 5 }, () => timed(() => parseArticle(longSource)));
  const article: Article = longRuns[0].value;
  const byLength = [...article.paragraphs].sort((a, b) => a.end - a.start - (b.end - b.start));
  const middle = byLength[Math.floor(byLength.length / 2)];
  const paragraph = { uri: 'paragraph', text: longText.slice(middle.start, middle.end) };
  const paragraphRuns = Array.from({ length: 20 }, () => timed(() => parseArticle(paragraph)).ms);
  const paragraphs = article.paragraphs.map((p, i) => ({ uri: `paragraph-${i}`, text: longText.slice(p.start, p.end) }));
  const byParagraphRuns = Array.from({ length: 5 }, () => timed(() => paragraphs.forEach((p) => parseArticle(p))).ms);

  return {
    articles: texts.length,
    meanKB: texts.reduce((n, t) => n + t.text.length, 0) / texts.length / 1024,
    parseMs: { p50: median(parse), p90: percentile(parse, 90) },
    winkMs: { p50: median(wink) },
    cloneMs: { p50: median(clone) },
    serializedKB: serializedBytes / texts.length / 1024,
    long: {
      words: longText.split(/\s+/).filter(Boolean).length,
      paragraphs: article.paragraphs.length,
      parseMs: median(longRuns.map((r) => r.ms)),
      oneParagraphMs: median(paragraphRuns),
      byParagraphMs: median(byParagraphRuns),
    },
    heapKB: heapPerArticle(texts),
  };
}

import { parseArticle, contentHash, type Article } from './article';
import type { Detector } from './detector';
import type { ArticleSource, Finding } from './types';

/**
 * The articles under analysis and the detectors that compare them. Parsing is cached by content hash,
 * so re-adding unchanged text costs nothing.
 */
export class Corpus {
  private readonly articles = new Map<string, Article>();

  constructor(private readonly detectors: Detector[]) {}

  get size(): number {
    return this.articles.size;
  }

  uris(): IterableIterator<string> {
    return this.articles.keys();
  }

  get(uri: string): Article | undefined {
    return this.articles.get(uri);
  }

  /**
   * Adds or replaces an article. Returns the uris whose findings may have changed, the article's own
   * included; empty when the text is unchanged.
   */
  upsert(source: ArticleSource): Set<string> {
    const previous = this.articles.get(source.uri);
    if (previous && previous.text.length === source.text.length && previous.hash === contentHash(source.text)) return new Set();
    const affected = previous ? this.detach(previous) : new Set<string>();
    const article = parseArticle(source, previous);
    this.articles.set(article.uri, article);
    for (const detector of this.detectors) detector.add(article);
    for (const detector of this.detectors) for (const uri of detector.dependents(article)) affected.add(uri);
    affected.add(article.uri);
    return affected;
  }

  /**
   * Adds or replaces an article without working out which other articles it affects: for indexing a
   * whole workspace, after which every article's findings are computed anyway. Asking detectors for
   * dependents after each of thousands of additions would compare each article twice. `read`: the
   * article already read from `source` (by another thread).
   */
  load(source: ArticleSource, read?: Article): void {
    const previous = this.articles.get(source.uri);
    if (previous && previous.text.length === source.text.length && previous.hash === contentHash(source.text)) return;
    if (previous) for (const detector of this.detectors) detector.remove(previous);
    const article = read ?? parseArticle(source, previous);
    this.articles.set(article.uri, article);
    for (const detector of this.detectors) detector.add(article);
  }

  /** Removes an article. Returns the uris whose findings may have changed. */
  remove(uri: string): Set<string> {
    const previous = this.articles.get(uri);
    if (!previous) return new Set();
    const affected = this.detach(previous);
    affected.delete(uri);
    return affected;
  }

  findings(uri: string): Finding[] {
    const article = this.articles.get(uri);
    if (!article) return [];
    const findings = this.detectors.flatMap((detector) => detector.findings(article));
    return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
  }

  private detach(article: Article): Set<string> {
    const affected = new Set<string>();
    for (const detector of this.detectors) for (const uri of detector.dependents(article)) affected.add(uri);
    for (const detector of this.detectors) detector.remove(article);
    this.articles.delete(article.uri);
    return affected;
  }
}

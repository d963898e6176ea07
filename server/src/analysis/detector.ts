import type { Article } from './article';
import type { Finding } from './types';

/**
 * A check over the articles of a corpus. The corpus tells every detector when an article is added,
 * replaced or removed, so detectors that compare articles can keep their own indexes current.
 */
export interface Detector {
  add(article: Article): void;
  remove(article: Article): void;
  findings(article: Article): Finding[];
  /**
   * Articles whose findings may change when `article` is added or removed (besides itself): those
   * that share candidate passages, figures or events with it.
   */
  dependents(article: Article): Iterable<string>;
}

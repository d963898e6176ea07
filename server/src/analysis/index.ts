import { Corpus } from './corpus';
import { VerbatimDetector } from './copies/verbatimDetector';

export { Corpus } from './corpus';
export { parseArticle, type Article } from './article';
export { LineIndex, type Position } from './lineIndex';
export type * from './types';

/** A corpus with every check the product ships. */
export function createCorpus(): Corpus {
  return new Corpus([new VerbatimDetector()]);
}

import { Corpus } from './corpus';
import { CopyDetector } from './copies/copyDetector';
import { FigureDetector } from './figures/figureDetector';
import { DateDetector } from './dates/dateDetector';
import type { MarkedSourced } from './figures/markedSourced';
import type { CopyDetectorOptions } from './copies/options';

export { Corpus } from './corpus';
export { parseArticle, type Article } from './article';
export { LineIndex, type Position } from './lineIndex';
export type * from './types';
export { MarkedSourced, markedSourcedKey } from './figures/markedSourced';
export { DEFAULT_COPY_OPTIONS, type CopyDetectorOptions } from './copies/options';

export interface CorpusOptions {
  /** Figures the team marked as sourced, read by the caller from the workspace's shared file. */
  markedSourced?: MarkedSourced;
  /** Copied-passage settings (minimum passage length, similarity threshold); defaults where left out. */
  copies?: Partial<CopyDetectorOptions>;
}

/** A corpus with every check the product ships. */
export function createCorpus(options: CorpusOptions = {}): Corpus {
  return new Corpus([new CopyDetector(options.copies), new FigureDetector(options.markedSourced), new DateDetector()]);
}

import type { Article } from './article';
import { analyseDates, type ArticleDates } from './dates/articleDates';
import { analyseFigures, type ArticleFigures } from './figures/figureDetector';

/**
 * The analyses of an article that need no other article: its dates (chrono's part is the largest) and its
 * figures with their sources. Where an article is read in another thread, they are computed there too,
 * which leaves the thread that compares articles free to compare them. Plain data, so they can be posted.
 */
export interface StandaloneAnalyses {
  dates: ArticleDates;
  figures: ArticleFigures;
}

export function analyseStandalone(article: Article): StandaloneAnalyses {
  return { dates: analyseDates(article), figures: analyseFigures(article) };
}

/** Takes analyses computed elsewhere for `article` (the same text), so they are not computed again. */
export function adoptStandalone(article: Article, analyses: StandaloneAnalyses): void {
  analyseDates.adopt(article, analyses.dates);
  analyseFigures.adopt(article, analyses.figures);
}

import { chainPairs, type UnitPair, type WordedPair } from './alignment';
import type { ArticleUnits } from './articleUnits';
import type { CopyDetectorOptions } from './options';
import { consecutiveRuns, inRun } from './runs';
import { NEAR_VERBATIM } from './similarity';

/** Least similarity for a pair of sentences to take part in a chain. */
export const PAIR_FLOOR = 0.3;
/** Own words (no names, figures or quotes) a pair of sentences must share to take part in a chain. */
const MIN_PAIR_EVIDENCE = 3;
/** Alignment score (see `chainPairs`) from which a chain of reworded sentences is a copied passage. */
const MIN_CHAIN_SCORE = 0.35;
/** Similarity and own words from which a pair is a close paraphrase, whose neighbours may come in any order. */
const CLOSE_SIMILARITY = 0.6;
const CLOSE_EVIDENCE = 5;
/** Own words a lone sentence must share to count as copied: short stock sentences recur by chance. */
const MIN_SINGLE_EVIDENCE = 6;

/** What the rules see of two articles: their units, and how to score any pair of them. */
export interface PairSides {
  left: ArticleUnits;
  right: ArticleUnits;
  pairAt(a: number, b: number): UnitPair;
  surfaceAt(a: number, b: number): number;
}

/** How alike a pair reads, by content or by wording, whichever is higher: what findings report. */
export function shownSimilarity(pair: WordedPair): number {
  return Math.max(pair.similarity, pair.surface);
}

function wordCount(units: ArticleUnits, indexes: Iterable<number>): number {
  let total = 0;
  for (const i of new Set(indexes)) total += units.words(i);
  return total;
}

function runWords(units: ArticleUnits, [first, last]: [number, number]): number {
  let total = 0;
  for (let i = first; i <= last; i++) total += units.words(i);
  return total;
}

/**
 * The candidate pairs between two articles that belong to copied passages:
 * - chains of two or more sentences in the same order that score well above chance (reworded passages);
 * - adjacent sentences on one side that each closely paraphrase a sentence of the other, in any order
 *   (a passage rewritten with its sentences shuffled);
 * - lone sentences that keep their wording and enough of the writer's own words (verbatim, lightly edited);
 * - the word-for-word neighbours of any of these, so a copied paragraph is covered with its quotes;
 * and of those, only runs long enough on both sides and similar enough on the whole.
 */
export function copiedPairs(sides: PairSides, candidates: UnitPair[], options: CopyDetectorOptions): WordedPair[] {
  const worded = (pair: UnitPair): WordedPair => {
    pair.surface ??= sides.surfaceAt(pair.a, pair.b);
    return pair as WordedPair;
  };
  const accepted = new Map<string, WordedPair>();
  const accept = (pair: UnitPair): void => void accepted.set(`${pair.a}:${pair.b}`, worded(pair));
  chainedPairs(sides, candidates, options.minWords).forEach(accept);
  shuffledPairs(candidates).forEach(accept);
  for (const pair of candidates) {
    const single =
      pair.evidence >= MIN_SINGLE_EVIDENCE &&
      sides.left.unquotedWords(pair.a) >= options.minWords &&
      sides.right.unquotedWords(pair.b) >= options.minWords &&
      worded(pair).surface >= NEAR_VERBATIM;
    if (single) accept(pair);
  }
  const queue = [...accepted.values()];
  for (let pair = queue.pop(); pair; pair = queue.pop()) {
    for (const step of [-1, 1]) {
      const a = pair.a + step;
      const b = pair.b + step;
      if (a < 0 || b < 0 || a >= sides.left.length || b >= sides.right.length || accepted.has(`${a}:${b}`)) continue;
      const neighbour = worded(sides.pairAt(a, b));
      if (neighbour.surface < NEAR_VERBATIM) continue;
      accept(neighbour);
      queue.push(neighbour);
    }
  }
  const kept = dropShortRuns([...accepted.values()], sides, options.minWords);
  return dropDissimilarRuns(kept, options.similarityThreshold);
}

function chainedPairs(sides: PairSides, candidates: UnitPair[], minWords: number): UnitPair[] {
  const chainable = candidates.filter((p) => p.similarity >= PAIR_FLOOR && p.evidence >= MIN_PAIR_EVIDENCE);
  chainable.sort((x, y) => x.a - y.a || x.b - y.b);
  return chainPairs(chainable)
    .filter((chain) => chain.pairs.length >= 2 && chain.score >= MIN_CHAIN_SCORE)
    .filter((chain) => wordCount(sides.left, chain.pairs.map((p) => p.a)) >= minWords && wordCount(sides.right, chain.pairs.map((p) => p.b)) >= minWords)
    .flatMap((chain) => chain.pairs);
}

function shuffledPairs(candidates: UnitPair[]): UnitPair[] {
  const close = candidates.filter((p) => p.similarity >= CLOSE_SIMILARITY && p.evidence >= CLOSE_EVIDENCE);
  return close.filter((p) => close.some((q) => (Math.abs(q.a - p.a) === 1 && q.b !== p.b) || (Math.abs(q.b - p.b) === 1 && q.a !== p.a)));
}

/** Pairs whose run of adjacent units, on either side, is shorter than `minWords` words are dropped. */
function dropShortRuns(pairs: WordedPair[], sides: PairSides, minWords: number): WordedPair[] {
  let kept = pairs;
  for (;;) {
    const shortLeft = consecutiveRuns(kept.map((p) => p.a)).filter((run) => runWords(sides.left, run) < minWords);
    const shortRight = consecutiveRuns(kept.map((p) => p.b)).filter((run) => runWords(sides.right, run) < minWords);
    if (shortLeft.length === 0 && shortRight.length === 0) return kept;
    kept = kept.filter((p) => !shortLeft.some((run) => inRun(p.a, run)) && !shortRight.some((run) => inRun(p.b, run)));
  }
}

/** Runs of adjacent units whose pairs are, on average, less similar than the threshold are dropped. */
function dropDissimilarRuns(pairs: WordedPair[], threshold: number): WordedPair[] {
  const dropped = consecutiveRuns(pairs.map((p) => p.a)).filter((run) => {
    const shown = pairs.filter((p) => inRun(p.a, run)).map(shownSimilarity);
    return shown.reduce((sum, s) => sum + s, 0) / shown.length < threshold;
  });
  return pairs.filter((p) => !dropped.some((run) => inRun(p.a, run)));
}

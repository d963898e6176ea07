import type { Article, Sentence } from '../article';
import { firstIndexNotBefore } from '../search';

/** A clause as a token index range [from, to) of the article. */
export type Segment = [number, number];

/** A property of the token at index `t` of the article. */
export type TokenTest = (article: Article, t: number) => boolean;

const CLAUSE_BREAKS = new Set([',', ';', ':', '(', ')', '—', '–', '[', ']']);

/**
 * A sentence cut into clauses, roughly: runs of tokens between commas, semicolons, colons, brackets and
 * dashes. The date rules ask, for every date and event word, which clause holds a token and whether a
 * stretch of tokens holds a verb; answered by binary search, a sentence of any length costs its length.
 */
export class Clauses {
  readonly segments: Segment[] = [];
  private readonly marksByTest = new Map<TokenTest, Marks>();

  constructor(
    private readonly article: Article,
    readonly sentence: Sentence,
  ) {
    const { tokens } = article;
    let start = sentence.tokenStart;
    for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
      const value = tokens.value(t);
      const spacedHyphen = value === '-' && t > 0 && tokens.end(t - 1) < tokens.start(t);
      if (!CLAUSE_BREAKS.has(value) && !spacedHyphen) continue;
      if (t > start) this.segments.push([start, t]);
      start = t + 1;
    }
    if (start < sentence.tokenEnd) this.segments.push([start, sentence.tokenEnd]);
  }

  /** Index of the segment holding token `t`; -1 for a token between segments (a comma, a dash). */
  indexOf(t: number): number {
    const low = firstIndexNotBefore(0, this.segments.length, (i) => this.segments[i][1] <= t);
    return low < this.segments.length && this.segments[low][0] <= t ? low : -1;
  }

  /** The segment holding token `t`, or the token alone when it lies between segments. */
  of(t: number): Segment {
    const index = this.indexOf(t);
    return index < 0 ? [t, t + 1] : this.segments[index];
  }

  /** The tokens of the sentence that pass `test`, found once per test. */
  marks(test: TokenTest): Marks {
    let marks = this.marksByTest.get(test);
    if (!marks) {
      const at: number[] = [];
      for (let t = this.sentence.tokenStart; t < this.sentence.tokenEnd; t++) if (test(this.article, t)) at.push(t);
      marks = new Marks(at);
      this.marksByTest.set(test, marks);
    }
    return marks;
  }
}

/** Ascending token indices, queried by range. */
export class Marks {
  constructor(private readonly at: readonly number[]) {}

  /** Whether a marked token lies in [from, to). */
  any(from: number, to: number): boolean {
    return this.first(from, to) !== undefined;
  }

  /** The first marked token in [from, to). */
  first(from: number, to: number): number | undefined {
    const i = this.lowerBound(from);
    return i < this.at.length && this.at[i] < to ? this.at[i] : undefined;
  }

  /** The last marked token in [from, to). */
  last(from: number, to: number): number | undefined {
    const i = this.lowerBound(to) - 1;
    return i >= 0 && this.at[i] >= from ? this.at[i] : undefined;
  }

  /** Position of the first marked token not before `t`. */
  private lowerBound(t: number): number {
    return firstIndexNotBefore(0, this.at.length, (i) => this.at[i] < t);
  }
}

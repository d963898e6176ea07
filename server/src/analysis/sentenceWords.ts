import type { PosTag, TokenType, Tokens } from './tokens';

/**
 * The tokens of a stretch of text with white space left out (hard-wrapped paragraphs keep line breaks
 * inside sentences), by position. Rules look a few words either side of one; a position outside the
 * stretch has no token: its strings and tag read as '', its type as undefined.
 */
export class SentenceWords {
  /** Per position, the index of its token in the article's tokens. */
  readonly index: number[] = [];

  constructor(
    readonly tokens: Tokens,
    tokenStart: number,
    tokenEnd: number,
  ) {
    for (let t = tokenStart; t < tokenEnd; t++) if (!tokens.isBlank(t)) this.index.push(t);
  }

  get length(): number {
    return this.index.length;
  }

  has(p: number): boolean {
    return p >= 0 && p < this.index.length;
  }

  /** Only for a position that has a token. */
  start(p: number): number {
    return this.tokens.start(this.index[p]);
  }

  /** Only for a position that has a token. */
  end(p: number): number {
    return this.tokens.end(this.index[p]);
  }

  value(p: number): string {
    return this.has(p) ? this.tokens.value(this.index[p]) : '';
  }

  normal(p: number): string {
    return this.has(p) ? this.tokens.normal(this.index[p]) : '';
  }

  lemma(p: number): string {
    return this.has(p) ? this.tokens.lemma(this.index[p]) : '';
  }

  type(p: number): TokenType | undefined {
    return this.has(p) ? this.tokens.type(this.index[p]) : undefined;
  }

  pos(p: number): PosTag | '' {
    return this.has(p) ? this.tokens.pos(this.index[p]) : '';
  }
}

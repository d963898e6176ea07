import { grown } from './typedArrays';

export type TokenType = 'word' | 'number' | 'punctuation' | 'symbol' | 'currency' | 'email' | 'url' | 'mention' | 'hashtag' | 'emoji' | 'emoticon' | 'ordinal' | 'time' | 'unit' | 'quoted_phrase' | 'tabCRLF' | string;

const FIELDS = 8;
const START = 0;
const END = 1;
const VALUE = 2;
const NORMAL = 3;
const LEMMA = 4;
const TYPE = 5;
const POS = 6;
/** Flags: a stop word, and white space only. */
const FLAGS = 7;
const STOP_WORD_FLAG = 1;
const BLANK_FLAG = 2;

/**
 * The tokens of a text, read by index: their numbers in one typed array, each distinct string once in a
 * table. An indexed article keeps its tokens for as long as it is in the workspace; as objects (a thousand
 * of eight fields for a 5 KB article, 96 bytes each) they were most of what a large workspace costs in
 * memory, against 32 bytes here. The same layout crosses to another thread without being rebuilt.
 */
export class Tokens {
  readonly length: number;

  constructor(
    readonly strings: readonly string[],
    readonly fields: Int32Array<ArrayBuffer>,
  ) {
    this.length = fields.length / FIELDS;
  }

  /** Offset of the token's first character in the text. */
  start(t: number): number {
    return this.fields[t * FIELDS + START];
  }

  end(t: number): number {
    return this.fields[t * FIELDS + END];
  }

  value(t: number): string {
    return this.strings[this.fields[t * FIELDS + VALUE]];
  }

  /** Lower-cased, normalised form (wink's `normal`). */
  normal(t: number): string {
    return this.strings[this.fields[t * FIELDS + NORMAL]];
  }

  lemma(t: number): string {
    return this.strings[this.fields[t * FIELDS + LEMMA]];
  }

  type(t: number): TokenType {
    return this.strings[this.fields[t * FIELDS + TYPE]];
  }

  pos(t: number): string {
    return this.strings[this.fields[t * FIELDS + POS]];
  }

  stopWord(t: number): boolean {
    return (this.fields[t * FIELDS + FLAGS] & STOP_WORD_FLAG) !== 0;
  }

  /** Whether the token is white space only (a line break inside a wrapped paragraph). */
  isBlank(t: number): boolean {
    return (this.fields[t * FIELDS + FLAGS] & BLANK_FLAG) !== 0;
  }
}

/**
 * Makes `Tokens` in text order. Strings get their ids in the order they first occur, so the same tokens
 * make the same table however they were gathered: read afresh, or partly taken from an earlier version.
 */
export class TokensBuilder {
  private readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();
  private fields = new Int32Array(256 * FIELDS);
  private count = 0;
  /** For the tokens last copied from: the id here of each of their strings, -1 until first met. */
  private copied: { from: Tokens; ids: Int32Array } | undefined;

  get length(): number {
    return this.count;
  }

  add(start: number, end: number, value: string, normal: string, lemma: string, type: TokenType, pos: string, stopWord: boolean): void {
    const at = this.next();
    const fields = this.fields;
    fields[at + START] = start;
    fields[at + END] = end;
    fields[at + VALUE] = this.id(value);
    fields[at + NORMAL] = this.id(normal);
    fields[at + LEMMA] = this.id(lemma);
    fields[at + TYPE] = this.id(type);
    fields[at + POS] = this.id(pos);
    // Worked out once here: the blank test runs over every token of an article at each keystroke.
    fields[at + FLAGS] = (stopWord ? STOP_WORD_FLAG : 0) | (value.trim() === '' ? BLANK_FLAG : 0);
  }

  /** Adds tokens [first, end) of `tokens`, `shift` characters further on. */
  addFrom(tokens: Tokens, first: number, end: number, shift: number): void {
    if (this.copied?.from !== tokens) this.copied = { from: tokens, ids: new Int32Array(tokens.strings.length).fill(-1) };
    const ids = this.copied.ids;
    const source = tokens.fields;
    for (let t = first; t < end; t++) {
      const at = this.next();
      const from = t * FIELDS;
      const fields = this.fields;
      fields[at + START] = source[from + START] + shift;
      fields[at + END] = source[from + END] + shift;
      // In field order, as `add` does, so that strings are numbered as a fresh reading would number them.
      for (let field = VALUE; field <= POS; field++) {
        const old = source[from + field];
        if (ids[old] < 0) ids[old] = this.id(tokens.strings[old]);
        fields[at + field] = ids[old];
      }
      fields[at + FLAGS] = source[from + FLAGS];
    }
  }

  build(): Tokens {
    return new Tokens(this.strings, this.fields.slice(0, this.count * FIELDS));
  }

  /** Position in `fields` of a new token, growing them as needed. */
  private next(): number {
    const at = this.count * FIELDS;
    if (at === this.fields.length) this.fields = grown(this.fields, at);
    this.count++;
    return at;
  }

  private id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
}

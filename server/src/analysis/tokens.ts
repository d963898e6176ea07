import { grown } from './typedArrays';

/**
 * wink's token types and part-of-speech tags, as its English model lists them (`features.tokenType` and
 * `features.pos`). Both lists are closed, so a token keeps them as small numbers packed into one field
 * rather than as strings in its article's table; a unit test holds these lists to the model's.
 */
export const TOKEN_TYPES = ['unk', 'word', 'number', 'url', 'email', 'mention', 'hashtag', 'emoji', 'emoticon', 'time', 'ordinal', 'currency', 'punctuation', 'symbol', 'tabCRLF', 'wordRP', 'alpha', 'apos', 'decade', 'shortForm'] as const;
export const POS_TAGS = ['UNK', 'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SPACE', 'SYM', 'VERB', 'X', 'SCONJ'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type PosTag = (typeof POS_TAGS)[number];

const TYPE_CODES = new Map<string, number>(TOKEN_TYPES.map((type, code) => [type, code]));
const POS_CODES = new Map<string, number>(POS_TAGS.map((tag, code) => [tag, code]));

const FIELDS = 6;
const START = 0;
const END = 1;
const VALUE = 2;
const NORMAL = 3;
const LEMMA = 4;
/** Packed: flags in the low bits, then the part-of-speech code, then the type code. */
const KIND = 5;
const STOP_WORD_FLAG = 1;
/** White space only. */
const BLANK_FLAG = 2;
const POS_SHIFT = 2;
/** Enough for the 19 tags. */
const POS_BITS = 5;
const POS_MASK = (1 << POS_BITS) - 1;
const TYPE_SHIFT = POS_SHIFT + POS_BITS;

/**
 * The tokens of a text, read by index: their numbers in one typed array, each distinct string once in a
 * table. An indexed article keeps its tokens for as long as it is in the workspace; as objects (a thousand
 * of eight fields for a 5 KB article, 96 bytes each) they were most of what a large workspace costs in
 * memory, against 24 bytes here. The same layout crosses to another thread without being rebuilt.
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

  /** Where `normal(t)` stands in `strings`: a test of the token's words can be worked out once per string. */
  normalId(t: number): number {
    return this.fields[t * FIELDS + NORMAL];
  }

  lemmaId(t: number): number {
    return this.fields[t * FIELDS + LEMMA];
  }

  type(t: number): TokenType {
    return TOKEN_TYPES[this.fields[t * FIELDS + KIND] >> TYPE_SHIFT];
  }

  pos(t: number): PosTag {
    return POS_TAGS[(this.fields[t * FIELDS + KIND] >> POS_SHIFT) & POS_MASK];
  }

  stopWord(t: number): boolean {
    return (this.fields[t * FIELDS + KIND] & STOP_WORD_FLAG) !== 0;
  }

  /** Whether the token is white space only (a line break inside a wrapped paragraph). */
  isBlank(t: number): boolean {
    return (this.fields[t * FIELDS + KIND] & BLANK_FLAG) !== 0;
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
  /**
   * The tokens that every token so far was copied from, in order from their first: strings are numbered in
   * order of first occurrence, so their ids hold here unchanged and need no translating.
   */
  private prefixOf: Tokens | undefined;

  get length(): number {
    return this.count;
  }

  add(start: number, end: number, value: string, normal: string, lemma: string, type: string, pos: string, stopWord: boolean): void {
    const typeCode = TYPE_CODES.get(type);
    const posCode = POS_CODES.get(pos);
    if (typeCode === undefined || posCode === undefined) throw new Error(`wink-nlp gave a token type or tag outside its model's lists: ${type}, ${pos}`);
    this.prefixOf = undefined;
    const at = this.next();
    const fields = this.fields;
    fields[at + START] = start;
    fields[at + END] = end;
    fields[at + VALUE] = this.id(value);
    fields[at + NORMAL] = this.id(normal);
    fields[at + LEMMA] = this.id(lemma);
    // The blank test is worked out once here: it runs over every token of an article at each keystroke.
    fields[at + KIND] = (typeCode << TYPE_SHIFT) | (posCode << POS_SHIFT) | (stopWord ? STOP_WORD_FLAG : 0) | (value.trim() === '' ? BLANK_FLAG : 0);
  }

  /** Adds tokens [first, end) of `tokens`, `shift` characters further on. */
  addFrom(tokens: Tokens, first: number, end: number, shift: number): void {
    if (first === this.count && (this.count === 0 || this.prefixOf === tokens)) {
      this.extendPrefix(tokens, end, shift);
      return;
    }
    this.prefixOf = undefined;
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
      for (let field = VALUE; field <= LEMMA; field++) {
        const old = source[from + field];
        if (ids[old] < 0) ids[old] = this.id(tokens.strings[old]);
        fields[at + field] = ids[old];
      }
      fields[at + KIND] = source[from + KIND];
    }
  }

  /** Adds tokens of `tokens` up to `end`, those before having been copied from it already, with the same ids. */
  private extendPrefix(tokens: Tokens, end: number, shift: number): void {
    const first = this.count;
    const source = tokens.fields;
    let strings = this.strings.length;
    for (let t = first; t < end; t++) {
      for (let field = VALUE; field <= LEMMA; field++) strings = Math.max(strings, source[t * FIELDS + field] + 1);
    }
    for (let id = this.strings.length; id < strings; id++) {
      this.ids.set(tokens.strings[id], id);
      this.strings.push(tokens.strings[id]);
    }
    if (this.fields.length < end * FIELDS) this.fields = grown(this.fields, end * FIELDS);
    this.fields.set(source.subarray(first * FIELDS, end * FIELDS), first * FIELDS);
    if (shift !== 0) {
      for (let t = first; t < end; t++) {
        this.fields[t * FIELDS + START] += shift;
        this.fields[t * FIELDS + END] += shift;
      }
    }
    this.count = end;
    this.prefixOf = tokens;
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

import type { TextReading } from './article';
import type { Entity, Token } from './nlp';

/**
 * A reading of a text in a form that crosses to another thread cheaply: numbers in one buffer that is
 * moved, not copied, and each distinct string once. Copying the objects themselves (a thousand tokens of
 * eight fields per article) costs almost half as much as reading the text again.
 */
export interface CompactReading {
  strings: string[];
  numbers: Int32Array<ArrayBuffer>;
}

const TOKEN_FIELDS = 8;
const ENTITY_FIELDS = 6;
const NO_STRING = -1;

export function compactReading(reading: TextReading): CompactReading {
  const { paragraphs, nlp } = reading;
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const id = (value: string | undefined): number => {
    if (value === undefined) return NO_STRING;
    let index = indexOf.get(value);
    if (index === undefined) {
      index = strings.length;
      strings.push(value);
      indexOf.set(value, index);
    }
    return index;
  };
  const numbers = new Int32Array(4 + paragraphs.length * 2 + nlp.tokens.length * TOKEN_FIELDS + nlp.sentenceTokenSpans.length * 2 + nlp.entities.length * ENTITY_FIELDS);
  let at = 0;
  // Written number by number, with no array per token: this runs for every token of every article indexed.
  const put = (value: number): void => {
    numbers[at++] = value;
  };
  put(paragraphs.length);
  put(nlp.tokens.length);
  put(nlp.sentenceTokenSpans.length);
  put(nlp.entities.length);
  for (const p of paragraphs) {
    put(p.start);
    put(p.end);
  }
  for (const t of nlp.tokens) {
    put(t.start);
    put(t.end);
    put(id(t.value));
    put(id(t.normal));
    put(id(t.lemma));
    put(id(t.type));
    put(id(t.pos));
    put(t.stopWord ? 1 : 0);
  }
  for (const [first, last] of nlp.sentenceTokenSpans) {
    put(first);
    put(last);
  }
  for (const e of nlp.entities) {
    put(e.start);
    put(e.end);
    put(id(e.type));
    put(id(e.value));
    put(e.tokenStart);
    put(e.tokenEnd);
  }
  return { strings, numbers };
}

/**
 * Strings of tokens read in other threads, shared: each thread makes its own copy of every word, and a
 * workspace repeats the same few thousand words millions of times. Bounded, so pasted noise cannot
 * grow it forever; past the bound, words are simply not shared.
 */
const sharedStrings = new Map<string, string>();
const MAX_SHARED_STRINGS = 500_000;

function shared(value: string): string {
  const known = sharedStrings.get(value);
  if (known !== undefined) return known;
  if (sharedStrings.size < MAX_SHARED_STRINGS) sharedStrings.set(value, value);
  return value;
}

export function expandReading({ strings, numbers }: CompactReading): TextReading {
  const words = strings.map(shared);
  const text = (index: number): string => words[index];
  let at = 4;
  const take = (): number => numbers[at++];
  const [paragraphCount, tokenCount, sentenceCount, entityCount] = numbers;
  const paragraphs = Array.from({ length: paragraphCount }, () => ({ start: take(), end: take() }));
  const tokens: Token[] = new Array(tokenCount);
  for (let i = 0; i < tokenCount; i++) {
    tokens[i] = { start: take(), end: take(), value: text(take()), normal: text(take()), lemma: text(take()), type: text(take()), pos: text(take()), stopWord: take() === 1 };
  }
  const sentenceTokenSpans: Array<[number, number]> = Array.from({ length: sentenceCount }, () => [take(), take()]);
  const entities: Entity[] = Array.from({ length: entityCount }, () => ({ start: take(), end: take(), type: text(take()), value: text(take()), tokenStart: take(), tokenEnd: take() }));
  return { paragraphs, nlp: { tokens, sentenceTokenSpans, entities } };
}

import type { TextReading } from './article';
import type { Entity } from './nlp';
import { Tokens } from './tokens';

/**
 * A reading of a text in a form that crosses to another thread cheaply: numbers in buffers that are
 * moved, not copied, and each distinct string once. Copying objects instead (the entities, and a
 * thousand tokens per article if they were objects) costs almost half as much as reading the text again.
 */
export interface CompactReading {
  /** The tokens as `Tokens` keeps them. */
  tokenStrings: readonly string[];
  tokenFields: Int32Array<ArrayBuffer>;
  /** Each entity's type and value. */
  strings: string[];
  numbers: Int32Array<ArrayBuffer>;
}

const ENTITY_FIELDS = 4;

/** The buffers of the result are moved with it: the reading's tokens are unreadable once it is sent. */
export function compactReading(reading: TextReading): CompactReading {
  const { paragraphs, nlp } = reading;
  const strings: string[] = [];
  const numbers = new Int32Array(3 + paragraphs.length * 2 + nlp.sentenceTokenSpans.length * 2 + nlp.entities.length * ENTITY_FIELDS);
  let at = 0;
  const put = (value: number): void => {
    numbers[at++] = value;
  };
  put(paragraphs.length);
  put(nlp.sentenceTokenSpans.length);
  put(nlp.entities.length);
  for (const p of paragraphs) {
    put(p.start);
    put(p.end);
  }
  for (const [first, last] of nlp.sentenceTokenSpans) {
    put(first);
    put(last);
  }
  for (const e of nlp.entities) {
    put(e.start);
    put(e.end);
    put(e.tokenStart);
    put(e.tokenEnd);
    strings.push(e.type, e.value);
  }
  return { tokenStrings: nlp.tokens.strings, tokenFields: nlp.tokens.fields, strings, numbers };
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

export function expandReading({ tokenStrings, tokenFields, strings, numbers }: CompactReading): TextReading {
  let at = 3;
  const take = (): number => numbers[at++];
  const [paragraphCount, sentenceCount, entityCount] = numbers;
  const paragraphs = Array.from({ length: paragraphCount }, () => ({ start: take(), end: take() }));
  const sentenceTokenSpans: Array<[number, number]> = Array.from({ length: sentenceCount }, () => [take(), take()]);
  const entities: Entity[] = Array.from({ length: entityCount }, (_, i) => ({ start: take(), end: take(), type: shared(strings[i * 2]), value: shared(strings[i * 2 + 1]), tokenStart: take(), tokenEnd: take() }));
  return { paragraphs, nlp: { tokens: new Tokens(tokenStrings.map(shared), tokenFields), sentenceTokenSpans, entities } };
}

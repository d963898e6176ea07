import { readInto, type Entity, type NlpResult, type Structure } from './nlp';
import { firstIndexNotBefore } from './search';
import { TokensBuilder, type Tokens } from './tokens';
import type { Span } from './types';

/** The language analysis an earlier version of the same document kept, to be reused where a paragraph is unchanged. */
export interface EarlierAnalysis {
  text: string;
  paragraphs: readonly Span[];
  tokens: Tokens;
  /** Sentences as token index ranges [tokenStart, tokenEnd), in order. */
  sentences: ReadonlyArray<{ tokenStart: number; tokenEnd: number }>;
  entities: readonly Entity[];
}

/**
 * wink's analysis of the paragraphs of a text, at offsets of the whole text, each paragraph read on its
 * own: wink's sentence breaks and tags near a paragraph's start depend on the text before it, so a
 * paragraph read with its neighbours would not read the same once they change. Read alone, a paragraph
 * left unchanged by an edit can be taken from the earlier analysis instead of being read again, which
 * is most of the cost of a keystroke.
 */
export function analyzeParagraphs(text: string, paragraphs: readonly Span[], earlier?: EarlierAnalysis): NlpResult {
  const tokens = new TokensBuilder();
  const structure: Structure = { sentenceTokenSpans: [], entities: [] };
  const earlierByText = earlier ? paragraphsByText(earlier) : undefined;
  for (const paragraph of paragraphs) {
    const same = earlierByText?.get(text.slice(paragraph.start, paragraph.end));
    if (same !== undefined && earlier) appendEarlier(tokens, structure, earlier, earlier.paragraphs[same], paragraph.start);
    else appendRead(tokens, structure, text, paragraph);
  }
  return { tokens: tokens.build(), ...structure };
}

function paragraphsByText(earlier: EarlierAnalysis): Map<string, number> {
  const byText = new Map<string, number>();
  earlier.paragraphs.forEach((p, index) => {
    const key = earlier.text.slice(p.start, p.end);
    if (!byText.has(key)) byText.set(key, index);
  });
  return byText;
}

function appendRead(tokens: TokensBuilder, structure: Structure, text: string, paragraph: Span): void {
  const read = readInto(text.slice(paragraph.start, paragraph.end), tokens, paragraph.start);
  for (const span of read.sentenceTokenSpans) structure.sentenceTokenSpans.push(span);
  for (const entity of read.entities) structure.entities.push(entity);
}

function movedEntity(entity: Entity, shift: number, tokenShift: number): Entity {
  return { start: entity.start + shift, end: entity.end + shift, type: entity.type, value: entity.value, tokenStart: entity.tokenStart + tokenShift, tokenEnd: entity.tokenEnd + tokenShift };
}

/** Copies an unchanged paragraph's analysis from the earlier version, moved to where the paragraph now starts. */
function appendEarlier(tokens: TokensBuilder, structure: Structure, earlier: EarlierAnalysis, paragraph: Span, start: number): void {
  const shift = start - paragraph.start;
  const before = earlier.tokens;
  const firstToken = firstIndexNotBefore(0, before.length, (t) => before.start(t) < paragraph.start);
  const endToken = firstIndexNotBefore(firstToken, before.length, (t) => before.start(t) < paragraph.end);
  const tokenShift = tokens.length - firstToken;
  tokens.addFrom(before, firstToken, endToken, shift);
  for (let s = firstIndexNotBefore(0, earlier.sentences.length, (i) => earlier.sentences[i].tokenStart < firstToken); s < earlier.sentences.length && before.start(earlier.sentences[s].tokenStart) < paragraph.end; s++) {
    const sentence = earlier.sentences[s];
    structure.sentenceTokenSpans.push([sentence.tokenStart + tokenShift, sentence.tokenEnd - 1 + tokenShift]);
  }
  for (let e = firstIndexNotBefore(0, earlier.entities.length, (i) => earlier.entities[i].start < paragraph.start); e < earlier.entities.length && earlier.entities[e].start < paragraph.end; e++) {
    const entity = earlier.entities[e];
    structure.entities.push(shift === 0 && tokenShift === 0 ? entity : movedEntity(entity, shift, tokenShift));
  }
}

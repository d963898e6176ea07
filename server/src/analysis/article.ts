import { createHash } from 'node:crypto';
import type { Entity, NlpResult } from './nlp';
import { analyzeParagraphs, type EarlierAnalysis } from './paragraphAnalysis';
import { LineIndex } from './lineIndex';
import { trimSpan } from './spans';
import type { Tokens } from './tokens';
import type { ArticleSource, Span } from './types';

export interface Sentence extends Span {
  index: number;
  paragraph: number;
  /** Token index range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
}

export interface Paragraph extends Span {
  index: number;
  /** Sentence index range [sentenceStart, sentenceEnd). */
  sentenceStart: number;
  sentenceEnd: number;
}

/** A news article split into paragraphs, sentences and tokens at exact offsets of its text. */
export interface Article {
  uri: string;
  text: string;
  /** SHA-1 of the text: two articles with equal hashes analyse identically. */
  hash: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Tokens;
  entities: Entity[];
  lines: LineIndex;
}

/** An analysis computed once per article; `adopt` takes a result computed elsewhere (in a reading thread). */
export interface PerArticle<T> {
  (article: Article): T;
  adopt(article: Article, result: T): void;
}

/**
 * An analysis of articles that computes each article's result once. Articles never change (an edit makes
 * a new one), and the detectors and the highlighting read the same figures, dates and quotations.
 */
export function perArticle<T>(analyse: (article: Article) => T): PerArticle<T> {
  const results = new WeakMap<Article, T>();
  const once = (article: Article): T => {
    if (results.has(article)) return results.get(article) as T;
    const result = analyse(article);
    results.set(article, result);
    return result;
  };
  return Object.assign(once, { adopt: (article: Article, result: T) => void results.set(article, result) });
}

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** What reading a text costs: its paragraphs, and wink's analysis of them. */
export interface TextReading {
  paragraphs: Span[];
  nlp: NlpResult;
}

/** `earlier`: a previous version of the document, whose unchanged paragraphs need not be read again. */
export function readText(text: string, earlier?: EarlierAnalysis): TextReading {
  const paragraphs = findParagraphs(text);
  return { paragraphs, nlp: analyzeParagraphs(text, paragraphs, earlier) };
}

export function parseArticle(source: ArticleSource, earlier?: EarlierAnalysis): Article {
  return articleFrom(source, readText(source.text, earlier));
}

/** The article a reading of its text makes, where the reading may have been done elsewhere (in a worker). */
export function articleFrom(source: ArticleSource, reading: TextReading): Article {
  const { uri, text } = source;
  const { paragraphs: paragraphSpans, nlp } = reading;
  const sentences = splitSentences(paragraphSpans, nlp.tokens, nlp.sentenceTokenSpans);
  const paragraphs: Paragraph[] = paragraphSpans.map(({ start, end }, index) => ({ start, end, index, sentenceStart: 0, sentenceEnd: 0 }));
  for (const sentence of sentences) {
    const paragraph = paragraphs[sentence.paragraph];
    if (paragraph.sentenceEnd === 0) paragraph.sentenceStart = sentence.index;
    paragraph.sentenceEnd = sentence.index + 1;
  }
  return { uri, text, hash: contentHash(text), paragraphs, sentences, tokens: nlp.tokens, entities: nlp.entities, lines: new LineIndex(text) };
}

const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
const WRAP_WIDTH = 100;
const MIN_WRAPPED_LINE = 40;

/**
 * Paragraphs are blocks between blank lines. Inside a block, each line is its own paragraph (news sites
 * put one paragraph per line, and captions or list items stand on lines of their own), unless the block
 * is hard-wrapped: its lines but the last are mostly short and most of them stop mid-sentence.
 */
export function findParagraphs(text: string): Span[] {
  const lines: Span[] = [];
  LINE.lastIndex = 0;
  for (let match = LINE.exec(text); match && match[0].length > 0; match = LINE.exec(text)) {
    const content = match[0].replace(/[\r\n]+$/, '');
    lines.push({ start: match.index, end: match.index + content.length });
    if (LINE.lastIndex >= text.length) break;
  }
  const paragraphs: Span[] = [];
  let block: Span[] = [];
  const flush = (): void => {
    if (block.length === 0) return;
    if (isHardWrapped(text, block)) paragraphs.push(trimSpan(text, { start: block[0].start, end: block[block.length - 1].end }));
    else for (const line of block) paragraphs.push(trimSpan(text, line));
    block = [];
  };
  for (const line of lines) {
    if (text.slice(line.start, line.end).trim() === '') flush();
    else block.push(line);
  }
  flush();
  return paragraphs;
}

function isHardWrapped(text: string, block: Span[]): boolean {
  if (block.length < 3) return false;
  const inner = block.slice(0, -1);
  // The (lower) median, not the longest line, decides: an edit such as an inserted citation lengthens
  // one line of a wrapped block without unwrapping it.
  const lengths = inner.map((line) => line.end - line.start).sort((a, b) => a - b);
  if (lengths[(lengths.length - 1) >> 1] > WRAP_WIDTH) return false;
  const innerLength = inner.reduce((sum, line) => sum + line.end - line.start, 0);
  if (innerLength < MIN_WRAPPED_LINE * inner.length) return false;
  const openEnded = inner.filter((line) => !/[.!?:"”')\]]\s*$/.test(text.slice(line.start, line.end))).length;
  return openEnded * 2 > inner.length;
}

/** wink's sentences, cut again wherever one runs across a paragraph boundary. */
function splitSentences(paragraphs: Span[], tokens: Tokens, sentenceTokenSpans: Array<[number, number]>): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  for (const [first, last] of sentenceTokenSpans) {
    let runStart = -1;
    let runParagraph = -1;
    const close = (endToken: number): void => {
      if (runStart < 0) return;
      while (endToken - 1 > runStart && tokens.isBlank(endToken - 1)) endToken--;
      sentences.push({
        index: sentences.length,
        paragraph: runParagraph,
        start: tokens.start(runStart),
        end: tokens.end(endToken - 1),
        tokenStart: runStart,
        tokenEnd: endToken,
      });
      runStart = -1;
    };
    for (let t = first; t <= last && t < tokens.length; t++) {
      const start = tokens.start(t);
      while (paragraph < paragraphs.length && paragraphs[paragraph].end <= start) paragraph++;
      const inside = paragraph < paragraphs.length && paragraphs[paragraph].start <= start;
      if (!inside || tokens.isBlank(t)) continue;
      if (runStart >= 0 && runParagraph !== paragraph) close(t);
      if (runStart < 0) {
        runStart = t;
        runParagraph = paragraph;
      }
    }
    close(Math.min(last + 1, tokens.length));
  }
  return sentences;
}


import type { Article } from '../article';
import type { Tokens } from '../tokens';
import type { FigureMention } from './findFigures';
import { firstIndexNotBefore } from '../search';

/** Content words of a figure's sentence outside the figure itself, to tell one story's "10,000 containers" from another's. */
export interface FigureContext extends Iterable<string> {
  has(word: string): boolean;
}

/**
 * Reads the contexts of an article's figures. Each sentence's words are counted once and each figure
 * takes away its own, so a sentence of many figures costs its length once rather than once per figure.
 */
export class FigureContextReader {
  private readonly counts = new Map<number, Map<string, number>>();

  constructor(private readonly article: Article) {}

  of(figure: FigureMention): FigureContext {
    const sentenceWords = this.sentenceWords(figure.sentence);
    const own = new Map<string, number>();
    const { tokens } = this.article;
    for (let t = this.firstTokenFrom(figure); t < tokens.length && tokens.end(t) <= figure.span.end; t++) {
      if (isContentWord(tokens, t)) increment(own, wordOf(tokens, t));
    }
    const has = (word: string): boolean => (sentenceWords.get(word) ?? 0) > (own.get(word) ?? 0);
    return {
      has,
      *[Symbol.iterator]() {
        for (const word of sentenceWords.keys()) if (has(word)) yield word;
      },
    };
  }

  private sentenceWords(index: number): Map<string, number> {
    let words = this.counts.get(index);
    if (!words) {
      words = new Map();
      const sentence = this.article.sentences[index];
      const { tokens } = this.article;
      for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) if (isContentWord(tokens, t)) increment(words, wordOf(tokens, t));
      this.counts.set(index, words);
    }
    return words;
  }

  /** The first token of the figure's sentence that starts inside the figure. */
  private firstTokenFrom(figure: FigureMention): number {
    const { tokens } = this.article;
    const sentence = this.article.sentences[figure.sentence];
    return firstIndexNotBefore(sentence.tokenStart, sentence.tokenEnd, (t) => tokens.start(t) < figure.span.start);
  }
}

function isContentWord(tokens: Tokens, t: number): boolean {
  return tokens.type(t) === 'word' && !tokens.stopWord(t) && tokens.normal(t).length >= 3;
}

function wordOf(tokens: Tokens, t: number): string {
  return tokens.lemma(t).toLowerCase();
}

function increment(counts: Map<string, number>, word: string): void {
  counts.set(word, (counts.get(word) ?? 0) + 1);
}

import type { Article, Sentence } from '../article';
import type { Detector } from '../detector';
import type { Finding, RelatedPassage, Span } from '../types';

const MIN_WORDS = 6;

interface Occurrence {
  uri: string;
  sentence: number;
}

/** The words of a sentence, lower-cased and without punctuation, as a lookup key. */
function sentenceKey(article: Article, sentence: Sentence): string | undefined {
  const words: string[] = [];
  for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
    const token = article.tokens[t];
    if (token.type === 'word' || token.type === 'number') words.push(token.normal);
  }
  return words.length >= MIN_WORDS ? words.join(' ') : undefined;
}

/** Sentences that occur word for word in more than one place. */
export class VerbatimDetector implements Detector {
  private readonly occurrences = new Map<string, Occurrence[]>();
  private readonly keysByUri = new Map<string, string[]>();
  private readonly articles = new Map<string, Article>();

  add(article: Article): void {
    const keys: string[] = [];
    article.sentences.forEach((sentence, index) => {
      const key = sentenceKey(article, sentence);
      if (!key) return;
      keys.push(key);
      const list = this.occurrences.get(key) ?? [];
      list.push({ uri: article.uri, sentence: index });
      this.occurrences.set(key, list);
    });
    this.keysByUri.set(article.uri, keys);
    this.articles.set(article.uri, article);
  }

  remove(article: Article): void {
    for (const key of this.keysByUri.get(article.uri) ?? []) {
      const remaining = (this.occurrences.get(key) ?? []).filter((o) => o.uri !== article.uri);
      if (remaining.length > 0) this.occurrences.set(key, remaining);
      else this.occurrences.delete(key);
    }
    this.keysByUri.delete(article.uri);
    this.articles.delete(article.uri);
  }

  dependents(article: Article): Iterable<string> {
    const uris = new Set<string>();
    for (const key of this.keysByUri.get(article.uri) ?? []) for (const o of this.occurrences.get(key) ?? []) uris.add(o.uri);
    uris.delete(article.uri);
    return uris;
  }

  findings(article: Article): Finding[] {
    const findings: Finding[] = [];
    let run: { first: number; last: number; others: Occurrence[] } | undefined;
    const flush = (): void => {
      if (run) findings.push(this.toFinding(article, run.first, run.last, run.others));
      run = undefined;
    };
    article.sentences.forEach((sentence, index) => {
      const key = sentenceKey(article, sentence);
      const others = key ? (this.occurrences.get(key) ?? []).filter((o) => o.uri !== article.uri) : [];
      if (others.length === 0) return flush();
      const continues = run && run.last === index - 1 && article.sentences[run.first].paragraph === sentence.paragraph;
      if (!continues) flush();
      if (run) {
        run.last = index;
        run.others.push(...others);
      } else run = { first: index, last: index, others: [...others] };
    });
    flush();
    return findings;
  }

  private toFinding(article: Article, first: number, last: number, others: Occurrence[]): Finding {
    const span: Span = { start: article.sentences[first].start, end: article.sentences[last].end };
    const byUri = new Map<string, Span>();
    for (const o of others) {
      const other = this.articles.get(o.uri);
      if (!other) continue;
      const s = other.sentences[o.sentence];
      const existing = byUri.get(o.uri);
      byUri.set(o.uri, existing ? { start: Math.min(existing.start, s.start), end: Math.max(existing.end, s.end) } : { start: s.start, end: s.end });
    }
    const related: RelatedPassage[] = [...byUri].map(([uri, s]) => ({
      uri,
      span: s,
      text: this.articles.get(uri)!.text.slice(s.start, s.end),
      message: 'Same passage, word for word',
    }));
    return {
      code: 'copied-passage',
      severity: 'warning',
      message: `Copied passage (verbatim, similarity 1.00) also found in ${related.length === 1 ? 'another article' : `${related.length} other articles`}`,
      uri: article.uri,
      span,
      text: article.text.slice(span.start, span.end),
      related,
      data: { kind: 'copied-passage', copyKind: 'verbatim', similarity: 1 },
    };
  }
}

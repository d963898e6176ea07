import { perArticle, type Article } from '../article';
import { appendTo } from '../maps';
import type { Detector } from '../detector';
import type { FigureCitation, Finding } from '../types';
import { attributeFigures, type Attribution } from './attribution';
import { FigureContextReader, type FigureContext } from './figureContext';
import { figureKey, findFigures, type FigureMention } from './findFigures';
import { MarkedSourced, sentenceKeys } from './markedSourced';
import { firstIndexNotBefore } from '../search';

/** Below this, equal numbers in two articles ("3 people") are too likely to be different facts to cite. */
const MIN_CITABLE_VALUE = 10;
/** A figure key held by more articles than this ("10 %") is too common to tie articles together. */
const COMMON_KEY = 100;
/** Words besides the figure two sentences must share before one is offered as the other's source. */
const MIN_SHARED_WORDS = 2;
const CITATION_LIMIT = 3;

interface AnalysedFigure extends FigureMention {
  attribution?: Attribution;
  key?: string;
  /** The "marked as sourced" key; only unsourced figures need one. */
  markKey: string;
}

export interface ArticleFigures {
  figures: AnalysedFigure[];
}

/** A sourced figure another article can borrow the attribution of. */
interface CitableFigure {
  uri: string;
  sentence: { start: number; end: number };
  text: string;
  source: string;
  context: FigureContext;
}

/**
 * Numeric claims (amounts, counts, shares, measures) that no one in the article is credited for. Keeps an
 * index of the sourced figures of every article, keyed by value and unit, so an unsourced figure can point
 * to where another article names a source for the same number.
 */
export class FigureDetector implements Detector {
  private readonly citable = new Map<string, CitableFigure[]>();
  private readonly unsourced = new Map<string, Set<string>>();

  constructor(private readonly marked: MarkedSourced = new MarkedSourced()) {}

  add(article: Article): void {
    const analysis = analyseFigures(article);
    const contexts = new FigureContextReader(article);
    const citableByKey = new Map<string, CitableFigure[]>();
    for (const figure of analysis.figures) {
      if (!figure.key) continue;
      if (!figure.attribution) addTo(this.unsourced, figure.key, article.uri);
      else if (figure.attribution.source && figure.attribution.kind !== 'article' && figure.attribution.kind !== 'headline' && figure.value >= MIN_CITABLE_VALUE) {
        const sentence = article.sentences[figure.sentence];
        appendTo(citableByKey, figure.key, {
          uri: article.uri,
          sentence: { start: sentence.start, end: sentence.end },
          text: article.text.slice(sentence.start, sentence.end),
          source: figure.attribution.source,
          context: contexts.of(figure),
        });
      }
    }
    // Each list is kept in order of place, so the citations offered (the first few) do not depend on the
    // order articles arrived in. An article's figures come in order of place, so its entries for a key go in
    // as one block: inserting them one by one would cost the square of their number in an article that
    // repeats one sourced figure thousands of times.
    for (const [key, own] of citableByKey) {
      const list = this.citable.get(key) ?? [];
      const at = firstIndexNotBefore(0, list.length, (i) => list[i].uri < article.uri);
      this.citable.set(key, at === list.length ? list.concat(own) : list.slice(0, at).concat(own, list.slice(at)));
    }
    this.marked.track(article.uri, analysis.figures.filter((f) => !f.attribution).map((f) => f.markKey));
  }

  remove(article: Article): void {
    const keys = new Set(analyseFigures(article).figures.flatMap((figure) => (figure.key ? [figure.key] : [])));
    for (const key of keys) {
      const uris = this.unsourced.get(key);
      uris?.delete(article.uri);
      if (uris?.size === 0) this.unsourced.delete(key);
      const list = this.citable.get(key);
      if (!list) continue;
      const rest = list.filter((c) => c.uri !== article.uri);
      if (rest.length > 0) this.citable.set(key, rest);
      else this.citable.delete(key);
    }
    this.marked.untrack(article.uri);
  }

  /** Articles with an unsourced figure that one of this article's sourced figures can cite. */
  dependents(article: Article): Iterable<string> {
    const uris = new Set<string>();
    for (const figure of analyseFigures(article).figures) {
      if (!figure.key || !figure.attribution) continue;
      const holders = this.unsourced.get(figure.key);
      if (!holders || holders.size > COMMON_KEY) continue;
      for (const uri of holders) uris.add(uri);
    }
    uris.delete(article.uri);
    return uris;
  }

  findings(article: Article): Finding[] {
    const analysis = analyseFigures(article);
    const findings: Finding[] = [];
    const contexts = new FigureContextReader(article);
    for (const figure of analysis.figures) {
      if (figure.attribution || this.marked.has(figure.markKey)) continue;
      const sentence = article.sentences[figure.sentence];
      const citations = this.citationsFor(article, figure, contexts);
      const elsewhere = citations.length === 0 ? '' : ` (${citations.length === 1 ? 'another article credits' : `${citations.length} other articles credit`} a source for it)`;
      findings.push({
        code: 'unsourced-figure',
        severity: 'warning',
        message: `Unsourced figure "${figure.text}": no one in the sentence is credited for it${elsewhere}`,
        uri: article.uri,
        span: figure.span,
        text: figure.text,
        related: [],
        data: { kind: 'unsourced-figure', figure: figure.text, sentence: { start: sentence.start, end: sentence.end }, citations, markKey: figure.markKey },
      });
    }
    return findings;
  }

  private citationsFor(article: Article, figure: AnalysedFigure, contexts: FigureContextReader): FigureCitation[] {
    if (!figure.key || figure.value < MIN_CITABLE_VALUE || (this.unsourced.get(figure.key)?.size ?? 0) > COMMON_KEY) return [];
    const candidates = this.citable.get(figure.key) ?? [];
    if (candidates.length === 0) return [];
    const context = contexts.of(figure);
    const citations: FigureCitation[] = [];
    for (const candidate of candidates) {
      if (candidate.uri === article.uri) continue;
      let shared = 0;
      for (const word of candidate.context) if (context.has(word)) shared++;
      if (shared < MIN_SHARED_WORDS) continue;
      citations.push({ uri: candidate.uri, span: candidate.sentence, text: candidate.text, source: candidate.source });
      if (citations.length >= CITATION_LIMIT) break;
    }
    return citations;
  }
}

/** An article's figures and who it credits for each: the figure check's work that needs no other article. */
export const analyseFigures = perArticle((article: Article): ArticleFigures => {
  const mentions = findFigures(article);
  const attributions = attributeFigures(article, mentions);
  const keysBySentence = new Map<number, (figure: string) => string>();
  const markKey = (mention: FigureMention): string => {
    let keys = keysBySentence.get(mention.sentence);
    if (!keys) {
      const sentence = article.sentences[mention.sentence];
      keys = sentenceKeys(article.text.slice(sentence.start, sentence.end));
      keysBySentence.set(mention.sentence, keys);
    }
    return keys(mention.text);
  };
  // Named properties rather than a spread: spreading tens of thousands of objects is slow.
  const figures = mentions.map((mention, i): AnalysedFigure => ({
    span: mention.span,
    text: mention.text,
    sentence: mention.sentence,
    value: mention.value,
    unit: mention.unit,
    attribution: attributions[i],
    key: figureKey(mention),
    markKey: attributions[i] ? '' : markKey(mention),
  }));
  return { figures };
});

function addTo(map: Map<string, Set<string>>, key: string, uri: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(uri);
}

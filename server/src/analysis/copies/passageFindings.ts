import type { Article } from '../article';
import { spanText } from '../spans';
import type { CopyKind, Finding, RelatedPassage } from '../types';
import type { WordedPair } from './alignment';
import type { ArticleUnits } from './articleUnits';
import { shownSimilarity } from './passageRules';
import { consecutiveRuns, inRun } from './runs';
import { NEAR_VERBATIM } from './similarity';

/** Another article with the pairs accepted against it; `a` is a unit of the article being reported. */
export interface MatchedArticle {
  article: Article;
  units: ArticleUnits;
  pairs: WordedPair[];
}

/** A unit of the same article that repeats a given one (a list of them may include the unit itself). */
export interface OtherUnit {
  index: number;
  surface: number;
}

interface Located extends RelatedPassage {
  kind: CopyKind;
  similarity: number;
}

/** Verbatim when every sentence is word for word, near-verbatim when most wording survives. */
function copyKind(surfaces: number[]): CopyKind {
  if (surfaces.every((s) => s === 1)) return 'verbatim';
  return mean(surfaces) >= NEAR_VERBATIM ? 'near-verbatim' : 'reworded';
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

const KIND_LABEL: Record<CopyKind, string> = { verbatim: 'Verbatim', 'near-verbatim': 'Near-verbatim', reworded: 'Reworded' };
const REPEAT_LABEL: Record<CopyKind, string> = { verbatim: 'word for word', 'near-verbatim': 'lightly edited', reworded: 'reworded' };

/** The last segment of a uri, decoded: what an editor calls the file. */
function fileName(uri: string): string {
  const segment = uri.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() ?? uri;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function listNames(names: string[]): string {
  const unique = [...new Set(names)];
  if (unique.length <= 3) return unique.length === 1 ? unique[0] : `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
  return `${unique.slice(0, 3).join(', ')} and ${unique.length - 3} more`;
}

function matchMessage(kind: CopyKind, similarity: number): string {
  return `${KIND_LABEL[kind]} match (similarity ${similarity.toFixed(2)})`;
}

/** One finding per run of adjacent sentences that other articles share, with every matching passage. */
export function copiedPassageFindings(article: Article, units: ArticleUnits, others: MatchedArticle[]): Finding[] {
  return consecutiveRuns(others.flatMap((o) => o.pairs.map((p) => p.a))).map(([first, last]) => {
    const related: Located[] = [];
    for (const other of others) {
      const pairs = other.pairs.filter((p) => inRun(p.a, [first, last]));
      for (const run of consecutiveRuns(pairs.map((p) => p.b))) {
        const group = pairs.filter((p) => inRun(p.b, run));
        const span = other.units.span(...run);
        const kind = copyKind(group.map((p) => p.surface));
        const similarity = mean(group.map(shownSimilarity));
        related.push({ uri: other.article.uri, span, text: spanText(other.article.text, span), message: matchMessage(kind, similarity), kind, similarity });
      }
    }
    // Ranked at the precision shown: corpus-wide word weights shift in the last digits with the order
    // articles arrived in, and that must not reorder what the user reads.
    const shown = (similarity: number): number => Math.round(similarity * 100);
    related.sort((x, y) => shown(y.similarity) - shown(x.similarity) || compareText(x.uri, y.uri) || x.span.start - y.span.start);
    const closest = related[0];
    const span = units.span(first, last);
    return {
      code: 'copied-passage',
      severity: 'warning',
      message: `${KIND_LABEL[closest.kind]} passage (similarity ${closest.similarity.toFixed(2)}), also in ${listNames(related.map((r) => fileName(r.uri)))}`,
      uri: article.uri,
      span,
      text: spanText(article.text, span),
      related: related.map(({ uri, span: s, text, message }) => ({ uri, span: s, text, message })),
      data: { kind: 'copied-passage', copyKind: closest.kind, similarity: Number(closest.similarity.toFixed(2)) },
    };
  });
}

/** One finding per run of sentences the article itself repeats, pointing at the other occurrences. */
export function repeatedPassageFindings(article: Article, units: ArticleUnits, repeats: Map<number, OtherUnit[]>): Finding[] {
  const paragraphOf = (unit: number): number => article.sentences[units.sentence(unit)].paragraph;
  const sameParagraph = (x: number, y: number): boolean => paragraphOf(x) === paragraphOf(y);
  return consecutiveRuns(repeats.keys(), sameParagraph).flatMap(([first, last]): Finding[] => {
    const partners = new Map<number, OtherUnit>();
    // Units of one wording share their list of repeats, which is read once however many of them the run holds.
    const read = new Set<OtherUnit[]>();
    for (let i = first; i <= last; i++) {
      const others = repeats.get(i);
      if (!others || read.has(others)) continue;
      read.add(others);
      for (const other of others) {
        // A unit repeated both word for word and edited, by different units of the run, counts at its closest.
        if (!inRun(other.index, [first, last]) && other.surface > (partners.get(other.index)?.surface ?? -1)) partners.set(other.index, other);
      }
    }
    const related: RelatedPassage[] = consecutiveRuns(partners.keys(), sameParagraph).map((run) => {
      const surfaces = [...partners.values()].filter((o) => inRun(o.index, run)).map((o) => o.surface);
      const kind = copyKind(surfaces);
      const span = units.span(...run);
      const message = kind === 'verbatim' ? 'Repeated here word for word' : `Repeated here, ${REPEAT_LABEL[kind]} (similarity ${mean(surfaces).toFixed(2)})`;
      return { uri: article.uri, span, text: spanText(article.text, span), message };
    });
    if (related.length === 0) return [];
    const span = units.span(first, last);
    const occurrences = related.length + 1;
    const finding: Finding = {
      code: 'repeated-passage',
      severity: 'information',
      message: `Passage repeated ${occurrences === 2 ? 'twice' : `${occurrences} times`} in this article`,
      uri: article.uri,
      span,
      text: spanText(article.text, span),
      related,
      data: { kind: 'repeated-passage', occurrences },
    };
    return [finding];
  });
}

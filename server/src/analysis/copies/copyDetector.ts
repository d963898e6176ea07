import type { Article } from '../article';
import type { Detector } from '../detector';
import type { Finding } from '../types';
import type { UnitPair, WordedPair } from './alignment';
import { ArticleUnits } from './articleUnits';
import { CandidateClasses } from './candidateClasses';
import { resolveCopyOptions, type CopyDetectorOptions } from './options';
import { passageUnits, type RecentParagraphs } from './passageUnits';
import { RecentMap } from '../recentMap';
import { copiedPassageFindings, repeatedPassageFindings, type MatchedArticle, type OtherUnit } from './passageFindings';
import { copiedPairs, type PairSides } from './passageRules';
import { compareUnits, surfaceSimilarity, UnitNorms } from './similarity';
import { TermIndex, type IndexedUnits, type UnitClass } from './termIndex';
import { WordingMatcher, type Resemblance } from './wordingMatches';

interface Entry {
  id: number;
  article: Article;
  units: ArticleUnits;
  /** What the term index filed for it (classes and capitalisation votes), to be withdrawn when it leaves. */
  indexed: IndexedUnits;
}

/** What one article shares with the others and with itself. */
interface Matches {
  /** Per other article id, accepted pairs with `a` on this article's side. */
  copies: Map<number, WordedPair[]>;
  /** Per unit of this article, the other units of it that repeat its wording. */
  repeats: Map<number, OtherUnit[]>;
}

/** Other articles aligned with one article at most (the closest by candidate similarity). */
const MAX_COMPARED_ARTICLES = 20;
/** Paragraphs whose units are kept for the next version of their article: a long article's five times over. */
const RECENT_PARAGRAPHS = 512;
/** Candidate weights of articles are ranked to this many parts in one. */
const WEIGHT_PRECISION = 1e9;

/**
 * Passages one article shares with others (copied verbatim, lightly edited or reworded) and passages it
 * repeats itself. Candidates come from an inverted index of content terms; each candidate pair of
 * sentences is scored by IDF-weighted overlap of content words, and pairs are then chained in document
 * order. A reworded passage needs a chain of two or more sentences; a lone sentence counts only when it
 * keeps most of its wording.
 */
export class CopyDetector implements Detector {
  private readonly options: CopyDetectorOptions;
  private readonly byUri = new Map<string, Entry>();
  private readonly byId = new Map<number, Entry>();
  private readonly terms = new TermIndex();
  private readonly norms = new UnitNorms(this.terms);
  private nextId = 0;
  /** Bumped on every change, so matches computed for dependents() serve findings() until the next one. */
  private version = 0;
  private memo: { id: number; version: number; matches: Matches } | undefined;
  /**
   * Per article id, the articles its last check found passages shared with, and those whose last check
   * found it: what dependents() reports, so an article about to change needs no fresh check for it.
   */
  private readonly outgoing = new Map<number, Set<number>>();
  private readonly incoming = new Map<number, Set<number>>();
  private readonly wordings: WordingMatcher;
  private readonly recentParagraphs: RecentParagraphs = new RecentMap(RECENT_PARAGRAPHS);
  /** Per article id, scratch space for ranking the articles one query resembles; zero and -1 between queries. */
  private docWeights = new Float64Array(0);
  private docSlots = new Int32Array(0);

  constructor(options: Partial<CopyDetectorOptions> = {}) {
    this.options = resolveCopyOptions(options);
    this.wordings = new WordingMatcher(this.terms, this.norms, new CandidateClasses(this.terms), this.options.minWords);
  }

  add(article: Article): void {
    const existing = this.byUri.get(article.uri);
    if (existing) this.remove(existing.article);
    const id = this.nextId++;
    const units = passageUnits(article, this.recentParagraphs);
    const indexed = this.terms.add(units, id);
    const entry: Entry = { id, article, units: new ArticleUnits(units, indexed.classes), indexed };
    this.byUri.set(article.uri, entry);
    this.byId.set(id, entry);
    this.version++;
  }

  remove(article: Article): void {
    const entry = this.byUri.get(article.uri);
    if (!entry) return;
    this.byUri.delete(article.uri);
    this.byId.delete(entry.id);
    this.terms.remove(entry.indexed, entry.id);
    this.link(entry.id, new Set());
    this.outgoing.delete(entry.id);
    this.incoming.delete(entry.id);
    this.version++;
  }

  dependents(article: Article): Iterable<string> {
    const entry = this.byUri.get(article.uri);
    if (!entry) return [];
    if (!this.outgoing.has(entry.id)) this.matches(entry);
    const ids = new Set([...(this.outgoing.get(entry.id) ?? []), ...(this.incoming.get(entry.id) ?? [])]);
    return [...ids].flatMap((id) => this.byId.get(id)?.article.uri ?? []);
  }

  findings(article: Article): Finding[] {
    const entry = this.byUri.get(article.uri);
    if (!entry) return [];
    const matches = this.matches(entry);
    const others: MatchedArticle[] = [...matches.copies].map(([id, pairs]) => {
      const other = this.byId.get(id)!;
      return { article: other.article, units: other.units, pairs };
    });
    return [...copiedPassageFindings(article, entry.units, others), ...repeatedPassageFindings(article, entry.units, matches.repeats)];
  }

  private matches(entry: Entry): Matches {
    if (this.memo && this.memo.id === entry.id && this.memo.version === this.version) return this.memo.matches;
    const matches = this.computeMatches(entry);
    this.memo = { id: entry.id, version: this.version, matches };
    this.link(entry.id, new Set(matches.copies.keys()));
    return matches;
  }

  /** Records whom an article was last found to share passages with, in both directions. */
  private link(id: number, partners: Set<number>): void {
    for (const old of this.outgoing.get(id) ?? []) this.incoming.get(old)?.delete(id);
    this.outgoing.set(id, partners);
    for (const partner of partners) {
      const set = this.incoming.get(partner) ?? new Set<number>();
      set.add(id);
      this.incoming.set(partner, set);
    }
  }

  private computeMatches(entry: Entry): Matches {
    this.terms.settle();
    const { classes } = entry.units;
    const { resembled, repeats } = this.wordings.match(entry.article.uri, classes);
    // Units of one class share their wording, so it is compared once per pair of classes.
    const surfaces = new Map<number, Map<number, number>>();
    const surfaceOf = (x: UnitClass, y: UnitClass): number => {
      const [first, second] = x.id < y.id ? [x, y] : [y, x];
      let row = surfaces.get(first.id);
      if (!row) surfaces.set(first.id, (row = new Map()));
      let surface = row.get(second.id);
      if (surface === undefined) row.set(second.id, (surface = surfaceSimilarity(first, second)));
      return surface;
    };
    const copies = new Map<number, WordedPair[]>();
    for (const [otherId, pairs] of this.candidatePairs(entry, resembled)) {
      const other = this.byId.get(otherId)!;
      const pairAt = (a: number, b: number): UnitPair => ({ a, b, ...compareUnits(this.terms, this.norms, classes[a], other.units.classes[b]) });
      const accepted = this.acceptedPairs(entry, other, pairs, pairAt, surfaceOf);
      if (accepted.length > 0) copies.set(otherId, accepted);
    }
    return { copies, repeats };
  }

  /**
   * Candidate pairs with the articles that resemble this one most, at most MAX_COMPARED_ARTICLES of them,
   * from the classes each unit resembles (`resembled`, by unit index): a wire story reprinted by
   * hundreds of sites is reported against its closest copies, not every one. Articles are ranked before
   * any pair is built, so a widely shared sentence costs little.
   */
  private candidatePairs(entry: Entry, resembled: ReadonlyArray<readonly Resemblance[]>): Map<number, UnitPair[]> {
    if (this.docSlots.length < this.nextId) {
      this.docWeights = new Float64Array(this.nextId * 2);
      this.docSlots = new Int32Array(this.nextId * 2).fill(-1);
    }
    const weights = this.docWeights;
    const touched: number[] = [];
    for (const matches of resembled) {
      for (const match of matches) {
        const members = match.cls.members;
        for (let m = 0; m < members.length; m += 2) {
          const otherId = members[m];
          if (otherId === entry.id) continue;
          if (weights[otherId] === 0) touched.push(otherId);
          weights[otherId] += match.similarity;
        }
      }
    }
    const closest = this.heaviest(touched, weights, MAX_COMPARED_ARTICLES);
    for (const id of touched) weights[id] = 0;
    const lists: UnitPair[][] = closest.map(() => []);
    closest.forEach((id, slot) => (this.docSlots[id] = slot));
    resembled.forEach((matches, index) => {
      for (const { cls, similarity, evidence, surface } of matches) {
        const members = cls.members;
        for (let m = 0; m < members.length; m += 2) {
          const slot = this.docSlots[members[m]];
          if (slot >= 0) lists[slot].push({ a: index, b: members[m + 1], similarity, evidence, surface });
        }
      }
    });
    for (const id of closest) this.docSlots[id] = -1;
    return new Map(closest.map((id, slot) => [id, lists[slot]]));
  }

  /**
   * The `count` article ids of highest weight, heaviest first; ties go by uri, so that the choice does not
   * depend on the order articles were added. Weights are compared short of their last digits, which
   * depend on the order their terms were summed in. Boilerplate touches thousands of articles, so they
   * are picked in one pass rather than sorted.
   */
  private heaviest(ids: readonly number[], weights: Float64Array, count: number): number[] {
    const uri = (id: number): string => this.byId.get(id)!.article.uri;
    const weight = (id: number): number => Math.round(weights[id] * WEIGHT_PRECISION);
    const before = (x: number, y: number): boolean => weight(x) > weight(y) || (weight(x) === weight(y) && uri(x) < uri(y));
    const top: number[] = [];
    for (const id of ids) {
      if (top.length === count && !before(id, top[count - 1])) continue;
      let at = Math.min(top.length, count - 1);
      for (; at > 0 && before(id, top[at - 1]); at--) top[at] = top[at - 1];
      top[at] = id;
    }
    return top;
  }

  /**
   * The pairs between two articles that make up copied passages. The two sides are put in a fixed order
   * first, so that both articles see the same passages whichever is asked about.
   */
  private acceptedPairs(
    entry: Entry,
    other: Entry,
    pairs: UnitPair[],
    pairAt: (a: number, b: number) => UnitPair,
    surfaceOf: (x: UnitClass, y: UnitClass) => number,
  ): WordedPair[] {
    const flip = <P extends UnitPair>(p: P): P => ({ a: p.b, b: p.a, similarity: p.similarity, evidence: p.evidence, surface: p.surface }) as P;
    const swap = other.article.uri < entry.article.uri;
    const [left, right] = swap ? [other, entry] : [entry, other];
    const sides: PairSides = {
      left: left.units,
      right: right.units,
      pairAt: swap ? (a, b) => flip(pairAt(b, a)) : pairAt,
      surfaceAt: (a, b) => surfaceOf(left.units.classes[a], right.units.classes[b]),
    };
    const accepted = copiedPairs(sides, swap ? pairs.map(flip) : pairs, this.options);
    return swap ? accepted.map(flip) : accepted;
  }
}

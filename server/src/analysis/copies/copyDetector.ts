import type { Article } from '../article';
import type { Detector } from '../detector';
import type { Finding } from '../types';
import type { UnitPair, WordedPair } from './alignment';
import { ArticleUnits } from './articleUnits';
import { CandidateClasses } from './candidateClasses';
import { resolveCopyOptions, type CopyDetectorOptions } from './options';
import { passageUnits } from './passageUnits';
import { copiedPassageFindings, repeatedPassageFindings, type MatchedArticle, type OtherUnit } from './passageFindings';
import { copiedPairs, PAIR_FLOOR, type PairSides } from './passageRules';
import { compareUnits, NEAR_VERBATIM, similarityBound, surfaceSimilarity, termWeight, UnitNorms, type UnitScore } from './similarity';
import { TermIndex, termId, wordCount, type UnitClass } from './termIndex';

/** A class of units that a wording of the article being checked resembles. */
interface Resemblance extends UnitScore {
  cls: UnitClass;
  /** Known only for the wording's own class, whose members share its wording. */
  surface?: number;
}

/** What the units of one wording resemble, worked out once however often the article uses the wording. */
interface WordingMatches {
  /** Classes with units in other articles. */
  resembled: Resemblance[];
  /** Units of the same article that repeat the wording; may include the units of the wording itself. */
  repeats: OtherUnit[];
}

interface Entry {
  id: number;
  article: Article;
  units: ArticleUnits;
  /** Capitalisation votes its units cast, to be withdrawn when it leaves. */
  votes: Int32Array;
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
/** Candidate weights of articles are ranked to this many parts in one. */
const WEIGHT_PRECISION = 1e9;
/** Headroom on a similarity bound, so that rounding in the last bits never rules out a pair that qualifies. */
const BOUND_SLACK = 1 + 1e-9;

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
  private readonly candidates = new CandidateClasses(this.terms);
  /** Per article id, scratch space for ranking the articles one query resembles; zero and -1 between queries. */
  private docWeights = new Float64Array(0);
  private docSlots = new Int32Array(0);

  constructor(options: Partial<CopyDetectorOptions> = {}) {
    this.options = resolveCopyOptions(options);
  }

  add(article: Article): void {
    const existing = this.byUri.get(article.uri);
    if (existing) this.remove(existing.article);
    const id = this.nextId++;
    const units = passageUnits(article);
    const { classes, votes } = this.terms.add(units, id);
    const entry: Entry = { id, article, units: new ArticleUnits(units, classes), votes };
    this.byUri.set(article.uri, entry);
    this.byId.set(id, entry);
    this.version++;
  }

  remove(article: Article): void {
    const entry = this.byUri.get(article.uri);
    if (!entry) return;
    this.byUri.delete(article.uri);
    this.byId.delete(entry.id);
    this.terms.remove({ classes: entry.units.classes, votes: entry.votes }, entry.id);
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
    // Where each of the article's wordings occurs in it.
    const unitsOf = new Map<number, number[]>();
    classes.forEach((cls, index) => {
      const units = unitsOf.get(cls.id);
      if (units) units.push(index);
      else unitsOf.set(cls.id, [index]);
    });
    const byWording = new Map<number, WordingMatches>();
    const repeats = new Map<number, OtherUnit[]>();
    const resembled = classes.map((cls, index) => {
      let found = byWording.get(cls.id);
      if (!found) byWording.set(cls.id, (found = this.wordingMatches(cls, unitsOf)));
      if (found.repeats.length > 0) repeats.set(index, found.repeats);
      return found.resembled;
    });
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
   * The classes a wording resembles among its candidates, and the units of its own article that repeat
   * it. `unitsOf` tells which classes the article uses, and where.
   */
  private wordingMatches(own: UnitClass, unitsOf: Map<number, number[]>): WordingMatches {
    const resembled: Resemblance[] = [];
    const repeats: OtherUnit[] = [];
    const ownUnits = unitsOf.get(own.id)!;
    // The class's other members are word-for-word copies of this wording.
    if (own.members.length > 2) {
      if (own.members.length / 2 > ownUnits.length) {
        const score = compareUnits(this.terms, this.norms, own, own);
        if (score.similarity > 0) resembled.push({ cls: own, ...score, surface: 1 });
      }
      if (ownUnits.length > 1 && wordCount(own) >= this.options.minWords) for (const index of ownUnits) repeats.push({ index, surface: 1 });
    }
    const most = this.sharedWeightBound(own);
    const candidates = this.candidates.of(own);
    for (let c = 0; c < candidates.length; c += 2) {
      const cls = this.terms.classOf(candidates[c]);
      if (!cls) continue;
      const count = candidates[c + 1];
      const units = unitsOf.get(cls.id);
      if (units) {
        const surface = this.repeatSurface(own, cls, count);
        if (surface !== undefined) for (const index of units) repeats.push({ index, surface });
        if (units.length === cls.members.length / 2) continue;
      }
      if (similarityBound(this.norms, own, cls, most(count)) < PAIR_FLOOR) continue;
      const score = compareUnits(this.terms, this.norms, own, cls);
      if (score.similarity >= PAIR_FLOOR) resembled.push({ cls, ...score });
    }
    return { resembled, repeats };
  }

  /**
   * The most the terms a wording shares with another class can weigh, given how many of its readable
   * terms they include: those readable terms at their heaviest, and all of its unreadable ones.
   */
  private sharedWeightBound(own: UnitClass): (readableShared: number) => number {
    const readable: number[] = [];
    let unreadable = 0;
    for (let k = 0; k < own.termCount; k++) {
      const weight = termWeight(this.terms, own.data[k]);
      if (this.terms.readable(termId(own.data[k]))) readable.push(weight);
      else unreadable += weight;
    }
    readable.sort((x, y) => y - x);
    const heaviest = [unreadable];
    for (const weight of readable) heaviest.push(heaviest[heaviest.length - 1] + weight);
    return (readableShared) => heaviest[Math.min(readableShared, readable.length)] * BOUND_SLACK;
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
   * How much wording two classes of one article share when one repeats the other nearly word for word.
   * Wording is compared only when the two are of like length and share most of their terms, to keep long
   * articles cheap.
   */
  private repeatSurface(x: UnitClass, y: UnitClass, sharedTerms: number): number | undefined {
    const [shorter, longer] = [wordCount(x), wordCount(y)].sort((p, q) => p - q);
    if (shorter < this.options.minWords || shorter < longer * NEAR_VERBATIM || sharedTerms * 2 < Math.min(x.termCount, y.termCount)) return undefined;
    const surface = surfaceSimilarity(x, y);
    return surface >= NEAR_VERBATIM ? surface : undefined;
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

import type { Article } from '../article';
import type { Detector } from '../detector';
import type { Finding } from '../types';
import type { UnitPair, WordedPair } from './alignment';
import { resolveCopyOptions, type CopyDetectorOptions } from './options';
import { passageUnits } from './passageUnits';
import { PostingCounter } from './postingCounter';
import { copiedPassageFindings, repeatedPassageFindings, type MatchedArticle, type OtherUnit } from './passageFindings';
import { copiedPairs, PAIR_FLOOR, type PairSides } from './passageRules';
import { compareUnits, NEAR_VERBATIM, surfaceSimilarity, unitNorm, type UnitNorm } from './similarity';
import { TermIndex, UNIT_SLOTS, type IndexedUnit, type UnitClass } from './termIndex';

/** A unit of the article being checked and a class of units it resembles. */
interface ClassMatch {
  index: number;
  cls: UnitClass;
  similarity: number;
  evidence: number;
  /** Known only for the unit's own class, whose members share its wording. */
  surface?: number;
}

interface Entry {
  id: number;
  article: Article;
  units: IndexedUnit[];
}

/** What one article shares with the others and with itself. */
interface Matches {
  /** Per other article id, accepted pairs with `a` on this article's side. */
  copies: Map<number, WordedPair[]>;
  /** Per unit of this article, the other units of it that repeat its wording. */
  repeats: Map<number, OtherUnit[]>;
}

/**
 * Terms in more distinct wordings than this are too common to find candidates by (they still count in
 * similarity). The cap bounds the postings read per term, so a query costs about the same in a corpus
 * of any size.
 */
const MAX_POSTINGS = 600;
/** Other articles aligned with one article at most (the closest by candidate similarity). */
const MAX_COMPARED_ARTICLES = 20;
/**
 * Candidate pairs must share this many terms under the cap, and this share of the shorter unit's terms,
 * before they are scored: pairs sharing less never reach the similarity a passage needs.
 */
const MIN_SHARED_TERMS = 2;
const MIN_SHARED_SHARE = 0.2;

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
  private readonly counter = new PostingCounter();
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
    const units = this.terms.add(passageUnits(article), id);
    const entry: Entry = { id, article, units };
    this.byUri.set(article.uri, entry);
    this.byId.set(id, entry);
    this.version++;
  }

  remove(article: Article): void {
    const entry = this.byUri.get(article.uri);
    if (!entry) return;
    this.byUri.delete(article.uri);
    this.byId.delete(entry.id);
    this.terms.remove(entry.units, entry.id);
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
      return { article: other.article, units: other.units.map((u) => u.unit), pairs };
    });
    const units = entry.units.map((u) => u.unit);
    return [...copiedPassageFindings(article, units, others), ...repeatedPassageFindings(article, units, matches.repeats)];
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
    // Norms depend on corpus-wide statistics, so they are worked out afresh for each query.
    const norms = new Map<number, UnitNorm>();
    const normOf = (cls: UnitClass): UnitNorm => {
      let norm = norms.get(cls.id);
      if (!norm) norms.set(cls.id, (norm = unitNorm(this.terms, cls)));
      return norm;
    };
    // Units of one class share their wording, so it is compared once per pair of classes.
    const surfaces = new Map<number, Map<number, number>>();
    const surfaceOf = (x: IndexedUnit, y: IndexedUnit): number => {
      const [first, second] = x.cls.id < y.cls.id ? [x, y] : [y, x];
      let row = surfaces.get(first.cls.id);
      if (!row) surfaces.set(first.cls.id, (row = new Map()));
      let surface = row.get(second.cls.id);
      if (surface === undefined) row.set(second.cls.id, (surface = surfaceSimilarity(first.unit.words, second.unit.words)));
      return surface;
    };
    const pairOf = (other: Entry, a: number, b: number): UnitPair => {
      const score = compareUnits(this.terms, entry.units[a], other.units[b], normOf(entry.units[a].cls), normOf(other.units[b].cls));
      return { a, b, similarity: score.similarity, evidence: score.evidence };
    };
    const repeats = new Map<number, OtherUnit[]>();
    const addRepeat = (index: number, repeat: OtherUnit | undefined): void => {
      if (repeat) repeats.set(index, [...(repeats.get(index) ?? []), repeat]);
    };
    // First the classes each unit resembles, then the articles whose units are in them.
    const resembled: ClassMatch[] = [];
    const ownClasses = new Set(entry.units.map((u) => u.cls.id));
    const shared = this.counter;
    entry.units.forEach((unit, index) => {
      const own = unit.cls;
      // The class's other members are word-for-word copies of this unit.
      if (own.members.length > 1) {
        const score = compareUnits(this.terms, own, own, normOf(own), normOf(own));
        if (score.similarity > 0) resembled.push({ index, cls: own, ...score, surface: 1 });
        if (unit.unit.words.length >= this.options.minWords) {
          for (const member of own.members) if (Math.floor(member / UNIT_SLOTS) === entry.id && member % UNIT_SLOTS !== index) addRepeat(index, { index: member % UNIT_SLOTS, surface: 1 });
        }
      }
      shared.clear();
      for (const id of own.ids) {
        if (this.terms.spread(id) > MAX_POSTINGS) continue;
        for (const cls of this.terms.postingsOf(id)) if (cls !== own.id) shared.add(cls);
      }
      shared.forEach((clsId, count) => {
        if (count < MIN_SHARED_TERMS) return;
        const cls = this.terms.classOf(clsId);
        if (!cls || count < MIN_SHARED_SHARE * Math.min(own.ids.length, cls.ids.length)) return;
        if (ownClasses.has(cls.id)) {
          for (const member of cls.members) if (Math.floor(member / UNIT_SLOTS) === entry.id) addRepeat(index, this.repeatOf(entry, index, member % UNIT_SLOTS, count));
        }
        const score = compareUnits(this.terms, own, cls, normOf(own), normOf(cls));
        if (score.similarity >= PAIR_FLOOR) resembled.push({ index, cls, ...score });
      });
    });
    const copies = new Map<number, WordedPair[]>();
    for (const [otherId, pairs] of this.candidatePairs(entry, resembled)) {
      const other = this.byId.get(otherId)!;
      const accepted = this.acceptedPairs(entry, other, pairs, (a, b) => pairOf(other, a, b), surfaceOf);
      if (accepted.length > 0) copies.set(otherId, accepted);
    }
    return { copies, repeats };
  }

  /**
   * Candidate pairs with the articles that resemble this one most, at most MAX_COMPARED_ARTICLES of them:
   * a wire story reprinted by hundreds of sites is reported against its closest copies, not every one.
   * Articles are ranked before any pair is built, so a widely shared sentence costs little.
   */
  private candidatePairs(entry: Entry, resembled: ClassMatch[]): Map<number, UnitPair[]> {
    if (this.docSlots.length < this.nextId) {
      this.docWeights = new Float64Array(this.nextId * 2);
      this.docSlots = new Int32Array(this.nextId * 2).fill(-1);
    }
    const weights = this.docWeights;
    const touched: number[] = [];
    for (const match of resembled) {
      for (const member of match.cls.members) {
        const otherId = Math.floor(member / UNIT_SLOTS);
        if (otherId === entry.id) continue;
        if (weights[otherId] === 0) touched.push(otherId);
        weights[otherId] += match.similarity;
      }
    }
    const ranked = touched.map((id) => ({ id, weight: weights[id], uri: this.byId.get(id)!.article.uri }));
    for (const id of touched) weights[id] = 0;
    ranked.sort((x, y) => y.weight - x.weight || (x.uri < y.uri ? -1 : x.uri > y.uri ? 1 : 0));
    const closest = ranked.slice(0, MAX_COMPARED_ARTICLES);
    const lists: UnitPair[][] = closest.map(() => []);
    closest.forEach(({ id }, slot) => (this.docSlots[id] = slot));
    for (const { index, cls, similarity, evidence, surface } of resembled) {
      for (const member of cls.members) {
        const slot = this.docSlots[Math.floor(member / UNIT_SLOTS)];
        if (slot >= 0) lists[slot].push({ a: index, b: member % UNIT_SLOTS, similarity, evidence, surface });
      }
    }
    for (const { id } of closest) this.docSlots[id] = -1;
    return new Map(closest.map(({ id }, slot) => [id, lists[slot]]));
  }

  /**
   * Another unit of the same article that repeats this one nearly word for word. Wording is compared
   * only when the two are of like length and share most of their terms, to keep long articles cheap.
   */
  private repeatOf(entry: Entry, index: number, otherIndex: number, sharedTerms: number): OtherUnit | undefined {
    const unit = entry.units[index];
    const other = entry.units[otherIndex];
    const [shorter, longer] = [unit.unit.words.length, other.unit.words.length].sort((x, y) => x - y);
    if (shorter < this.options.minWords || shorter < longer * NEAR_VERBATIM || sharedTerms * 2 < Math.min(unit.ids.length, other.ids.length)) return undefined;
    const surface = surfaceSimilarity(unit.unit.words, other.unit.words);
    return surface >= NEAR_VERBATIM ? { index: otherIndex, surface } : undefined;
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
    surfaceOf: (x: IndexedUnit, y: IndexedUnit) => number,
  ): WordedPair[] {
    const flip = <P extends UnitPair>(p: P): P => ({ a: p.b, b: p.a, similarity: p.similarity, evidence: p.evidence, surface: p.surface }) as P;
    const swap = other.article.uri < entry.article.uri;
    const [left, right] = swap ? [other, entry] : [entry, other];
    const sides: PairSides = {
      left: left.units.map((u) => u.unit),
      right: right.units.map((u) => u.unit),
      pairAt: swap ? (a, b) => flip(pairAt(b, a)) : pairAt,
      surfaceAt: (a, b) => surfaceOf(left.units[a], right.units[b]),
    };
    const accepted = copiedPairs(sides, swap ? pairs.map(flip) : pairs, this.options);
    return swap ? accepted.map(flip) : accepted;
  }
}

import type { Article } from '../article';
import type { Detector } from '../detector';
import type { Finding } from '../types';
import { CHANCE_SIMILARITY, type UnitPair, type WordedPair } from './alignment';
import { resolveCopyOptions, type CopyDetectorOptions } from './options';
import { passageUnits } from './passageUnits';
import { PostingCounter } from './postingCounter';
import { copiedPassageFindings, repeatedPassageFindings, type MatchedArticle, type OtherUnit } from './passageFindings';
import { copiedPairs, PAIR_FLOOR, type PairSides } from './passageRules';
import { SharedTermCounter } from './sharedTerms';
import { compareUnits, NEAR_VERBATIM, surfaceSimilarity, termWeight, unitNorm, type UnitNorm } from './similarity';
import { wordingSketch } from './wordingSketch';
import { TermIndex, UNIT_SLOTS, type IndexedUnit, type TermSet, type UnitClass } from './termIndex';

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
 * A unit looks up its likely copies by its PROBE_TERMS weightiest terms, reading at most PROBE_POSTINGS
 * postings in all: a term in more distinct wordings than that never finds candidates (it still counts
 * in similarity). The budget bounds what a lookup reads, so it costs the same in a corpus of any size.
 */
const PROBE_TERMS = 6;
const PROBE_POSTINGS = 300;
/** A shingle in more distinct wordings than this is a stock phrase, which finds no copies. */
const MAX_SHINGLE_POSTINGS = 50;
/** Other articles aligned with one article at most (the closest by candidate similarity). */
const MAX_COMPARED_ARTICLES = 20;
/**
 * Units must share this many terms, and this share of the shorter unit's terms, before they are scored:
 * pairs sharing less never reach the similarity a passage needs. Terms in more distinct wordings than
 * MIN_COMMON_SPREAD and this share of all wordings are too common to count here (they still count in
 * similarity): two sentences of boilerplate on a common subject would otherwise be scored as a pair.
 */
const MIN_COMMON_SPREAD = 600;
const COMMON_SHARE = 0.015;
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
  private readonly joined = new SharedTermCounter();
  /** Per article id, scratch space for ranking the articles one query resembles; zero between queries. */
  private docWeights = new Float64Array(0);
  private unitWeights = new Float64Array(0);

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
    const common = Math.max(MIN_COMMON_SPREAD, COMMON_SHARE * this.terms.wordings);
    this.joined.index(entry.units, this.terms.vocabulary, (id) => this.terms.spread(id) <= common);
    const candidates = new Map(this.closestArticles(entry, normOf).map((id) => [id, [] as UnitPair[]]));
    // Units worded alike pair up whatever their terms; the others pair up by the terms they share.
    entry.units.forEach(({ cls }, a) => {
      if (cls.members.length < 2) return;
      const score = compareUnits(this.terms, cls, cls, normOf(cls), normOf(cls));
      if (score.similarity <= 0) return;
      for (const member of cls.members) candidates.get(Math.floor(member / UNIT_SLOTS))?.push({ a, b: member % UNIT_SLOTS, ...score, surface: 1 });
    });
    const copies = new Map<number, WordedPair[]>();
    for (const [otherId, pairs] of candidates) {
      const other = this.byId.get(otherId)!;
      this.joined.forEachShared(other.units, (a, b, shared) => {
        if (entry.units[a].cls === other.units[b].cls || !this.mayResemble(entry.units[a], other.units[b], shared)) return;
        const pair = pairOf(other, a, b);
        if (pair.similarity >= PAIR_FLOOR) pairs.push(pair);
      });
      const accepted = this.acceptedPairs(entry, other, pairs, (a, b) => pairOf(other, a, b), surfaceOf);
      if (accepted.length > 0) copies.set(otherId, accepted);
    }
    return { copies, repeats: this.repeats(entry) };
  }

  /** Enough shared terms, overall and for the shorter unit's size, for two units to be worth scoring. */
  private mayResemble(x: TermSet, y: TermSet, shared: number): boolean {
    return shared >= MIN_SHARED_TERMS && shared >= MIN_SHARED_SHARE * Math.min(x.ids.length, y.ids.length);
  }

  /**
   * The articles that resemble this one most, at most MAX_COMPARED_ARTICLES of them: a wire story
   * reprinted by hundreds of sites is reported against its closest copies, not every one. Each unit looks
   * up the classes sharing its wording, a shingle of its sketch or two of its probe terms (the postings
   * read are bounded, so a lookup costs the same in a corpus of any size), and splits one vote among the
   * articles they are in, by how far their similarity exceeds chance: boilerplate found in hundreds of
   * articles then weighs next to nothing against a sentence shared with one, and many loose resemblances
   * little against one close copy. Only then are articles compared unit by unit.
   */
  private closestArticles(entry: Entry, normOf: (cls: UnitClass) => UnitNorm): number[] {
    if (this.docWeights.length < this.nextId) {
      this.docWeights = new Float64Array(this.nextId * 2);
      this.unitWeights = new Float64Array(this.nextId * 2);
    }
    const weights = this.docWeights;
    const best = this.unitWeights;
    const touched: number[] = [];
    const resembled: number[] = [];
    const credit = (cls: UnitClass, similarity: number): void => {
      if (similarity <= CHANCE_SIMILARITY) return;
      for (const member of cls.members) {
        const otherId = Math.floor(member / UNIT_SLOTS);
        if (otherId === entry.id) continue;
        if (best[otherId] === 0) resembled.push(otherId);
        best[otherId] = Math.max(best[otherId], similarity);
      }
    };
    const shared = this.counter;
    for (const { unit, cls: own } of entry.units) {
      const ownNorm = normOf(own);
      if (own.members.length > 1) credit(own, compareUnits(this.terms, own, own, ownNorm, ownNorm).similarity);
      // A shared shingle of the sketch is reason enough to score a class; a shared probe term is half of one.
      for (const hash of wordingSketch(unit.words)) {
        this.terms.forEachSketchPosting(hash, MAX_SHINGLE_POSTINGS, (cls) => {
          if (cls !== own.id) shared.add(cls, MIN_SHARED_TERMS, true);
        });
      }
      const probes = this.probeTerms(own);
      probes.forEach((id, k) => {
        // A class first met in one of the last lists cannot reach MIN_SHARED_TERMS, so those only add to classes met before.
        const opens = k < probes.length - (MIN_SHARED_TERMS - 1);
        for (const cls of this.terms.postingsOf(id)) if (cls !== own.id) shared.add(cls, 1, opens);
      });
      shared.drain(MIN_SHARED_TERMS, (clsId) => {
        const cls = this.terms.classOf(clsId);
        if (!cls) return;
        const similarity = compareUnits(this.terms, own, cls, ownNorm, normOf(cls)).similarity;
        if (similarity >= PAIR_FLOOR) credit(cls, similarity);
      });
      for (const otherId of resembled) {
        if (weights[otherId] === 0) touched.push(otherId);
        weights[otherId] += (best[otherId] - CHANCE_SIMILARITY) / resembled.length;
        best[otherId] = 0;
      }
      resembled.length = 0;
    }
    const ranked = touched.map((id) => ({ id, weight: weights[id], uri: this.byId.get(id)!.article.uri }));
    for (const id of touched) weights[id] = 0;
    ranked.sort((x, y) => y.weight - x.weight || (x.uri < y.uri ? -1 : x.uri > y.uri ? 1 : 0));
    return ranked.slice(0, MAX_COMPARED_ARTICLES).map(({ id }) => id);
  }

  /**
   * The terms a unit looks up its likely copies by: the weightiest (rarest, and the writer's own words
   * before names and figures) whose postings fit in the budget, shortest postings first. A copy, even
   * reworded, keeps most of a sentence's rare words, and reading only their postings keeps a lookup's
   * cost the same in a corpus of any size.
   */
  private probeTerms(unit: TermSet): number[] {
    const terms: Array<{ id: number; weight: number }> = [];
    for (let k = 0; k < unit.ids.length; k++) {
      const id = unit.ids[k];
      // A term in this wording alone finds nothing.
      if (this.terms.spread(id) < 2) continue;
      const weight = termWeight(this.terms, id, unit.flags[k]);
      if (weight > 0) terms.push({ id, weight });
    }
    terms.sort((x, y) => y.weight - x.weight || x.id - y.id);
    const probes: number[] = [];
    let budget = PROBE_POSTINGS;
    for (const { id } of terms) {
      const spread = this.terms.spread(id);
      if (spread > budget) continue;
      probes.push(id);
      budget -= spread;
      if (probes.length === PROBE_TERMS) break;
    }
    return probes.sort((x, y) => this.terms.spread(x) - this.terms.spread(y) || x - y);
  }

  /** Per unit of the article, the other units of it that repeat its wording, word for word or nearly; `joined` must hold its terms. */
  private repeats(entry: Entry): Map<number, OtherUnit[]> {
    const repeats = new Map<number, OtherUnit[]>();
    const addRepeat = (index: number, repeat: OtherUnit | undefined): void => {
      if (repeat) repeats.set(index, [...(repeats.get(index) ?? []), repeat]);
    };
    entry.units.forEach(({ unit, cls }, a) => {
      if (cls.members.length < 2 || unit.words.length < this.options.minWords) return;
      for (const member of cls.members) {
        if (Math.floor(member / UNIT_SLOTS) === entry.id && member % UNIT_SLOTS !== a) addRepeat(a, { index: member % UNIT_SLOTS, surface: 1 });
      }
    });
    this.joined.forEachShared(entry.units, (a, b, shared) => {
      if (entry.units[a].cls !== entry.units[b].cls && this.mayResemble(entry.units[a], entry.units[b], shared)) addRepeat(a, this.repeatOf(entry, a, b, shared));
    });
    return repeats;
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

import { appendTo } from '../maps';
import { RecentMap } from '../recentMap';
import type { CandidateClasses } from './candidateClasses';
import type { OtherUnit } from './passageFindings';
import { PAIR_FLOOR } from './passageRules';
import { compareUnits, NEAR_VERBATIM, similarityBound, surfaceSimilarity, termWeight, type UnitNorms, type UnitScore } from './similarity';
import { termAt, termId, type TermIndex, type UnitClass } from './termIndex';

/** A class of units that a wording of the article being checked resembles. */
export interface Resemblance extends UnitScore {
  cls: UnitClass;
  /** Known only for the wording's own class, whose members share its wording. */
  surface?: number;
}

/** What an article's units resemble elsewhere, and which of its units repeat each other. */
export interface ArticleResemblances {
  /** Per unit, the classes with units in other articles that it resembles. */
  resembled: Array<readonly Resemblance[]>;
  /** Per unit that the article repeats, the other units of it that repeat its wording. */
  repeats: Map<number, OtherUnit[]>;
}

/** What the units of one wording resemble, worked out once however often the article uses the wording. */
interface WordingMatches {
  /** Classes with units in other articles. */
  resembled: Resemblance[];
  /** Wordings of the same article that repeat this one, with how much of it they keep; may include its own. */
  repeatedBy: Array<{ cls: UnitClass; surface: number }>;
}

/** A wording's matches as worked out for an article, and what they were worked out from. */
interface KeptWording {
  matches: WordingMatches;
  generation: number;
  /** The candidate list of the wording (see `CandidateClasses.of`) and its length then. */
  candidates: readonly number[];
  candidateCount: number;
}

/** An article's wordings as last matched: where it used each, and their matches. */
interface KeptArticle {
  unitsOf: Map<number, number[]>;
  wordings: Map<number, KeptWording>;
}

/**
 * Articles whose wordings' matches are kept: the ones being typed into, and those whose findings each
 * keystroke in them makes stale (the articles they share passages, figures or events with), which are
 * checked again in turn: a few dozen for a long article, and fewer kept than that would forget every one.
 */
const KEPT_ARTICLES = 256;
/** Headroom on a similarity bound, so that rounding in the last bits never rules out a pair that qualifies. */
const BOUND_SLACK = 1 + 1e-9;

/**
 * The classes each wording of an article resembles, and the wordings of the article that repeat it. A
 * keystroke changes one wording of an article, and the corpus-wide weights of a few terms: the matches of
 * the article's other wordings are kept, and worked out again only when the wording, one of its
 * candidates or where the article uses them has changed since (see `TermIndex.classChangedAt`).
 */
export class WordingMatcher {
  private readonly kept = new RecentMap<string, KeptArticle>(KEPT_ARTICLES);

  constructor(
    private readonly terms: TermIndex,
    private readonly norms: UnitNorms,
    private readonly candidates: CandidateClasses,
    private readonly minWords: number,
  ) {}

  /** `classes`: the article's units' classes, in order. The index must be settled. */
  match(uri: string, classes: readonly UnitClass[]): ArticleResemblances {
    // Where each of the article's wordings occurs in it.
    const unitsOf = new Map<number, number[]>();
    classes.forEach((cls, index) => appendTo(unitsOf, cls.id, index));
    const earlier = this.kept.get(uri);
    const moved = earlier ? usageChanges(earlier.unitsOf, unitsOf) : new Set<number>();
    const wordings = new Map<number, KeptWording>();
    const repeatsOf = new Map<number, OtherUnit[]>();
    const repeats = new Map<number, OtherUnit[]>();
    const resembled = classes.map((cls, index) => {
      let wording = wordings.get(cls.id);
      if (!wording) {
        const candidates = this.candidates.of(cls);
        wording = earlier?.wordings.get(cls.id);
        if (!wording || !this.stillHolds(cls, wording, candidates, moved)) {
          wording = { matches: this.wordingMatches(cls, candidates, unitsOf), generation: this.terms.generation, candidates, candidateCount: candidates.length };
        }
        wordings.set(cls.id, wording);
        repeatsOf.set(cls.id, wording.matches.repeatedBy.flatMap(({ cls: other, surface }) => unitsOf.get(other.id)!.map((i) => ({ index: i, surface }))));
      }
      const own = repeatsOf.get(cls.id)!;
      if (own.length > 0) repeats.set(index, own);
      return wording.matches.resembled;
    });
    this.kept.set(uri, { unitsOf, wordings });
    return { resembled, repeats };
  }

  /**
   * Whether a wording's kept matches are what working them out again would give: its candidates are the
   * same, and neither it nor any of them has changed its terms' weights, its number of members or its
   * use in the article (`moved`) since.
   */
  private stillHolds(own: UnitClass, kept: KeptWording, candidates: readonly number[], moved: ReadonlySet<number>): boolean {
    if (kept.candidates !== candidates || kept.candidateCount !== candidates.length) return false;
    const changed = (id: number): boolean => this.terms.classChangedAt(id) > kept.generation || moved.has(id);
    if (changed(own.id)) return false;
    for (let c = 0; c < candidates.length; c += 2) if (changed(candidates[c])) return false;
    return true;
  }

  /**
   * The classes a wording resembles among its candidates, and the wordings of its own article that
   * repeat it. `unitsOf` tells which classes the article uses, and where.
   */
  private wordingMatches(own: UnitClass, candidates: readonly number[], unitsOf: Map<number, number[]>): WordingMatches {
    const resembled: Resemblance[] = [];
    const repeatedBy: WordingMatches['repeatedBy'] = [];
    const ownUnits = unitsOf.get(own.id)!;
    // The class's other members are word-for-word copies of this wording.
    if (own.members.length > 2) {
      if (own.members.length / 2 > ownUnits.length) {
        const score = compareUnits(this.terms, this.norms, own, own);
        if (score.similarity > 0) resembled.push({ cls: own, ...score, surface: 1 });
      }
      if (ownUnits.length > 1 && own.wordCount >= this.minWords) repeatedBy.push({ cls: own, surface: 1 });
    }
    const most = this.sharedWeightBound(own);
    for (let c = 0; c < candidates.length; c += 2) {
      const cls = this.terms.classOf(candidates[c]);
      if (!cls) continue;
      const count = candidates[c + 1];
      const units = unitsOf.get(cls.id);
      if (units) {
        const surface = this.repeatSurface(own, cls, count);
        if (surface !== undefined) repeatedBy.push({ cls, surface });
        if (units.length === cls.members.length / 2) continue;
      }
      if (similarityBound(this.norms, own, cls, most(count)) < PAIR_FLOOR) continue;
      const score = compareUnits(this.terms, this.norms, own, cls);
      if (score.similarity >= PAIR_FLOOR) resembled.push({ cls, ...score });
    }
    return { resembled, repeatedBy };
  }

  /**
   * The most the terms a wording shares with another class can weigh, given how many of its readable
   * terms they include: those readable terms at their heaviest, and all of its unreadable ones.
   */
  private sharedWeightBound(own: UnitClass): (readableShared: number) => number {
    const readable: number[] = [];
    let unreadable = 0;
    for (let k = 0; k < own.termCount; k++) {
      const weight = termWeight(this.terms, termAt(own, k));
      if (this.terms.readable(termId(termAt(own, k)))) readable.push(weight);
      else unreadable += weight;
    }
    readable.sort((x, y) => y - x);
    const heaviest = [unreadable];
    for (const weight of readable) heaviest.push(heaviest[heaviest.length - 1] + weight);
    return (readableShared) => heaviest[Math.min(readableShared, readable.length)] * BOUND_SLACK;
  }

  /**
   * How much wording two classes of one article share when one repeats the other nearly word for word.
   * Wording is compared only when the two are of like length and share most of their terms, to keep long
   * articles cheap.
   */
  private repeatSurface(x: UnitClass, y: UnitClass, sharedTerms: number): number | undefined {
    const [shorter, longer] = [x.wordCount, y.wordCount].sort((p, q) => p - q);
    if (shorter < this.minWords || shorter < longer * NEAR_VERBATIM || sharedTerms * 2 < Math.min(x.termCount, y.termCount)) return undefined;
    const surface = surfaceSimilarity(x, y);
    return surface >= NEAR_VERBATIM ? surface : undefined;
  }
}

/** Classes an article uses in a different number of units than before. */
function usageChanges(before: Map<number, number[]>, after: Map<number, number[]>): Set<number> {
  const changed = new Set<number>();
  for (const [id, units] of before) if (after.get(id)?.length !== units.length) changed.add(id);
  for (const [id, units] of after) if (before.get(id)?.length !== units.length) changed.add(id);
  return changed;
}

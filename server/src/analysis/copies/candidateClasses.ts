import { firstIndexNotBefore } from '../search';
import { forEachSharedTerm, termAt, termId, type TermIndex, type UnitClass } from './termIndex';

/**
 * Candidates must share this many terms rare enough to read, and this share of the shorter unit's
 * terms, before they are scored: pairs sharing less never reach the similarity a passage needs.
 */
const MIN_SHARED_TERMS = 2;
const MIN_SHARED_SHARE = 0.2;
/**
 * Wordings whose candidates are kept, at least. Typing changes one wording at a time, so the candidates
 * of the rest of the article, and of the articles it shares passages with, stay nearly the same; keeping
 * them spares reading their postings again on every keystroke.
 */
const KEPT_WORDINGS = 8192;

interface Kept {
  /** Pairs of class id and the number of readable terms shared with it. */
  candidates: number[];
  /** Where the index's change log stood when `candidates` were last brought up to date. */
  seen: number;
}

/**
 * The classes a wording may resemble: those sharing at least two of its readable terms, and enough of
 * their terms overall. Found through the postings of its terms, then kept and brought up to date from
 * the index's change log until a term of the wording becomes readable or stops being so.
 */
export class CandidateClasses {
  /** Per class id, the readable terms a wording shares with it while its postings are read; zero in between. */
  private counts = new Int32Array(0);
  /**
   * Candidates used since `recent` last filled up, and those used in the round before: a wording not used
   * for a whole round is forgotten.
   */
  private recent = new Map<number, Kept>();
  private older = new Map<number, Kept>();

  constructor(private readonly terms: TermIndex) {}

  /** Pairs of class id and shared readable terms, other than the wording's own class; may name classes since emptied. */
  of(own: UnitClass): readonly number[] {
    let kept = this.recent.get(own.id) ?? this.older.get(own.id);
    if (!kept || !this.catchUp(own, kept)) kept = { candidates: this.found(own), seen: this.terms.logEnd };
    if (this.recent.size >= KEPT_WORDINGS) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(own.id, kept);
    return kept.candidates;
  }

  /**
   * Reads the postings twice: once to count, once to collect the classes met twice or more, in the order
   * first met, clearing the counts behind it. That costs less than keeping a list of the classes met,
   * most of which share a single term.
   */
  private found(own: UnitClass): number[] {
    if (this.counts.length < this.terms.classBound) this.counts = new Int32Array(this.terms.classBound * 2);
    const counts = this.counts;
    const lists: Array<readonly number[]> = [];
    for (let k = 0; k < own.termCount; k++) {
      const id = termId(termAt(own, k));
      if (this.terms.readable(id)) lists.push(this.terms.postingsOf(id));
    }
    for (const postings of lists) for (const cls of postings) counts[cls]++;
    counts[own.id] = 0;
    const candidates: number[] = [];
    for (const postings of lists) {
      for (const id of postings) {
        const count = counts[id];
        if (count === 0) continue;
        counts[id] = 0;
        if (count < MIN_SHARED_TERMS) continue;
        const cls = this.terms.classOf(id);
        if (cls && enoughShared(own, cls, count)) candidates.push(id, count);
      }
    }
    return candidates;
  }

  /** Adds the classes created since the candidates were found; false when they must be found afresh. */
  private catchUp(own: UnitClass, kept: Kept): boolean {
    const changes = this.terms.changesSince(kept.seen);
    if (!changes) return false;
    for (const change of changes) {
      if ('term' in change) {
        if (holdsTerm(own, change.term)) return false;
        continue;
      }
      const cls = this.terms.classOf(change.created);
      if (!cls || cls === own) continue;
      const count = this.sharedReadable(own, cls);
      if (count >= MIN_SHARED_TERMS && enoughShared(own, cls, count)) kept.candidates.push(cls.id, count);
    }
    kept.seen = this.terms.logEnd;
    return true;
  }

  private sharedReadable(a: UnitClass, b: UnitClass): number {
    let count = 0;
    forEachSharedTerm(a, b, (id) => {
      if (this.terms.readable(id)) count++;
    });
    return count;
  }
}

function enoughShared(a: UnitClass, b: UnitClass, count: number): boolean {
  return count >= MIN_SHARED_SHARE * Math.min(a.termCount, b.termCount);
}

function holdsTerm(cls: UnitClass, id: number): boolean {
  const at = firstIndexNotBefore(0, cls.termCount, (k) => termId(termAt(cls, k)) < id);
  return at < cls.termCount && termId(termAt(cls, at)) === id;
}

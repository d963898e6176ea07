import { grown } from '../typedArrays';
import { ChangeStamps, type StampedState } from './changeStamps';
import type { Unit, UnitWording } from './passageUnits';
import { WordingTable } from './wordingTable';

export const QUOTED = 1;
export const NUMBER = 2;
/** Low bits of a packed term that hold its flags (QUOTED, NUMBER); the term id is above them. */
const FLAG_BITS = 2;
const FLAG_MASK = (1 << FLAG_BITS) - 1;

export function termId(packed: number): number {
  return packed >> FLAG_BITS;
}

export function termFlags(packed: number): number {
  return packed & FLAG_MASK;
}

/**
 * Calls `visit` with each term two classes share and the packed entries of both, walking their
 * ascending term lists together.
 */
export function forEachSharedTerm(a: UnitClass, b: UnitClass, visit: (id: number, packedA: number, packedB: number) => void): void {
  let i = 0;
  let j = 0;
  while (i < a.termCount && j < b.termCount) {
    const x = termId(termAt(a, i));
    const y = termId(termAt(b, j));
    if (x < y) i++;
    else if (y < x) j++;
    else visit(x, termAt(a, i++), termAt(b, j++));
  }
}

/**
 * Units of identical wording anywhere in the corpus. Term postings point at these rather than at each
 * unit, so a sentence that a wire story spreads over hundreds of articles is read and scored once. What
 * the units read is kept here only, in a typed array shared by the classes an article created together:
 * a typed array of its own cost a class more in bookkeeping than in content (about 200 bytes), and the
 * corpus holds hundreds of thousands of classes.
 */
export interface UnitClass {
  id: number;
  /**
   * From `offset` on, `termCount` entries: the distinct content terms, packed (id << FLAG_BITS | flags)
   * and ascending; a term is QUOTED when every occurrence is inside quotation marks, NUMBER for figures.
   * After them, `wordCount` entries: the ids of the unit's words in order, stop words included (see
   * `TermIndex.wordId`).
   */
  data: Int32Array;
  offset: number;
  termCount: number;
  wordCount: number;
  /** The units that read this way, as pairs of article id and unit index. */
  members: number[];
}

/** The class's k-th term, packed. */
export function termAt(cls: UnitClass, k: number): number {
  return cls.data[cls.offset + k];
}

/** The id of the class's k-th word. */
export function wordAt(cls: UnitClass, k: number): number {
  return cls.data[cls.offset + cls.termCount + k];
}

/**
 * Terms in more distinct wordings than this are too common to find candidates by (they still count in
 * similarity). The cap bounds the postings read per term, so a query costs about the same in a corpus
 * of any size.
 */
const MAX_POSTINGS = 600;
/** Changes kept in the log (see `TermIndex.changesSince`); a reader further behind starts afresh. */
const LOG_LENGTH = 4096;

/** A change to what candidates are found by: a class created, or a term that became readable or stopped being. */
export type IndexChange = { created: number } | { term: number };

/** What indexing an article's units leaves to undo when it is removed. */
export interface IndexedUnits {
  classes: readonly UnitClass[];
  /** Capitalisation votes cast by the units' terms: term id << 1, plus 1 for a capital. */
  votes: Int32Array;
}

/**
 * Corpus-wide statistics of content terms and the postings that candidate pairs come from. Postings of a
 * class that has no members left are dropped lazily: they are skipped when read, and a term's list is
 * compacted once it holds more dead entries than live ones, so removal costs no scan of long lists.
 */
export class TermIndex implements StampedState {
  private readonly termIds = new Map<string, number>();
  private readonly wordIdsByText = new Map<string, number>();
  /** Live units that contain the term. */
  private readonly unitFrequency: number[] = [];
  /** Live classes that contain the term, and their ids (with those of emptied classes until compacted). */
  private readonly classFrequency: number[] = [];
  private readonly postings: number[][] = [];
  private readonly dead: number[] = [];
  /** Occurrences written with a capital where capitals carry information, and without one. */
  private readonly capitalVotes: number[] = [];
  private readonly lowerVotes: number[] = [];
  private readonly wordings = new WordingTable();
  /** Classes a removal left without members, dropped at the next `settle`. */
  private emptied: UnitClass[] = [];
  /** Live classes by id; dropped ones leave a hole, since postings may still name them. */
  private readonly classes: Array<UnitClass | undefined> = [];
  private liveUnits = 0;
  /** Bumped on every change. */
  private changes = 0;
  private readonly stamps = new ChangeStamps();
  private liveUnitsSettled = 0;
  private idfCache = new Float64Array(0);
  private idfStamps = new Int32Array(0);
  private log: IndexChange[] = [];
  /** Position of `log[0]` in the sequence of all changes. */
  private logStart = 0;
  /** The class and capitalisation votes of wordings already filed, which an edited article files again. */
  private readonly filed = new WeakMap<UnitWording, { cls: UnitClass; votes: readonly number[] }>();

  /**
   * Interns the terms and words of an article's units, counts them and files each unit under its class;
   * then settles the removals before it.
   */
  add(units: Unit[], article: number): IndexedUnits {
    this.changes++;
    const votes: number[] = [];
    const created = this.classes.length;
    const classes = units.map(({ wording }, index) => {
      this.liveUnits++;
      let filed = this.filed.get(wording);
      // A class that was dropped takes its wording with it: the wording is filed afresh.
      if (!filed || this.classes[filed.cls.id] !== filed.cls) {
        const unitVotes = wording.terms.flatMap((term) => (term.capitalised === undefined ? [] : [(this.internTerm(term.key) << 1) | (term.capitalised ? 1 : 0)]));
        this.filed.set(wording, (filed = { cls: this.classFor(wording), votes: unitVotes }));
      }
      for (const vote of filed.votes) {
        votes.push(vote);
        this.vote(vote, 1);
      }
      const { cls } = filed;
      this.countUnit(cls, 1);
      this.stamps.touchClass(cls.id, cls.members.length);
      // Most classes have one member; an array that push made from empty would keep room for sixteen numbers.
      if (cls.members.length === 0) cls.members = [article, index];
      else cls.members.push(article, index);
      return cls;
    });
    packTogether(this.classes.slice(created) as UnitClass[]);
    this.settle();
    return { classes, votes: Int32Array.from(votes) };
  }

  /** Takes an article's units out; classes they leave without members are dropped at the next `settle`. */
  remove({ classes, votes }: IndexedUnits, article: number): void {
    this.changes++;
    for (const vote of votes) this.vote(vote, -1);
    for (const cls of classes) {
      this.liveUnits--;
      this.countUnit(cls, -1);
    }
    // One pass over each class's members, however many of the article's units it holds.
    for (const cls of new Set(classes)) {
      this.stamps.touchClass(cls.id, cls.members.length);
      const kept: number[] = [];
      for (let m = 0; m < cls.members.length; m += 2) if (cls.members[m] !== article) kept.push(cls.members[m], cls.members[m + 1]);
      cls.members = kept;
      if (kept.length === 0) this.emptied.push(cls);
    }
  }

  /**
   * Drops the classes that removals left without members. Until then they stay filed under their
   * wording, so an article replaced by an edited version of itself finds the classes of its unchanged
   * units where they were, with their ids: what is known about those ids stays useful.
   */
  settle(): void {
    for (const cls of this.emptied) if (cls.members.length === 0 && this.classes[cls.id] === cls) this.drop(cls);
    this.emptied = [];
    this.stamps.settle(this.changes, this.liveUnits !== this.liveUnitsSettled, this);
    this.liveUnitsSettled = this.liveUnits;
  }

  /** Statistics change with every article added or removed: what is worked out from them is stamped with this. */
  get generation(): number {
    return this.changes;
  }

  /**
   * The generation at which the weight of one of the class's terms, or its number of members, last
   * changed: what was worked out from them at this generation or later still holds. Read once settled.
   */
  classChangedAt(id: number): number {
    return this.stamps.classChangedAt(id);
  }

  termState(id: number): number {
    return this.unitFrequency[id] * 2 + (this.isName(id) ? 1 : 0);
  }

  memberCount(id: number): number {
    return this.classes[id]?.members.length ?? 0;
  }

  /** Class ids are below this. */
  get classBound(): number {
    return this.classes.length;
  }

  /** Whether the term is rare enough to find candidates by: its postings are read. */
  readable(id: number): boolean {
    return this.classFrequency[id] <= MAX_POSTINGS;
  }

  /** Where the change log ends: what a reader has seen once it has read up to here. */
  get logEnd(): number {
    return this.logStart + this.log.length;
  }

  /**
   * Changes since position `from` of the log, oldest first; undefined when they are no longer all kept.
   * Removed classes are not logged: their ids are never reused, and readers skip them.
   */
  changesSince(from: number): readonly IndexChange[] | undefined {
    return from < this.logStart ? undefined : this.log.slice(from - this.logStart);
  }

  /** Class ids posted under a term; ids of classes that have since emptied may remain and are skipped by `classOf`. */
  postingsOf(id: number): readonly number[] {
    return this.postings[id];
  }

  classOf(id: number): UnitClass | undefined {
    return this.classes[id];
  }

  /**
   * Inverse unit frequency, smoothed with a prior of pseudo-units that contain no term so that weights
   * stay moderate in a small corpus, where every shared word would otherwise look equally rare.
   */
  idf(id: number): number {
    if (this.idfStamps.length <= id) {
      this.idfCache = grown(this.idfCache, this.unitFrequency.length);
      this.idfStamps = grown(this.idfStamps, this.unitFrequency.length, -1);
    }
    if (this.idfStamps[id] < this.stamps.termChangedAt(id)) {
      this.idfCache[id] = Math.log((this.liveUnits + IDF_PRIOR_UNITS) / (this.unitFrequency[id] + 1));
      this.idfStamps[id] = this.changes;
    }
    return this.idfCache[id];
  }

  /** A term mostly written with a capital inside sentences is a name (person, place, organisation). */
  isName(id: number): boolean {
    return this.capitalVotes[id] > this.lowerVotes[id];
  }

  /** The unit's terms and words in the layout of `UnitClass.data`, in an array of their own. */
  private wording(unit: UnitWording): { data: Int32Array; termCount: number } {
    const packed = unit.terms.map((term) => (this.internTerm(term.key) << FLAG_BITS) | (term.quoted ? QUOTED : 0) | (term.number ? NUMBER : 0));
    packed.sort((x, y) => x - y);
    const terms: number[] = [];
    for (const term of packed) {
      const last = terms.length - 1;
      // A term counts as quoted only when every occurrence in the unit is quoted.
      if (last >= 0 && termId(terms[last]) === termId(term)) terms[last] &= term;
      else terms.push(term);
    }
    const data = new Int32Array(terms.length + unit.words.length);
    data.set(terms);
    unit.words.forEach((word, k) => (data[terms.length + k] = this.wordId(word)));
    return { data, termCount: terms.length };
  }

  private classFor(unit: UnitWording): UnitClass {
    const { data, termCount } = this.wording(unit);
    const existing = this.wordings.find(data, termCount);
    if (existing) return existing;
    const cls: UnitClass = { id: this.classes.length, data, offset: 0, termCount, wordCount: data.length - termCount, members: [] };
    this.classes.push(cls);
    this.wordings.add(cls);
    for (let k = 0; k < termCount; k++) {
      const id = termId(data[k]);
      this.postings[id].push(cls.id);
      if (++this.classFrequency[id] === MAX_POSTINGS + 1) this.record({ term: id });
    }
    this.record({ created: cls.id });
    return cls;
  }

  private drop(cls: UnitClass): void {
    this.classes[cls.id] = undefined;
    this.wordings.delete(cls);
    for (let k = 0; k < cls.termCount; k++) {
      const id = termId(termAt(cls, k));
      if (--this.classFrequency[id] === MAX_POSTINGS) this.record({ term: id });
      this.dead[id]++;
      if (this.dead[id] > 16 && this.dead[id] * 2 > this.postings[id].length) this.compact(id);
    }
  }

  private record(change: IndexChange): void {
    this.log.push(change);
    if (this.log.length > LOG_LENGTH) {
      const dropped = this.log.length - LOG_LENGTH / 2;
      this.log = this.log.slice(dropped);
      this.logStart += dropped;
    }
  }

  private countUnit(cls: UnitClass, delta: number): void {
    for (let k = 0; k < cls.termCount; k++) {
      const id = termId(termAt(cls, k));
      this.stamps.touchTerm(id, this.termState(id));
      this.unitFrequency[id] += delta;
    }
  }

  private vote(vote: number, delta: number): void {
    this.stamps.touchTerm(vote >> 1, this.termState(vote >> 1));
    if (vote & 1) this.capitalVotes[vote >> 1] += delta;
    else this.lowerVotes[vote >> 1] += delta;
  }

  private internTerm(key: string): number {
    let id = this.termIds.get(key);
    if (id === undefined) {
      id = this.unitFrequency.length;
      this.termIds.set(key, id);
      this.unitFrequency.push(0);
      this.classFrequency.push(0);
      this.postings.push([]);
      this.dead.push(0);
      this.capitalVotes.push(0);
      this.lowerVotes.push(0);
    }
    return id;
  }

  /** Words are compared by id: equal words, equal ids. */
  private wordId(word: string): number {
    let id = this.wordIdsByText.get(word);
    if (id === undefined) this.wordIdsByText.set(word, (id = this.wordIdsByText.size));
    return id;
  }

  private compact(id: number): void {
    this.postings[id] = this.postings[id].filter((cls) => this.classes[cls] !== undefined);
    this.dead[id] = 0;
  }
}

const IDF_PRIOR_UNITS = 200;

/** Moves the classes' entries into one array, in place of the array each was made with. */
function packTogether(classes: readonly UnitClass[]): void {
  let length = 0;
  for (const cls of classes) length += cls.termCount + cls.wordCount;
  const data = new Int32Array(length);
  let offset = 0;
  for (const cls of classes) {
    const size = cls.termCount + cls.wordCount;
    data.set(cls.data.subarray(cls.offset, cls.offset + size), offset);
    cls.data = data;
    cls.offset = offset;
    offset += size;
  }
}

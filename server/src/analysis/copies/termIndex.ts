import type { Unit } from './passageUnits';

export const QUOTED = 1;
export const NUMBER = 2;

/** A unit's distinct terms as ids, sorted, with per-term flags. */
export interface TermSet {
  ids: Int32Array;
  /** Per term: QUOTED when every occurrence is inside quotation marks, NUMBER for figures. */
  flags: Uint8Array;
}

/** Postings pack an article id and a unit index into one number. */
export const UNIT_SLOTS = 65_536;

function posting(article: number, unit: number): number {
  return article * UNIT_SLOTS + unit;
}

/**
 * Units of identical wording anywhere in the corpus. Term postings point at these rather than at each
 * unit, so a sentence that a wire story spreads over hundreds of articles is read and scored once.
 */
export interface UnitClass extends TermSet {
  id: number;
  /** Postings of the units that read this way. */
  members: number[];
}

/** A unit of an indexed article, with the class of units worded like it. */
export interface IndexedUnit extends TermSet {
  unit: Unit;
  cls: UnitClass;
}

/**
 * Corpus-wide statistics of content terms and the postings that candidate pairs come from. Postings of a
 * class that has no members left are dropped lazily: they are skipped when read, and a term's list is
 * compacted once it holds more dead entries than live ones, so removal costs no scan of long lists.
 */
export class TermIndex {
  private readonly ids = new Map<string, number>();
  /** Live units that contain the term. */
  private readonly unitFrequency: number[] = [];
  /** Live classes that contain the term, and their ids (with those of emptied classes until compacted). */
  private readonly classFrequency: number[] = [];
  private readonly postings: number[][] = [];
  private readonly dead: number[] = [];
  /** Occurrences written with a capital where capitals carry information, and without one. */
  private readonly capitalVotes: number[] = [];
  private readonly lowerVotes: number[] = [];
  private readonly classesByWording = new Map<string, UnitClass>();
  private readonly classes = new Map<number, UnitClass>();
  private nextClass = 0;
  private liveUnits = 0;
  /** IDF values worked out since the last change (`generation`), which invalidates them all. */
  private idfCache = new Float64Array(0);
  private idfStamps = new Int32Array(0);
  private generation = 0;

  /** Interns the terms of an article's units, counts them and files each unit under its class. */
  add(units: Unit[], article: number): IndexedUnit[] {
    this.generation++;
    return units.map((unit, index) => {
      const terms = this.termSet(unit);
      this.liveUnits++;
      for (const id of terms.ids) this.unitFrequency[id]++;
      this.vote(unit, 1);
      const cls = this.classFor(unit, terms);
      cls.members.push(posting(article, index));
      return { unit, cls, ids: cls.ids, flags: cls.flags };
    });
  }

  remove(units: IndexedUnit[], article: number): void {
    this.generation++;
    units.forEach(({ unit, cls, ids }, index) => {
      this.liveUnits--;
      for (const id of ids) this.unitFrequency[id]--;
      this.vote(unit, -1);
      const member = posting(article, index);
      cls.members = cls.members.filter((m) => m !== member);
      if (cls.members.length > 0) return;
      this.classes.delete(cls.id);
      this.classesByWording.delete(wordingKey(unit));
      for (const id of ids) {
        this.classFrequency[id]--;
        this.dead[id]++;
        if (this.dead[id] > 16 && this.dead[id] * 2 > this.postings[id].length) this.compact(id);
      }
    });
  }

  /** In how many distinct wordings the term occurs: the length of its postings, dead entries aside. */
  spread(id: number): number {
    return this.classFrequency[id];
  }

  /** Class ids posted under a term; ids of classes that have since emptied may remain and are skipped by `classOf`. */
  postingsOf(id: number): readonly number[] {
    return this.postings[id];
  }

  classOf(id: number): UnitClass | undefined {
    return this.classes.get(id);
  }

  /**
   * Inverse unit frequency, smoothed with a prior of pseudo-units that contain no term so that weights
   * stay moderate in a small corpus, where every shared word would otherwise look equally rare.
   */
  idf(id: number): number {
    if (this.idfStamps.length <= id) this.growIdfCache();
    if (this.idfStamps[id] !== this.generation) {
      this.idfCache[id] = Math.log((this.liveUnits + IDF_PRIOR_UNITS) / (this.unitFrequency[id] + 1));
      this.idfStamps[id] = this.generation;
    }
    return this.idfCache[id];
  }

  private growIdfCache(): void {
    const size = Math.max(1024, this.unitFrequency.length * 2);
    const cache = new Float64Array(size);
    const stamps = new Int32Array(size).fill(-1);
    cache.set(this.idfCache);
    stamps.set(this.idfStamps);
    this.idfCache = cache;
    this.idfStamps = stamps;
  }

  /** A term mostly written with a capital inside sentences is a name (person, place, organisation). */
  isName(id: number): boolean {
    return this.capitalVotes[id] > this.lowerVotes[id];
  }

  private termSet(unit: Unit): TermSet {
    const entries = unit.terms.map((term) => [this.intern(term.key), (term.quoted ? QUOTED : 0) | (term.number ? NUMBER : 0)]);
    entries.sort((x, y) => x[0] - y[0]);
    const ids: number[] = [];
    const flags: number[] = [];
    for (const [id, flag] of entries) {
      // A term counts as quoted only when every occurrence in the unit is quoted.
      if (ids.length > 0 && ids[ids.length - 1] === id) flags[flags.length - 1] &= flag;
      else {
        ids.push(id);
        flags.push(flag);
      }
    }
    return { ids: Int32Array.from(ids), flags: Uint8Array.from(flags) };
  }

  private classFor(unit: Unit, terms: TermSet): UnitClass {
    const key = wordingKey(unit);
    let cls = this.classesByWording.get(key);
    if (!cls) {
      cls = { id: this.nextClass++, members: [], ...terms };
      this.classesByWording.set(key, cls);
      this.classes.set(cls.id, cls);
      for (const id of cls.ids) {
        this.postings[id].push(cls.id);
        this.classFrequency[id]++;
      }
    }
    return cls;
  }

  private vote(unit: Unit, delta: number): void {
    for (const term of unit.terms) {
      const id = this.ids.get(term.key)!;
      if (term.capitalised === true) this.capitalVotes[id] += delta;
      else if (term.capitalised === false) this.lowerVotes[id] += delta;
    }
  }

  private intern(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.unitFrequency.length;
      this.ids.set(key, id);
      this.unitFrequency.push(0);
      this.classFrequency.push(0);
      this.postings.push([]);
      this.dead.push(0);
      this.capitalVotes.push(0);
      this.lowerVotes.push(0);
    }
    return id;
  }

  private compact(id: number): void {
    this.postings[id] = this.postings[id].filter((cls) => this.classes.has(cls));
    this.dead[id] = 0;
  }
}

/** Units group by their words and by which of their terms are quoted or figures. */
function wordingKey(unit: Unit): string {
  return `${unit.words.join(' ')}\u0000${unit.terms.map((t) => `${t.key}${t.quoted ? '"' : ''}${t.number ? '#' : ''}`).join(' ')}`;
}

const IDF_PRIOR_UNITS = 200;

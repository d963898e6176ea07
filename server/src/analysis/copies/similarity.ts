import { grown } from '../typedArrays';
import { forEachSharedTerm, NUMBER, QUOTED, termAt, termFlags, termId, wordAt, type TermIndex, type UnitClass } from './termIndex';

/** Wording kept (see `surfaceSimilarity`) from which a match counts as lightly edited rather than reworded. */
export const NEAR_VERBATIM = 0.75;

/**
 * Independent reports of one story share names, figures and the quotes of officials; copies share the
 * reporter's own words. Names and figures therefore weigh less, and quoted speech not at all.
 */
const NAME_FACTOR = 0.3;
const NUMBER_FACTOR = 0.3;
/**
 * Pseudo-terms added to each unit's size: a two-word overlap between two short sentences says less than
 * the same proportion of two long ones.
 */
const SIZE_PRIOR = 1;
/** Units with fewer own words than this (a bare quote and "she said") are not compared by content. */
const MIN_TERMS = 2;

function factor(index: TermIndex, id: number, flags: number): number {
  if (flags & QUOTED) return 0;
  return flags & NUMBER ? NUMBER_FACTOR : index.isName(id) ? NAME_FACTOR : 1;
}

/** What a packed term adds to its unit's weight: its IDF, lowered for names and figures, nothing when quoted. */
export function termWeight(index: TermIndex, packed: number): number {
  const id = termId(packed);
  return index.idf(id) * factor(index, id, termFlags(packed));
}

/**
 * Per class, its total term weight and its number of terms, each counted by its factor. Both depend on
 * corpus-wide statistics, so they are kept until the weight of one of the class's terms changes, then
 * worked out again on demand.
 */
export class UnitNorms {
  private weights = new Float64Array(0);
  private sizes = new Float64Array(0);
  private stamps = new Int32Array(0);

  constructor(private readonly index: TermIndex) {}

  weight(cls: UnitClass): number {
    this.update(cls);
    return this.weights[cls.id];
  }

  /** Terms counted by their factor. */
  size(cls: UnitClass): number {
    this.update(cls);
    return this.sizes[cls.id];
  }

  private update(cls: UnitClass): void {
    if (this.stamps.length <= cls.id) {
      this.weights = grown(this.weights, this.index.classBound);
      this.sizes = grown(this.sizes, this.index.classBound);
      this.stamps = grown(this.stamps, this.index.classBound, -1);
    }
    if (this.stamps[cls.id] >= this.index.classChangedAt(cls.id)) return;
    let weight = 0;
    let size = 0;
    for (let k = 0; k < cls.termCount; k++) {
      const id = termId(termAt(cls, k));
      const f = factor(this.index, id, termFlags(termAt(cls, k)));
      weight += this.index.idf(id) * f;
      size += f;
    }
    this.weights[cls.id] = weight;
    this.sizes[cls.id] = size;
    this.stamps[cls.id] = this.index.generation;
  }
}

export interface UnitScore {
  /** IDF-weighted overlap of content terms (0–1), lowered for short units. */
  similarity: number;
  /** Shared content terms that are the writer's own words: no names, figures or quoted speech. */
  evidence: number;
}

function sizePenalty(sizeA: number, sizeB: number): number {
  return Math.sqrt((1 + SIZE_PRIOR / sizeA) * (1 + SIZE_PRIOR / sizeB));
}

/**
 * The most two classes can score when their shared terms weigh `shared` at most: cheap to work out from
 * the norms, and enough to rule out most candidates before their terms are merged.
 */
export function similarityBound(norms: UnitNorms, a: UnitClass, b: UnitClass, shared: number): number {
  const sizeA = norms.size(a);
  const sizeB = norms.size(b);
  if (sizeA < MIN_TERMS || sizeB < MIN_TERMS) return 0;
  return Math.min(1, shared / Math.sqrt(norms.weight(a) * norms.weight(b))) / sizePenalty(sizeA, sizeB);
}

export function compareUnits(index: TermIndex, norms: UnitNorms, a: UnitClass, b: UnitClass): UnitScore {
  const sizeA = norms.size(a);
  const sizeB = norms.size(b);
  if (sizeA < MIN_TERMS || sizeB < MIN_TERMS) return { similarity: 0, evidence: 0 };
  let shared = 0;
  let evidence = 0;
  forEachSharedTerm(a, b, (id, packedA, packedB) => {
    const f = factor(index, id, termFlags(packedA) | termFlags(packedB));
    shared += index.idf(id) * f;
    if (f === 1) evidence++;
  });
  const overlap = shared / Math.sqrt(norms.weight(a) * norms.weight(b));
  return { similarity: Math.min(1, overlap) / sizePenalty(sizeA, sizeB), evidence };
}

/** Rows of the longest-common-subsequence table, kept between calls. */
let rowA = new Int32Array(128);
let rowB = new Int32Array(128);

/**
 * How much of the wording survives, from 0 to 1: twice the longest common subsequence of words over
 * both lengths. 1 is word for word; swapped or dropped words lower it a little, rewording a lot.
 */
export function surfaceSimilarity(x: UnitClass, y: UnitClass): number {
  const aLength = x.wordCount;
  const bLength = y.wordCount;
  if (aLength === 0 || bLength === 0) return 0;
  if (x === y) return 1;
  if (rowA.length <= bLength) {
    rowA = new Int32Array(2 * (bLength + 1));
    rowB = new Int32Array(2 * (bLength + 1));
  }
  let previous = rowA.fill(0, 0, bLength + 1);
  let current = rowB.fill(0, 0, bLength + 1);
  for (let i = 1; i <= aLength; i++) {
    const word = wordAt(x, i - 1);
    for (let j = 1; j <= bLength; j++) {
      current[j] = word === wordAt(y, j - 1) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    }
    [previous, current] = [current, previous];
  }
  return (2 * previous[bLength]) / (aLength + bLength);
}

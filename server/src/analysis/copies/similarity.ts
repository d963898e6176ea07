import { NUMBER, QUOTED, type TermIndex, type TermSet } from './termIndex';

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

/** A unit's total term weight and its number of terms, each counted by its factor. */
export interface UnitNorm {
  weight: number;
  terms: number;
}

export function unitNorm(index: TermIndex, unit: TermSet): UnitNorm {
  let weight = 0;
  let terms = 0;
  for (let k = 0; k < unit.ids.length; k++) {
    const f = factor(index, unit.ids[k], unit.flags[k]);
    weight += index.idf(unit.ids[k]) * f;
    terms += f;
  }
  return { weight, terms };
}

export interface UnitScore {
  /** IDF-weighted overlap of content terms (0–1), lowered for short units. */
  similarity: number;
  /** Shared content terms that are the writer's own words: no names, figures or quoted speech. */
  evidence: number;
}

export function compareUnits(index: TermIndex, a: TermSet, b: TermSet, normA: UnitNorm, normB: UnitNorm): UnitScore {
  if (normA.terms < MIN_TERMS || normB.terms < MIN_TERMS) return { similarity: 0, evidence: 0 };
  let shared = 0;
  let evidence = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i];
    const y = b.ids[j];
    if (x < y) i++;
    else if (y < x) j++;
    else {
      const f = factor(index, x, a.flags[i] | b.flags[j]);
      shared += index.idf(x) * f;
      if (f === 1) evidence++;
      i++;
      j++;
    }
  }
  const overlap = shared / Math.sqrt(normA.weight * normB.weight);
  const sizePenalty = Math.sqrt((1 + SIZE_PRIOR / normA.terms) * (1 + SIZE_PRIOR / normB.terms));
  return { similarity: Math.min(1, overlap) / sizePenalty, evidence };
}

/** Rows of the longest-common-subsequence table, kept between calls. */
let rowA = new Int32Array(128);
let rowB = new Int32Array(128);

/**
 * How much of the wording survives, from 0 to 1: twice the longest common subsequence of words over
 * both lengths. 1 is word for word; swapped or dropped words lower it a little, rewording a lot.
 */
export function surfaceSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length === b.length && a.every((word, k) => word === b[k])) return 1;
  if (rowA.length <= b.length) {
    rowA = new Int32Array(2 * (b.length + 1));
    rowB = new Int32Array(2 * (b.length + 1));
  }
  let previous = rowA.fill(0, 0, b.length + 1);
  let current = rowB.fill(0, 0, b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    }
    [previous, current] = [current, previous];
  }
  return (2 * previous[b.length]) / (a.length + b.length);
}

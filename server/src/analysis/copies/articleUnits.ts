import type { Span } from '../types';
import type { Unit } from './passageUnits';
import type { UnitClass } from './termIndex';

const START = 0;
const END = 1;
const SENTENCE = 2;
const UNQUOTED_WORDS = 3;
const FIELDS = 4;

/**
 * The alignment units of an indexed article, kept compactly for as long as it is in the corpus: where
 * each lies, and the class that holds its wording. Occurrences of terms are not kept; the classes hold
 * what comparing needs.
 */
export class ArticleUnits {
  private readonly fields: Int32Array;

  constructor(
    units: readonly Unit[],
    readonly classes: readonly UnitClass[],
  ) {
    this.fields = new Int32Array(units.length * FIELDS);
    units.forEach((unit, i) => {
      this.fields[i * FIELDS + START] = unit.start;
      this.fields[i * FIELDS + END] = unit.end;
      this.fields[i * FIELDS + SENTENCE] = unit.sentence;
      this.fields[i * FIELDS + UNQUOTED_WORDS] = unit.wording.unquotedWords;
    });
  }

  get length(): number {
    return this.classes.length;
  }

  sentence(i: number): number {
    return this.fields[i * FIELDS + SENTENCE];
  }

  /** Words, stop words included. */
  words(i: number): number {
    return this.classes[i].wordCount;
  }

  /** Words outside quotation marks. */
  unquotedWords(i: number): number {
    return this.fields[i * FIELDS + UNQUOTED_WORDS];
  }

  /** From the start of unit `first` to the end of unit `last`. */
  span(first: number, last: number): Span {
    return { start: this.fields[first * FIELDS + START], end: this.fields[last * FIELDS + END] };
  }
}

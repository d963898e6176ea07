import type { TermSet } from './termIndex';

/**
 * Counts the terms each unit of one article shares with each unit of another. The first article's terms
 * are indexed once per check (which of its units hold each term); comparing it with another article then
 * costs that article's term occurrences plus the shared ones, not a merge of every pair of units.
 */
export class SharedTermCounter {
  /** Per term id: the check that last indexed it, and its first occurrence in `occurrenceUnit`. */
  private stamps = new Int32Array(0);
  private heads = new Int32Array(0);
  private occurrenceUnit = new Int32Array(0);
  private occurrenceNext = new Int32Array(0);
  private stamp = 0;
  private units = 0;
  private counts = new Int32Array(0);
  private readonly touched: number[] = [];

  /**
   * Indexes the units of the article being checked; `vocabulary` bounds the term ids, and only terms
   * that `counted` accepts are counted.
   */
  index(units: readonly TermSet[], vocabulary: number, counted: (id: number) => boolean): void {
    if (this.stamps.length < vocabulary) {
      const stamps = new Int32Array(vocabulary * 2);
      stamps.set(this.stamps);
      this.stamps = stamps;
      this.heads = new Int32Array(vocabulary * 2);
    }
    let occurrences = 0;
    for (const unit of units) occurrences += unit.ids.length;
    if (this.occurrenceUnit.length < occurrences) {
      this.occurrenceUnit = new Int32Array(occurrences * 2);
      this.occurrenceNext = new Int32Array(occurrences * 2);
    }
    this.stamp++;
    this.units = units.length;
    let k = 0;
    units.forEach((unit, index) => {
      for (const id of unit.ids) {
        if (!counted(id)) continue;
        if (this.stamps[id] !== this.stamp) {
          this.stamps[id] = this.stamp;
          this.heads[id] = -1;
        }
        this.occurrenceUnit[k] = index;
        this.occurrenceNext[k] = this.heads[id];
        this.heads[id] = k++;
      }
    });
  }

  /** Calls `visit` once per unit `a` of the indexed article and unit `b` of `other` that share a term, with how many they share. */
  forEachShared(other: readonly TermSet[], visit: (a: number, b: number, shared: number) => void): void {
    const width = other.length;
    if (this.counts.length < this.units * width) this.counts = new Int32Array(this.units * width * 2);
    const counts = this.counts;
    const touched = this.touched;
    other.forEach((unit, b) => {
      for (const id of unit.ids) {
        if (id >= this.stamps.length || this.stamps[id] !== this.stamp) continue;
        for (let k = this.heads[id]; k >= 0; k = this.occurrenceNext[k]) {
          const cell = this.occurrenceUnit[k] * width + b;
          if (counts[cell]++ === 0) touched.push(cell);
        }
      }
    });
    for (const cell of touched) {
      const shared = counts[cell];
      counts[cell] = 0;
      visit(Math.floor(cell / width), cell % width, shared);
    }
    touched.length = 0;
  }
}

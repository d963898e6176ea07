/**
 * Per class, how many terms one unit shares with it, while the postings of the unit's terms are read. Class ids are dense, so the tallies are arrays indexed by id; clearing costs only what
 * the last unit touched. Most classes met share a single term, so those met twice are listed apart.
 */
export class SharedTerms {
  private counts = new Int32Array(0);
  /** Per class met, its rank in the order classes were first met. */
  private ranks = new Int32Array(0);
  private touched: number[] = [];
  private repeated: number[] = [];

  /** Makes room for class ids below `bound`. */
  reserve(bound: number): void {
    if (this.counts.length >= bound) return;
    this.counts = new Int32Array(bound * 2);
    this.ranks = new Int32Array(bound * 2);
  }

  add(cls: number): void {
    const count = this.counts[cls]++;
    if (count === 0) {
      this.ranks[cls] = this.touched.length;
      this.touched.push(cls);
    } else if (count === 1) this.repeated.push(cls);
  }

  /**
   * Calls `visit` once per class that shares two terms or more, with their number, in the order the
   * classes were first met.
   */
  forEachRepeated(visit: (cls: number, count: number) => void): void {
    this.repeated.sort((x, y) => this.ranks[x] - this.ranks[y]);
    for (const cls of this.repeated) visit(cls, this.counts[cls]);
  }

  clear(): void {
    for (const cls of this.touched) this.counts[cls] = 0;
    this.touched = [];
    this.repeated = [];
  }
}

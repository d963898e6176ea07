/**
 * Per class, how many terms one unit shares with it and their weight, while the postings of the unit's
 * terms are read. Class ids are dense, so the tallies are arrays indexed by id; clearing costs only what
 * the last unit touched.
 */
export class SharedTerms {
  private counts = new Int32Array(0);
  private weights = new Float64Array(0);
  /** Classes in the order first met, so that what follows does not depend on how the arrays are laid out. */
  private touched: number[] = [];

  /** Makes room for class ids below `bound`. */
  reserve(bound: number): void {
    if (this.counts.length >= bound) return;
    this.counts = new Int32Array(bound * 2);
    this.weights = new Float64Array(bound * 2);
  }

  add(cls: number, weight: number): void {
    if (this.counts[cls]++ === 0) this.touched.push(cls);
    this.weights[cls] += weight;
  }

  /** Calls `visit` once per class met since the last clear, with the shared terms and their weight. */
  forEach(visit: (cls: number, count: number, weight: number) => void): void {
    for (const cls of this.touched) visit(cls, this.counts[cls], this.weights[cls]);
  }

  clear(): void {
    for (const cls of this.touched) {
      this.counts[cls] = 0;
      this.weights[cls] = 0;
    }
    this.touched = [];
  }
}

/**
 * Counts how often each posting (a class id, a small non-negative integer) turns up while the postings
 * of one unit's terms are read. Counts sit in an array indexed by id, so counting costs no hashing, and
 * clearing costs only what the last round touched.
 */
export class PostingCounter {
  private counts = new Int32Array(1024);
  private readonly used: number[] = [];

  /** Counts `hits` for the posting; one not met since the last drain is counted only when `opens`. */
  add(posting: number, hits: number, opens: boolean): void {
    if (posting >= this.counts.length) this.grow(posting);
    if (this.counts[posting] > 0) this.counts[posting] += hits;
    else if (opens) {
      this.counts[posting] = hits;
      this.used.push(posting);
    }
  }

  /** Calls `visit` once per distinct posting counted at least `least` times, then clears. */
  drain(least: number, visit: (posting: number) => void): void {
    const counts = this.counts;
    for (const posting of this.used) {
      const count = counts[posting];
      counts[posting] = 0;
      if (count >= least) visit(posting);
    }
    this.used.length = 0;
  }

  private grow(posting: number): void {
    const counts = new Int32Array(Math.max(posting + 1, this.counts.length * 2));
    counts.set(this.counts);
    this.counts = counts;
  }
}

/**
 * Counts how often each posting turns up while the postings of one unit's terms are read. Postings are
 * numbers beyond the small-integer range, which a Map would box one by one; this open-addressing table
 * keeps them in typed arrays and is cleared in time proportional to what it holds.
 */
export class PostingCounter {
  private keys = new Float64Array(1024).fill(-1);
  private counts = new Int32Array(1024);
  private used: number[] = [];

  add(posting: number): void {
    if (this.used.length * 2 >= this.keys.length) this.grow();
    const slot = this.slotOf(posting);
    if (this.keys[slot] === -1) {
      this.keys[slot] = posting;
      this.used.push(slot);
    }
    this.counts[slot]++;
  }

  /** Calls `visit` once per distinct posting with its count. */
  forEach(visit: (posting: number, count: number) => void): void {
    for (const slot of this.used) visit(this.keys[slot], this.counts[slot]);
  }

  clear(): void {
    for (const slot of this.used) {
      this.keys[slot] = -1;
      this.counts[slot] = 0;
    }
    this.used = [];
  }

  private slotOf(posting: number): number {
    const mask = this.keys.length - 1;
    // Multiplicative hashing of the low and high halves; postings are non-negative integers below 2^53.
    let slot = (Math.imul(posting % 0x100000000, 0x9e3779b1) ^ Math.imul(Math.floor(posting / 0x100000000), 0x85ebca6b)) & mask;
    while (this.keys[slot] !== -1 && this.keys[slot] !== posting) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const entries = this.used.map((slot) => [this.keys[slot], this.counts[slot]] as const);
    this.keys = new Float64Array(this.keys.length * 2).fill(-1);
    this.counts = new Int32Array(this.counts.length * 2);
    this.used = [];
    for (const [posting, count] of entries) {
      const slot = this.slotOf(posting);
      this.keys[slot] = posting;
      this.counts[slot] = count;
      this.used.push(slot);
    }
  }
}

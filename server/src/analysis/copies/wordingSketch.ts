/** Words in a shingle: three are rarely shared by chance, yet survive light editing around them. */
const SHINGLE_WORDS = 3;
/** Shingles kept per unit. */
const SKETCH_SIZE = 4;

/**
 * A fingerprint of a unit's wording: the hashes of a few of its three-word sequences, picked the same way
 * in every unit (the smallest hashes), so that two units keeping most of one wording tend to keep some of
 * the same. A lightly edited copy is found by these even where each of its words is common.
 */
export function wordingSketch(words: readonly string[]): number[] {
  const sketch: number[] = [];
  for (let start = 0; start + SHINGLE_WORDS <= words.length; start++) {
    const hash = shingleHash(words, start);
    if (sketch.length === SKETCH_SIZE && hash >= sketch[SKETCH_SIZE - 1]) continue;
    let at = sketch.length;
    while (at > 0 && sketch[at - 1] > hash) at--;
    if (sketch[at - 1] === hash) continue;
    sketch.splice(at, 0, hash);
    if (sketch.length > SKETCH_SIZE) sketch.pop();
  }
  return sketch;
}

/** FNV-1a over the words of one shingle, finished with MurmurHash3's mixer so that every bit varies. */
function shingleHash(words: readonly string[], start: number): number {
  let hash = 0x811c9dc5;
  for (let w = start; w < start + SHINGLE_WORDS; w++) {
    const word = words[w];
    for (let c = 0; c < word.length; c++) hash = Math.imul(hash ^ word.charCodeAt(c), 0x01000193);
    hash = Math.imul(hash ^ 0x20, 0x01000193);
  }
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/**
 * Classes filed under the shingles of their sketch. Most shingles belong to one wording only, so a lone
 * class id is stored as it is and a list made only when a second wording shares the shingle.
 */
export class SketchIndex {
  private readonly postings = new Map<number, number | number[]>();

  add(cls: number, words: readonly string[]): void {
    for (const hash of wordingSketch(words)) {
      const held = this.postings.get(hash);
      if (held === undefined) this.postings.set(hash, cls);
      else if (typeof held === 'number') this.postings.set(hash, [held, cls]);
      else held.push(cls);
    }
  }

  remove(cls: number, words: readonly string[]): void {
    for (const hash of wordingSketch(words)) {
      const held = this.postings.get(hash);
      if (held === cls) this.postings.delete(hash);
      else if (Array.isArray(held)) {
        const kept = held.filter((c) => c !== cls);
        this.postings.set(hash, kept.length === 1 ? kept[0] : kept);
      }
    }
  }

  /** Calls `visit` with each class filed under the shingle, unless more than `most` are. */
  forEachPosting(hash: number, most: number, visit: (cls: number) => void): void {
    const held = this.postings.get(hash);
    if (typeof held === 'number') visit(held);
    else if (held !== undefined && held.length <= most) for (const cls of held) visit(cls);
  }
}

import type { UnitClass } from './termIndex';

/**
 * Classes by their wording (words, terms and term flags), hashed rather than keyed by a string of the
 * wording, which would hold a second copy of every sentence in the corpus.
 */
export class WordingTable {
  /** A bucket is a class, or the classes whose wordings share a hash. */
  private readonly buckets = new Map<number, UnitClass | UnitClass[]>();

  /** The class whose entries are `data`, laid out as a class's are. */
  find(data: Int32Array, termCount: number): UnitClass | undefined {
    const bucket = this.buckets.get(wordingHash(data, 0, data.length, termCount));
    if (bucket === undefined) return undefined;
    if (!Array.isArray(bucket)) return sameWording(bucket, data, termCount) ? bucket : undefined;
    return bucket.find((cls) => sameWording(cls, data, termCount));
  }

  add(cls: UnitClass): void {
    const hash = classHash(cls);
    const bucket = this.buckets.get(hash);
    if (bucket === undefined) this.buckets.set(hash, cls);
    else if (Array.isArray(bucket)) bucket.push(cls);
    else this.buckets.set(hash, [bucket, cls]);
  }

  delete(cls: UnitClass): void {
    const hash = classHash(cls);
    const bucket = this.buckets.get(hash);
    if (bucket === cls) this.buckets.delete(hash);
    else if (Array.isArray(bucket)) {
      const rest = bucket.filter((other) => other !== cls);
      this.buckets.set(hash, rest.length === 1 ? rest[0] : rest);
    }
  }
}

function sameWording(cls: UnitClass, data: Int32Array, termCount: number): boolean {
  if (cls.termCount !== termCount || cls.termCount + cls.wordCount !== data.length) return false;
  // Terms and words alike: the class's entries from its offset on.
  for (let k = 0; k < data.length; k++) if (cls.data[cls.offset + k] !== data[k]) return false;
  return true;
}

function classHash(cls: UnitClass): number {
  return wordingHash(cls.data, cls.offset, cls.offset + cls.termCount + cls.wordCount, cls.termCount);
}

/** FNV-1a over the values, with the term count mixed in so that terms and words cannot trade places. */
function wordingHash(data: Int32Array, from: number, to: number, termCount: number): number {
  let hash = Math.imul(0x811c9dc5 ^ termCount, 0x01000193);
  for (let k = from; k < to; k++) hash = Math.imul(hash ^ data[k], 0x01000193);
  return hash;
}

/** Two units, one in each of two articles, that read alike. */
export interface UnitPair {
  a: number;
  b: number;
  similarity: number;
  evidence: number;
  /** Wording kept (see `surfaceSimilarity`), worked out only for the pairs that need it. */
  surface?: number;
}

export type WordedPair = UnitPair & { surface: number };

export interface Chain<P extends UnitPair> {
  pairs: P[];
  /** Local alignment score: what the pairs exceed chance similarity by, less the gaps between them. */
  score: number;
}

/** Units a chain may skip on either side between two matches (sentences added or dropped in a rewrite). */
const MAX_STEP = 3;
/**
 * Similarity two sentences on the same subject reach without one being written from the other; each
 * pair in a chain scores what it has above this.
 */
const CHANCE_SIMILARITY = 0.25;
/** Cost of each unit skipped inside a chain. */
const GAP_COST = 0.05;

/**
 * Chains of pairs in the same order on both sides, the strongest first, each pair in one chain at most.
 * A chain is a passage followed sentence by sentence, which a rewrite keeps and independent reporting of
 * the same facts rarely does. Pairs must be sorted by `a`, then `b`.
 */
export function chainPairs<P extends UnitPair>(pairs: P[]): Array<Chain<P>> {
  const best = new Float64Array(pairs.length);
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let p = 0; p < pairs.length; p++) {
    const own = pairs[p].similarity - CHANCE_SIMILARITY;
    best[p] = own;
    for (let q = p - 1; q >= 0 && pairs[q].a >= pairs[p].a - MAX_STEP; q--) {
      const da = pairs[p].a - pairs[q].a;
      const db = pairs[p].b - pairs[q].b;
      if (da < 1 || db < 1 || db > MAX_STEP) continue;
      const score = best[q] + own - GAP_COST * (da - 1 + db - 1);
      if (score > best[p]) {
        best[p] = score;
        previous[p] = q;
      }
    }
  }
  const order = [...pairs.keys()].sort((x, y) => best[y] - best[x] || x - y);
  const used = new Uint8Array(pairs.length);
  const chains: Array<Chain<P>> = [];
  for (const end of order) {
    if (used[end]) continue;
    const chain: P[] = [];
    let p = end;
    for (; p >= 0 && !used[p]; p = previous[p]) {
      used[p] = 1;
      chain.push(pairs[p]);
    }
    // A chain cut short by one taken earlier keeps only what it scored after the cut.
    chains.push({ pairs: chain.reverse(), score: p >= 0 ? best[end] - best[p] : best[end] });
  }
  return chains;
}

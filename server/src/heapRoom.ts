import { getHeapStatistics } from 'node:v8';

/**
 * Share of the heap Node gives old objects past which no further article is indexed. An indexed article
 * keeps about 60 KB there, and checking them all takes about a sixth more; a process whose old objects
 * fill that heap is killed without a word (Node's limit is a quarter of the machine's memory, at most
 * about 4 GB: some 30,000 articles on a machine with 8 GB). Articles past this point are left out
 * instead, and said to be. Measured: with 160 MB for old objects, 3,000 articles ran out of memory at
 * 148 MB; stopping at this share, the same run finished.
 */
const INDEXING_SHARE = 0.7;
/**
 * What Node's heap limit keeps for new objects (three semi-spaces of 16 MB, its default on 64-bit
 * machines): not room for the index, and a large part of a small limit.
 */
const YOUNG_GENERATION = 48 * 1024 * 1024;
const MB = 1024 * 1024;

export interface HeapUse {
  usedMB: number;
  limitMB: number;
}

/** The heap's use when it has no room for more articles; undefined while it has. */
export type HeapCheck = () => HeapUse | undefined;

/** Room for articles while the heap holds less than `limitMB` (0: no limit of one's own), and never past INDEXING_SHARE of Node's. */
export function heapCheckWithin(limitMB: number): HeapCheck {
  return () => {
    const { used_heap_size: used, heap_size_limit: nodeLimit } = getHeapStatistics();
    const oldObjectsLimit = Math.max(nodeLimit / 2, nodeLimit - YOUNG_GENERATION);
    const limit = Math.min(INDEXING_SHARE * oldObjectsLimit, limitMB > 0 ? limitMB * MB : Number.POSITIVE_INFINITY);
    return used > limit ? { usedMB: Math.round(used / MB), limitMB: Math.round(limit / MB) } : undefined;
  };
}

/** Why an article was left out, to follow its name. */
export function leftOutForMemory(use: HeapUse): string {
  return `was not checked: Provenance had reached its memory limit (${use.usedMB} MB in use, limit ${use.limitMB} MB)`;
}

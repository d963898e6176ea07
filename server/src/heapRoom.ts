import { getHeapStatistics } from 'node:v8';

/**
 * Share of Node's heap limit past which no further article is indexed. An indexed article keeps about
 * 60 KB of heap, and checking them all takes about a sixth more; a process that reaches Node's limit is
 * killed without a word (the limit is a quarter of the machine's memory, at most about 4 GB: some 30,000
 * articles on a machine with 8 GB). Articles past this point are left out instead, and said to be.
 */
const INDEXING_SHARE = 0.75;
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
    const limit = Math.min(INDEXING_SHARE * nodeLimit, limitMB > 0 ? limitMB * MB : Number.POSITIVE_INFINITY);
    return used > limit ? { usedMB: Math.round(used / MB), limitMB: Math.round(limit / MB) } : undefined;
  };
}

/** Why an article was left out, to follow its name. */
export function leftOutForMemory(use: HeapUse): string {
  return `was not checked: Provenance had reached its memory limit (${use.usedMB} MB in use, limit ${use.limitMB} MB)`;
}

/**
 * The first index in [low, high) at which `before` turns false, by binary search: `before` must hold
 * for a first stretch of the range and not after it (as "starts before offset" does over spans in
 * order). `high` when it holds throughout.
 */
export function firstIndexNotBefore(low: number, high: number, before: (index: number) => boolean): number {
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}

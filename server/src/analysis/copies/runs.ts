/**
 * Maximal runs of consecutive integers as [first, last], e.g. [1, 2, 3, 7, 8] → [[1, 3], [7, 8]]. Values
 * may come in any order and repeat; `joins` can refuse to join two neighbours.
 */
export function consecutiveRuns(values: Iterable<number>, joins: (previous: number, next: number) => boolean = () => true): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const value of [...new Set(values)].sort((x, y) => x - y)) {
    const last = runs[runs.length - 1];
    if (last && value === last[1] + 1 && joins(last[1], value)) last[1] = value;
    else runs.push([value, value]);
  }
  return runs;
}

export function inRun(value: number, [first, last]: [number, number]): boolean {
  return value >= first && value <= last;
}

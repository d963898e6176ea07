type NumberArray = Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/**
 * A copy of the array with room for index `at` and beyond (twice `at`, so that growing one by one costs
 * little), the new entries set to `fill`.
 */
export function grown<T extends NumberArray>(array: T, at: number, fill = 0): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(1024, at * 2));
  if (fill !== 0) bigger.fill(fill, array.length);
  bigger.set(array as never);
  return bigger;
}

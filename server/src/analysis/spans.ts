import type { Span } from './types';
import { firstIndexNotBefore } from './search';

export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Shrinks a span so it neither starts nor ends with white space. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * A test for whether a span overlaps any of `spans`, answered by binary search: checking each span
 * against every other costs the square of their number, and a text can hold tens of thousands.
 */
export function overlapsAny(spans: readonly Span[]): (span: Span) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  // The furthest end among the spans up to each index: spans starting before a span's end overlap it
  // exactly when one of them ends after its start.
  const furthestEnd: number[] = [];
  for (const [i, span] of sorted.entries()) furthestEnd.push(Math.max(span.end, i > 0 ? furthestEnd[i - 1] : -Infinity));
  return (span) => {
    const low = firstIndexNotBefore(0, sorted.length, (i) => sorted[i].start < span.end);
    return low > 0 && furthestEnd[low - 1] > span.start;
  };
}

import type { Span } from '../extract-types.js';

// Each list sorted once and remembered: the finders ask the same entity list thousands of times.
const sortedLists = new WeakMap<readonly Span[], readonly Span[]>();

function sortedByStart<T extends Span>(spans: readonly T[]): readonly T[] {
  const known = sortedLists.get(spans);
  if (known) return known as readonly T[];
  let sorted = true;
  for (let i = 1; i < spans.length && sorted; i++) sorted = spans[i - 1]!.start <= spans[i]!.start;
  const list = sorted ? spans : [...spans].sort((a, b) => a.start - b.start);
  sortedLists.set(spans, list);
  return list;
}

/**
 * The spans lying wholly inside `[start, end)`, in order of start: what
 * `spans.filter((e) => e.start >= start && e.end <= end)` answers, found by binary search so
 * that asking it once per sentence stays linear in the document.
 *
 * @example spansWithin(entities, sentence.start, sentence.end)
 */
export function spansWithin<T extends Span>(spans: readonly T[], start: number, end: number): T[] {
  const list = sortedByStart(spans);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < list.length && list[i]!.start < end; i++) {
    if (list[i]!.end <= end) out.push(list[i]!);
  }
  return out;
}

/**
 * The span of a sorted, non-overlapping list that contains `[start, end)`, by binary search.
 *
 * @example spanContaining(incident.units, entity.start, entity.end)
 */
export function spanContaining<T extends Span>(
  spans: readonly T[],
  start: number,
  end: number,
): T | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid]!;
    if (span.end < end) lo = mid + 1;
    else if (span.start > start) hi = mid - 1;
    else return span;
  }
  return undefined;
}

import type { CountRange } from './conflict-event-extension.js';

/** How a reported count is bounded: the words of the review form's choice. */
export type CountRangeKind = 'exactly' | 'at least' | 'at most' | 'between' | 'unknown';

/**
 * The kind of a reported count: no range is unknown, an open one "at least", `{min: 0, max}`
 * "at most", equal bounds "exactly", anything else "between".
 *
 * @example toCountRangeKind({ min: 21 }) // 'at least'
 */
export function toCountRangeKind(range: CountRange | null | undefined): CountRangeKind {
  if (!range) return 'unknown';
  if (range.max === undefined) return 'at least';
  if (range.min === range.max) return 'exactly';
  if (range.min === 0) return 'at most';
  return 'between';
}

/**
 * A reported count as every page, the brief, alerts and releases' previews write it: "unknown",
 * "at least 21", "at most 5", "133" or "133–144".
 *
 * @example toCountRangeText({ min: 133, max: 144 }) // '133–144'
 */
export function toCountRangeText(range: CountRange | null | undefined): string {
  const kind = toCountRangeKind(range);
  if (!range || kind === 'unknown') return 'unknown';
  if (kind === 'at least') return `at least ${range.min}`;
  if (kind === 'exactly') return String(range.min);
  if (kind === 'at most') return `at most ${range.max}`;
  return `${range.min}–${range.max}`;
}

/** RFC 3339 UTC timestamp as STIX 2.1 §3.2 defines it (the seconds field allows a leap second). */
const TIMESTAMP_PATTERN =
  /^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)(\.([0-9]+))?Z$/;

/**
 * True when `value` is a STIX timestamp; with `millis`, it must carry at least three fractional
 * digits, as `created` and `modified` must (STIX 2.1 §3.2).
 *
 * @example isStixTimestamp('2024-03-22T18:00:00.000Z', { millis: true }) // true
 */
export function isStixTimestamp(value: unknown, options: { millis?: boolean } = {}): boolean {
  if (typeof value !== 'string' || !TIMESTAMP_PATTERN.test(value)) return false;
  if (!options.millis) return true;
  // `test` rather than `exec`: no match array per call. A valid timestamp's only "." starts its
  // fraction, which runs up to the final "Z".
  const dot = value.indexOf('.');
  return dot > 0 && value.length - dot - 2 >= 3;
}

/**
 * A timestamp rewritten with exactly nine fractional digits, so that versions compare as strings
 * ('…:00.5Z' and '…:00.500Z' are the same instant and sort equal).
 *
 * @example toVersionKey('2024-03-22T18:00:00.5Z') // '2024-03-22T18:00:00.500000000Z'
 */
export function toVersionKey(timestamp: string): string {
  const dot = timestamp.indexOf('.');
  // Milliseconds, the common case (created and modified require them): no slicing and padding.
  if (dot === 19 && timestamp.length === 24) return `${timestamp.slice(0, 23)}000000Z`;
  const base = dot < 0 ? timestamp.slice(0, -1) : timestamp.slice(0, dot);
  const fraction = dot < 0 ? '' : timestamp.slice(dot + 1, -1);
  return `${base}.${fraction.padEnd(9, '0').slice(0, 9)}Z`;
}

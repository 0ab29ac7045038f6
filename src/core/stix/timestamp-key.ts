const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/;

/**
 * A STIX/TAXII timestamp as a fixed-width microsecond key (`2016-11-03T12:30:59.001000Z`), or
 * undefined when the text is not an RFC 3339 UTC timestamp (STIX 2.1 §3.2 requires the `Z`).
 * Keys of equal width compare as text in time order, which is what the collection index relies
 * on; precision below a microsecond is cut (TAXII servers commonly keep microseconds).
 *
 * @example toTimestampKey('2016-11-03T12:30:59Z') // '2016-11-03T12:30:59.000000Z'
 */
export function toTimestampKey(value: string): string | undefined {
  // The objects of one delivery usually share their timestamps (a release stamps every object
  // it builds with the same time), so the last answer is kept: the function is pure.
  if (value === last.value) return last.key;
  const key = computeTimestampKey(value);
  last = { value, key };
  return key;
}

let last: { value: string | undefined; key: string | undefined } = {
  value: undefined,
  key: undefined,
};

function computeTimestampKey(value: string): string | undefined {
  const m = TIMESTAMP.exec(value);
  if (!m) return undefined;
  if (Number.isNaN(Date.parse(`${m[1]}Z`))) return undefined;
  const [date, time] = m[1]!.split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi, s] = time.split(':').map(Number) as [number, number, number];
  // Date.parse rolls 2021-02-30 over to March; a timestamp must name a real instant.
  const check = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || s > 60)
    return undefined;
  const fraction = (m[2] ?? '').padEnd(6, '0').slice(0, 6);
  return `${m[1]}.${fraction}Z`;
}

/**
 * The timestamp key of a Date (microseconds are zero).
 *
 * @example fromDateToTimestampKey(new Date(0)) // '1970-01-01T00:00:00.000000Z'
 */
export function fromDateToTimestampKey(date: Date): string {
  return date.toISOString().replace(/Z$/, '000Z');
}

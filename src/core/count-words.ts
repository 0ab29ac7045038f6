/**
 * A count with its noun in the right number: "1 object", "2 objects", "0 incidents".
 *
 * @example toCountWords(1, 'object') // '1 object'
 * @example toCountWords(3, 'country', 'countries') // '3 countries'
 */
export function toCountWords(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

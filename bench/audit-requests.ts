// What both audit benches send: a search by group name, or a partner's TAXII objects page.

/** The names the benches' actors carry, and the searches ask for. */
export const NAMES = [
  'Brigade',
  'Front',
  'Battalion',
  'Army',
  'Movement',
  'Council',
  'Legion',
  'Union',
];
/** The partner's collection the TAXII pages read. */
export const COLLECTION = 'aaaaaaaa-0000-4000-8000-000000000001';
const TAXII_AUTH = `Basic ${Buffer.from('partner:partner-secret').toString('base64')}`;

export type Target = 'search' | 'taxii';

/**
 * One round's requests for the load process (bench/audit-load.ts): `count` URLs of one kind and
 * the headers they go with.
 *
 * @example send({ ...roundOfRequests(url, 'taxii', 100, token), concurrency: 4 })
 */
export function roundOfRequests(
  url: string,
  target: Target,
  count: number,
  token: string,
): { urls: string[]; headers: Record<string, string> } {
  return target === 'search'
    ? {
        urls: Array.from(
          { length: count },
          (_, i) => `${url}/api/search?q=${NAMES[i % NAMES.length]}&limit=20`,
        ),
        headers: { authorization: `Bearer ${token}` },
      }
    : {
        urls: Array.from(
          { length: count },
          () => `${url}/taxii2/tearline/collections/${COLLECTION}/objects/?limit=50`,
        ),
        headers: { authorization: TAXII_AUTH, accept: 'application/taxii+json;version=2.1' },
      };
}

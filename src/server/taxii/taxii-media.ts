/** The TAXII 2.1 media type, sent on every TAXII response and required on POST (TAXII 2.1 §1.6.8). */
export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';

/** The media type of STIX 2.1 content, listed by collections and manifest records. */
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

/** The STIX media type for a spec version (manifest `media_type`, TAXII 2.1 §5.3.1). */
export function toStixMediaType(specVersion: string): string {
  return `application/stix+json;version=${specVersion}`;
}

interface MediaRange {
  type: string;
  params: Map<string, string>;
}

function parseMediaRange(text: string): MediaRange {
  const [type = '', ...rest] = text.split(';').map((s) => s.trim());
  const params = new Map<string, string>();
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq > 0)
      params.set(
        p.slice(0, eq).trim().toLowerCase(),
        p
          .slice(eq + 1)
          .trim()
          .replace(/^"|"$/g, ''),
      );
  }
  return { type: type.toLowerCase(), params };
}

/** True for `application/taxii+json` with version 2.1 or no version (which means the latest, §1.6.8). */
function isTaxii21(range: MediaRange): boolean {
  if (range.type !== 'application/taxii+json') return false;
  const version = range.params.get('version');
  return version === undefined || version === '2.1';
}

/**
 * True when an Accept header admits TAXII 2.1 responses. Strict as medallion is: only
 * `application/taxii+json` (version 2.1 or none) with a non-zero q counts; a missing header or a
 * wildcard gets 406 (TAXII 2.1 §1.6.8.1: clients send the TAXII media type in Accept).
 *
 * @example isAcceptableTaxii('application/taxii+json;version=2.1') // true
 */
export function isAcceptableTaxii(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((part) => {
    const range = parseMediaRange(part);
    const q = range.params.get('q');
    return isTaxii21(range) && (q === undefined || Number(q) > 0);
  });
}

/**
 * True when a POST's Content-Type is the TAXII 2.1 media type (TAXII 2.1 §5.4; others get 415).
 *
 * @example isTaxiiContentType('application/taxii+json;version=2.1') // true
 */
export function isTaxiiContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && isTaxii21(parseMediaRange(contentType));
}

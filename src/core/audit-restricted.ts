import { AUDITED_MARKING_IDS, isAuditedRead } from './audit.js';
import type { StixObject } from './stix/stix-object.js';

/**
 * The deployment's protected terms (sharing settings) prepared for matching: NFKC, lower case,
 * two characters at least.
 *
 * @example toProtectedMatchers(['Gul Ahmad']) // ['gul ahmad']
 */
export function toProtectedMatchers(terms: readonly string[]): string[] {
  return terms.map((t) => t.normalize('NFKC').trim().toLowerCase()).filter((t) => t.length >= 2);
}

/**
 * Whether an object is on the protected list: its name or one of its aliases holds a protected
 * term (an informant, an operation). `matchers` come from toProtectedMatchers.
 *
 * @example isProtectedObject({ …, name: 'Gul Ahmad' }, ['gul ahmad']) // true
 */
export function isProtectedObject(object: StixObject, matchers: readonly string[]): boolean {
  if (matchers.length === 0) return false;
  const names = [object.name, ...(Array.isArray(object.aliases) ? object.aliases : [])];
  return names.some(
    (n) =>
      typeof n === 'string' && matchers.some((m) => n.normalize('NFKC').toLowerCase().includes(m)),
  );
}

/**
 * Whether reading the object is a restricted read: TLP:AMBER+STRICT, TLP:RED, or protected.
 *
 * @example isRestrictedObject(object, toProtectedMatchers(settings.protectedTerms))
 */
export function isRestrictedObject(object: StixObject, matchers: readonly string[]): boolean {
  return isAuditedRead(object) || isProtectedObject(object, matchers);
}

/**
 * The restricted objects among a list of objects, each id once: what a route that names its
 * answer's objects (a search, a list) returned that must be recorded.
 *
 * @example findRestrictedAmongObjects([redActor, greenActor], []) // [redActor.id]
 */
export function findRestrictedAmongObjects(
  objects: readonly StixObject[],
  matchers: readonly string[],
): string[] {
  const found: string[] = [];
  for (const object of objects) {
    if (isRestrictedObject(object, matchers) && !found.includes(object.id)) found.push(object.id);
  }
  return found;
}

/**
 * A cheap first look at a serialised answer: false means it holds no restricted object whole
 * (no audited marking id and no protected term appears in it), so it need not be parsed.
 *
 * @example mayHoldRestricted(JSON.stringify(page), []) // false for a page without AMBER+STRICT/RED
 */
export function mayHoldRestricted(text: string, matchers: readonly string[]): boolean {
  if (AUDITED_MARKING_IDS.some((id) => text.includes(id))) return true;
  if (matchers.length === 0) return false;
  const lower = text.normalize('NFKC').toLowerCase();
  return matchers.some((m) => lower.includes(m));
}

/**
 * The ids of every restricted STIX object anywhere inside a decoded answer (search results,
 * lists, previews, bundles, TAXII envelopes), each once, in the order met.
 *
 * @example findRestrictedIds({ objects: [redActor, greenActor] }, []) // [redActor.id]
 */
export function findRestrictedIds(value: unknown, matchers: readonly string[]): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (isStixObjectLike(record) && isRestrictedObject(record as StixObject, matchers)) {
      found.add(record.id as string);
    }
    for (const key in record) walk(record[key]);
  };
  walk(value);
  return [...found];
}

function isStixObjectLike(record: Record<string, unknown>): boolean {
  return (
    typeof record.type === 'string' &&
    typeof record.id === 'string' &&
    record.id.startsWith(`${record.type}--`)
  );
}

const STIX_ID =
  /\b[a-z][a-z0-9-]{0,249}--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g;

/**
 * Every STIX id named in a text, each once: what an aggregate answer (a profile, a relationship
 * listing) refers to without carrying the objects' markings.
 *
 * @example findStixIds('{"id":"incident--…"}') // ['incident--…']
 */
export function findStixIds(text: string): string[] {
  return [...new Set(text.match(STIX_ID) ?? [])];
}

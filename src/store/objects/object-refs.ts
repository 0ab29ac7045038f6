import { isStixIdentifier } from '../../core/stix/identifier-check.js';
import { isTlpMarkingId } from '../../core/vocab/tlp.js';
import type { StixObject } from '../../core/stix/stix-object.js';

const ID = /^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F-]{36}$/;

// `isRef` is decided once per property name and carried into its arrays and nested values, so
// the many strings that are not references (names, descriptions, aliases) cost one test each.
function collect(value: unknown, isRef: boolean, out: Set<string>): void {
  if (typeof value === 'string') {
    // The strict identifier check passes for nearly every reference and implies the looser ID.
    if (isRef && (isStixIdentifier(value) || ID.test(value)) && !isTlpMarkingId(value))
      out.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, isRef, out);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key in record) collect(record[key], isRefKey(key), out);
  }
}

const isRefKey = (key: string): boolean => key.endsWith('_ref') || key.endsWith('_refs');

/**
 * Every STIX id an object refers to through a `*_ref` or `*_refs` property, at any depth
 * (granular markings, extensions, evidence spans included), except the well-known TLP markings.
 *
 * @example findReferencedIds(relationship) // Set { 'incident--…', 'threat-actor--…' }
 */
export function findReferencedIds(object: StixObject, out = new Set<string>()): Set<string> {
  const record = object as Record<string, unknown>;
  for (const key in record) {
    if (key !== 'id') collect(record[key], isRefKey(key), out);
  }
  return out;
}

import { isTlpMarkingId } from '../../core/vocab/tlp.js';
import type { StixObject } from '../../core/stix/stix-object.js';

const ID = /^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F-]{36}$/;

function collect(value: unknown, key: string, out: Set<string>): void {
  if (typeof value === 'string') {
    if ((key.endsWith('_ref') || key.endsWith('_refs')) && ID.test(value) && !isTlpMarkingId(value))
      out.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, key, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) collect(v, k, out);
  }
}

/**
 * Every STIX id an object refers to through a `*_ref` or `*_refs` property, at any depth
 * (granular markings, extensions, evidence spans included), except the well-known TLP markings.
 *
 * @example findReferencedIds(relationship) // Set { 'incident--…', 'threat-actor--…' }
 */
export function findReferencedIds(object: StixObject, out = new Set<string>()): Set<string> {
  for (const [key, value] of Object.entries(object)) {
    if (key !== 'id') collect(value, key, out);
  }
  return out;
}

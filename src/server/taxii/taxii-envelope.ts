import { TearlineError } from '../../core/errors.js';
import { SUPPORTED_SPEC_VERSIONS } from '../../core/ports/collection-repository.js';
import { isStixId, typeOfStixId } from '../../core/stix/stix-id.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import { toTimestampKey } from '../../core/stix/timestamp-key.js';

const TYPE = /^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$/;

/**
 * Why a posted object cannot be stored, or undefined when it can: it needs a STIX type, an id of
 * that type (STIX 2.1 §2.9), a supported spec_version and UTC timestamps (§3.2).
 *
 * @example findObjectProblem({ type: 'x' }) // 'The object has no valid STIX id of its type.'
 */
export function findObjectProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'The entry is not a JSON object.';
  const o = value as Record<string, unknown>;
  if (typeof o.type !== 'string' || !TYPE.test(o.type)) return 'The object has no valid STIX type.';
  if (!isStixId(o.id) || typeOfStixId(o.id) !== o.type)
    return 'The object has no valid STIX id of its type.';
  if (
    o.spec_version !== undefined &&
    !(SUPPORTED_SPEC_VERSIONS as readonly unknown[]).includes(o.spec_version)
  )
    return `spec_version must be one of ${SUPPORTED_SPEC_VERSIONS.join(', ')}.`;
  for (const field of ['created', 'modified'] as const) {
    const v = o[field];
    if (v !== undefined && (typeof v !== 'string' || !toTimestampKey(v)))
      return `${field} is not a UTC timestamp.`;
  }
  return undefined;
}

/**
 * The objects of a POSTed TAXII envelope (§3.7); anything else (a bare STIX object, a bundle, a
 * list) gets 422, as medallion answers a bare object.
 *
 * @example parseEnvelopeObjects({ objects: [] }) // []
 */
export function parseEnvelopeObjects(body: unknown): unknown[] {
  if (
    typeof body !== 'object' ||
    body === null ||
    Array.isArray(body) ||
    !Array.isArray((body as { objects?: unknown }).objects)
  ) {
    throw new TearlineError(
      'TEARLINE_E_TAXII_NOT_ENVELOPE',
      'The body must be a TAXII envelope {"objects": [...]}, not a bare object or bundle.',
    );
  }
  return (body as { objects: unknown[] }).objects;
}

/** The version a TAXII resource shows for an object: `modified`, else `created`, else date_added. */
export function displayVersionOf(object: StixObject, dateAdded: string): string {
  return object.modified ?? object.created ?? dateAdded;
}

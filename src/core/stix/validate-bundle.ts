import { IDENTIFIER_PATTERN, describe, isRecord } from './property-checks.js';
import type { StixObject } from './stix-object.js';
import { toVersionKey } from './stix-timestamp.js';
import { validateStixObject } from './validate-stix-object.js';
import type { ValidationIssue } from './validation-issue.js';

/** What validateBundle found: the objects, and every issue with the envelope or any object. */
export interface BundleValidation {
  objects: StixObject[];
  issues: ValidationIssue[];
  /** False when the envelope itself (type, id, spec_version, objects list) is wrong. */
  envelopeValid: boolean;
}

/**
 * What the bundle holds of one id so far: its first version inline, the rare further versions in
 * a map, and the `created` of the first version that has both timestamps.
 */
interface SeenId {
  version: string;
  index: number;
  more?: Map<string, number>;
  // Inline rather than a { created, index } record: one object less per object of the bundle.
  created?: string;
  createdIndex?: number;
}

/** The index of an earlier object with this id and version, or undefined after recording it. */
function findOrAddVersion(entry: SeenId, version: string, index: number): number | undefined {
  if (entry.version === version) return entry.index;
  const earlier = entry.more?.get(version);
  if (earlier !== undefined) return earlier;
  (entry.more ??= new Map()).set(version, index);
  return undefined;
}

/**
 * Checks a parsed STIX 2.1 bundle (§8): the envelope, every object, and that no object version
 * (same id and same `modified`) appears twice.
 *
 * @example const { objects, issues } = validateBundle(JSON.parse(text))
 */
export function validateBundle(value: unknown): BundleValidation {
  const issues: ValidationIssue[] = [];
  if (!isRecord(value)) {
    return {
      objects: [],
      issues: [
        { id: 'bundle', path: '', message: `must be a JSON object, not ${describe(value)}` },
      ],
      envelopeValid: false,
    };
  }
  const bundleId = typeof value.id === 'string' ? value.id : 'bundle';
  const fail = (path: string, message: string) => issues.push({ id: bundleId, path, message });
  if (value.type !== 'bundle') fail('.type', `must be "bundle", not ${describe(value.type)}`);
  if (
    typeof value.id !== 'string' ||
    !IDENTIFIER_PATTERN.test(value.id) ||
    !value.id.startsWith('bundle--')
  )
    fail('.id', `must be bundle--<uuid>, not ${describe(value.id)}`);
  // STIX 2.1 bundles carry no spec_version; a "2.0" here is a STIX 2.0 bundle.
  if (value.spec_version !== undefined && value.spec_version !== '2.1')
    fail(
      '.spec_version',
      `must be absent or "2.1" (got ${describe(value.spec_version)}); convert STIX 2.0 content first`,
    );
  if (value.objects === undefined)
    return { objects: [], issues, envelopeValid: issues.length === 0 };
  if (!Array.isArray(value.objects)) {
    fail('.objects', `must be a list, not ${describe(value.objects)}`);
    return { objects: [], issues, envelopeValid: false };
  }
  if (value.objects.length === 0)
    fail('.objects', 'must not be empty (leave it out for an empty bundle)');
  const envelopeValid = issues.length === 0;
  const seen = new Map<string, SeenId>();
  value.objects.forEach((object: unknown, index: number) => {
    // The position names an object only when its id is unusable; most objects skip the string.
    const usableId = isRecord(object) && typeof object.id === 'string' && object.id.length <= 300;
    const found = validateStixObject(object, usableId ? 'object' : `objects[${index}]`);
    for (const issue of found) issues.push(issue);
    if (found.length > 0 || !isRecord(object)) return;
    const version =
      typeof object.modified === 'string'
        ? toVersionKey(object.modified)
        : typeof object.created === 'string'
          ? toVersionKey(object.created)
          : '';
    let entry = seen.get(object.id as string);
    const first = entry === undefined ? undefined : findOrAddVersion(entry, version, index);
    if (entry === undefined) {
      entry = { version, index };
      seen.set(object.id as string, entry);
    }
    if (first !== undefined) {
      issues.push({
        id: object.id as string,
        path: `objects[${index}]`,
        message: `duplicates objects[${first}] (same id and modified)`,
      });
    }
    // STIX 2.1 §3.6: a new version keeps the `created` of the first.
    if (typeof object.created === 'string' && typeof object.modified === 'string') {
      const earlier = entry.created;
      if (earlier === undefined) {
        entry.created = object.created;
        entry.createdIndex = index;
      } else if (
        earlier !== object.created &&
        toVersionKey(earlier) !== toVersionKey(object.created)
      ) {
        issues.push({
          id: object.id as string,
          path: `objects[${index}].created`,
          message: `differs from objects[${entry.createdIndex}] (versions of one object keep the same created)`,
        });
      }
    }
  });
  return { objects: value.objects as StixObject[], issues, envelopeValid };
}

import {
  checkList,
  checkPropertyNamesAndValues,
  checkRef,
  checkString,
  describe,
  isRecord,
  type Json,
} from './property-checks.js';
import type { IssueCollector } from './validation-issue.js';

const EXTENSION_DEFINITION_KEY =
  /^extension-definition--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
const PREDEFINED_EXTENSION_KEY = /^[a-z][a-z0-9]*(-[a-z0-9]+)*-ext$/;
const SELECTOR = /^([a-z0-9_-]{3,249}(\.(\[\d+\]|[a-z0-9_-]{1,250}))*|id)$/;
const CVE = /^CVE-\d{4}-(0\d{3}|[1-9]\d{3,})$/;
const CAPEC = /^CAPEC-\d+$/;
const URI = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/;
const HASH_PATTERNS: Record<string, RegExp> = {
  MD5: /^[a-fA-F0-9]{32}$/,
  'SHA-1': /^[a-fA-F0-9]{40}$/,
  'SHA-256': /^[a-fA-F0-9]{64}$/,
  'SHA-512': /^[a-fA-F0-9]{128}$/,
  'SHA3-256': /^[a-fA-F0-9]{64}$/,
  'SHA3-512': /^[a-fA-F0-9]{128}$/,
  SSDEEP: /^[a-zA-Z0-9/+:.]{1,128}$/,
  TLSH: /^[a-zA-Z0-9]{70}$/,
};

/** Extension types (STIX 2.1 §7.3, extension-type-enum). */
export const EXTENSION_TYPES = [
  'new-sdo',
  'new-sco',
  'new-sro',
  'property-extension',
  'toplevel-property-extension',
] as const;

/** Property names the specification reserves (§3.1): an object must not carry them. */
const RESERVED_PROPERTIES = ['severity', 'action', 'username', 'phone_numbers'];

/** Checks one external reference (STIX 2.1 §2.5). */
export function checkExternalReference(c: IssueCollector, path: string, value: Json): void {
  if (!isRecord(value)) return c.fail(path, `must be an object, not ${describe(value)}`);
  const { source_name: source, external_id: externalId } = value;
  if (source === undefined) c.fail(`${path}.source_name`, 'is required');
  else checkString(c, `${path}.source_name`, source);
  for (const key of ['description', 'external_id']) {
    if (value[key] !== undefined) checkString(c, `${path}.${key}`, value[key]);
  }
  if (value.url !== undefined && (typeof value.url !== 'string' || !URI.test(value.url)))
    c.fail(`${path}.url`, `must be an absolute URI, not ${describe(value.url)}`);
  if (value.hashes !== undefined) checkHashes(c, `${path}.hashes`, value.hashes);
  // The cve and capec source names fix the form of external_id (STIX 2.1 §2.5.1).
  if (source === 'cve' || source === 'capec') {
    const pattern = source === 'cve' ? CVE : CAPEC;
    if (typeof externalId !== 'string' || !pattern.test(externalId))
      c.fail(
        `${path}.external_id`,
        `must be a ${source.toUpperCase()} id for source_name ${source}`,
      );
  } else {
    if (typeof externalId === 'string' && (CVE.test(externalId) || CAPEC.test(externalId)))
      c.fail(`${path}.source_name`, 'must be cve or capec for a CVE or CAPEC id');
    if (externalId === undefined && value.description === undefined && value.url === undefined)
      c.fail(path, 'needs external_id, description or url besides source_name');
  }
}

/** Checks a hashes dictionary of an external reference (§2.7, hash-algorithm-ov). */
export function checkHashes(c: IssueCollector, path: string, value: Json): void {
  if (!isRecord(value)) return c.fail(path, `must be an object, not ${describe(value)}`);
  const entries = Object.entries(value);
  if (entries.length === 0) c.fail(path, 'must have at least one hash');
  for (const [algorithm, hash] of entries) {
    const pattern = HASH_PATTERNS[algorithm];
    if (!pattern)
      c.fail(
        `${path}.${algorithm}`,
        `is not a hash algorithm of the vocabulary (${Object.keys(HASH_PATTERNS).join(', ')})`,
      );
    else if (typeof hash !== 'string' || !pattern.test(hash))
      c.fail(`${path}.${algorithm}`, `is not a valid ${algorithm} value`);
  }
}

/** Whether a granular-marking selector (§7.2.3.1) names a property that exists in the object. */
function selectorResolves(object: Record<string, Json>, selector: string): boolean {
  let at: Json = object;
  for (const step of selector.split('.')) {
    const index = /^\[(\d+)\]$/.exec(step);
    if (index) {
      if (!Array.isArray(at) || Number(index[1]) >= at.length) return false;
      at = at[Number(index[1])];
    } else {
      if (!isRecord(at) || !(step in at)) return false;
      at = at[step];
    }
  }
  return true;
}

/** Checks granular markings (§7.2.3); selectors must resolve inside the object. */
export function checkGranularMarkings(
  c: IssueCollector,
  path: string,
  value: Json,
  object: Record<string, Json>,
): void {
  checkList(c, path, value, (p, marking) => {
    if (!isRecord(marking)) return c.fail(p, `must be an object, not ${describe(marking)}`);
    if (marking.marking_ref === undefined) c.fail(`${p}.marking_ref`, 'is required');
    else checkRef(c, `${p}.marking_ref`, marking.marking_ref, { allow: ['marking-definition'] });
    if (marking.lang !== undefined) checkString(c, `${p}.lang`, marking.lang);
    if (marking.selectors === undefined) return c.fail(`${p}.selectors`, 'is required');
    checkList(c, `${p}.selectors`, marking.selectors, (sp, selector) => {
      if (typeof selector !== 'string' || !SELECTOR.test(selector))
        c.fail(sp, `is not a selector (property.[index].property), got ${describe(selector)}`);
      else if (!selectorResolves(object, selector))
        c.fail(sp, `selects "${selector}", which the object does not have`);
    });
  });
}

/**
 * Checks an object's `extensions` (§7.3): keys are extension-definition ids (whose value carries
 * `extension_type`) or, where allowed, the predefined `…-ext` names of §6.
 */
export function checkExtensions(
  c: IssueCollector,
  value: Json,
  options: { allowPredefined: boolean },
  checkKnown: (
    c: IssueCollector,
    path: string,
    key: string,
    extension: Record<string, Json>,
  ) => void,
): void {
  const path = '.extensions';
  if (!isRecord(value)) return c.fail(path, `must be an object, not ${describe(value)}`);
  const keys = Object.keys(value);
  if (keys.length === 0) c.fail(path, 'must hold at least one extension');
  for (const key of keys) {
    const p = `${path}.${key}`;
    const extension = value[key];
    if (!isRecord(extension) || Object.keys(extension).length === 0) {
      c.fail(p, `must be an object with properties, not ${describe(extension)}`);
      continue;
    }
    if (EXTENSION_DEFINITION_KEY.test(key)) {
      const type = extension.extension_type;
      if (type === undefined) c.fail(`${p}.extension_type`, 'is required');
      else if (!EXTENSION_TYPES.includes(type as (typeof EXTENSION_TYPES)[number]))
        c.fail(`${p}.extension_type`, `must be one of ${EXTENSION_TYPES.join(', ')}`);
      checkPropertyNamesAndValues(c, p, extension);
      checkKnown(c, p, key, extension);
    } else if (options.allowPredefined && PREDEFINED_EXTENSION_KEY.test(key)) {
      checkPropertyNamesAndValues(c, p, extension);
    } else {
      c.fail(
        p,
        'extension keys are extension-definition ids (or, on observables, predefined …-ext names)',
      );
    }
  }
}

/** The extension types an object declares through its extension-definition extensions. */
export function declaredExtensionTypes(object: Record<string, Json>): string[] {
  if (!isRecord(object.extensions)) return [];
  return Object.entries(object.extensions)
    .filter(([key, v]) => EXTENSION_DEFINITION_KEY.test(key) && isRecord(v))
    .map(([, v]) => (v as Record<string, Json>).extension_type)
    .filter((t): t is string => typeof t === 'string');
}

/** The reserved property names (§3.1) present on the object. */
export function checkReservedProperties(c: IssueCollector, object: Record<string, Json>): void {
  for (const name of RESERVED_PROPERTIES) {
    if (object[name] !== undefined) c.fail(`.${name}`, 'is a reserved property name in STIX 2.1');
  }
}

import { isStixIdentifier } from './identifier-check.js';
import { isStixTimestamp } from './stix-timestamp.js';
import type { IssueCollector } from './validation-issue.js';

/** The identifier pattern of the official schemas (common/identifier.json). */
export const IDENTIFIER_PATTERN =
  /^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
/** STIX 2.1 §3.1 type names: a–z, 0–9 and hyphen, 3–250 characters. */
export const TYPE_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*-?$/;
const BASE64 = /^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)$/;
const HEX = /^([a-fA-F0-9]{2})+$/;
/** STIX 2.1 §3.1 property names: a–z, 0–9 and underscore, 3–250 characters, or `id`. */
const PROPERTY_NAME = /^([a-z][a-z0-9_]{2,249}|id)$/;
const DICTIONARY_KEY = /^[a-zA-Z0-9_-]{0,250}$/;

export type Json = unknown;

export function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describe(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string'
    ? `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`
    : typeof value;
}

export function checkString(c: IssueCollector, path: string, value: Json): void {
  if (typeof value !== 'string') c.fail(path, `must be a string, not ${describe(value)}`);
}

export function checkBoolean(c: IssueCollector, path: string, value: Json): void {
  if (typeof value !== 'boolean') c.fail(path, `must be true or false, not ${describe(value)}`);
}

export function checkTimestamp(c: IssueCollector, path: string, value: Json, millis = false): void {
  if (!isStixTimestamp(value, { millis })) {
    c.fail(
      path,
      millis
        ? `must be a UTC timestamp with milliseconds (2024-03-22T18:00:00.000Z), not ${describe(value)}`
        : `must be a UTC timestamp (2024-03-22T18:00:00Z), not ${describe(value)}`,
    );
  }
}

export function checkNumber(
  c: IssueCollector,
  path: string,
  value: Json,
  range: { integer?: boolean; min?: number; max?: number } = {},
): void {
  const kind = range.integer ? 'an integer' : 'a number';
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    (range.integer && !Number.isInteger(value))
  ) {
    c.fail(path, `must be ${kind}, not ${describe(value)}`);
  } else if (
    (range.min !== undefined && value < range.min) ||
    (range.max !== undefined && value > range.max)
  ) {
    c.fail(path, `must be ${kind} from ${range.min ?? '−∞'} to ${range.max ?? '∞'}, not ${value}`);
  }
}

/** A non-empty array whose items each pass `item`. */
export function checkList(
  c: IssueCollector,
  path: string,
  value: Json,
  item: (path: string, value: Json) => void,
): void {
  if (!Array.isArray(value)) return c.fail(path, `must be a list, not ${describe(value)}`);
  if (value.length === 0) return c.fail(path, 'must not be an empty list (leave the property out)');
  value.forEach((v, i) => item(`${path}[${i}]`, v));
}

export function checkStringList(c: IssueCollector, path: string, value: Json): void {
  if (!Array.isArray(value)) return c.fail(path, `must be a list, not ${describe(value)}`);
  if (value.length === 0) return c.fail(path, 'must not be an empty list (leave the property out)');
  // A loop rather than checkList: item paths are built only for the items that fail.
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== 'string') checkString(c, `${path}[${i}]`, value[i]);
  }
}

/** A STIX identifier, optionally restricted to some types (`allow`) or barred from some (`deny`). */
export function checkRef(
  c: IssueCollector,
  path: string,
  value: Json,
  rule: { allow?: readonly string[]; deny?: readonly string[] } = {},
): void {
  if (typeof value !== 'string' || !isStixIdentifier(value)) {
    return c.fail(path, `must be a STIX id (<type>--<uuid>), not ${describe(value)}`);
  }
  if (rule.allow === undefined && rule.deny === undefined) return;
  const type = value.slice(0, value.indexOf('--'));
  if (rule.allow && !rule.allow.includes(type)) {
    c.fail(path, `must refer to ${rule.allow.join(' or ')}, not ${type}`);
  } else if (rule.deny?.includes(type)) {
    c.fail(path, `must not refer to a ${type}`);
  }
}

const NO_RULE = {};

export function checkRefList(
  c: IssueCollector,
  path: string,
  value: Json,
  rule: { allow?: readonly string[]; deny?: readonly string[] } = NO_RULE,
): void {
  if (!Array.isArray(value)) return c.fail(path, `must be a list, not ${describe(value)}`);
  if (value.length === 0) return c.fail(path, 'must not be an empty list (leave the property out)');
  // Valid items cost no path string; checkRef builds it again only for an item that fails.
  for (let i = 0; i < value.length; i++) {
    const item: Json = value[i];
    if (typeof item === 'string' && isStixIdentifier(item) && !rule.allow && !rule.deny) continue;
    checkRef(c, `${path}[${i}]`, item, rule);
  }
}

export function checkKillChainPhases(c: IssueCollector, path: string, value: Json): void {
  checkList(c, path, value, (p, v) => {
    if (!isRecord(v)) return c.fail(p, `must be an object, not ${describe(v)}`);
    for (const key of ['kill_chain_name', 'phase_name']) {
      if (v[key] === undefined) c.fail(`${p}.${key}`, 'is required');
      else checkString(c, `${p}.${key}`, v[key]);
    }
  });
}

/** A STIX dictionary (§3.3): at least one key, keys of a–z A–Z 0–9 _ -, no null or empty list values. */
export function checkDictionary(c: IssueCollector, path: string, value: Json): void {
  if (!isRecord(value)) return c.fail(path, `must be an object, not ${describe(value)}`);
  const keys = Object.keys(value);
  if (keys.length === 0) return c.fail(path, 'must have at least one key');
  for (const key of keys) {
    if (!DICTIONARY_KEY.test(key))
      c.fail(`${path}.${key}`, 'dictionary keys use only a-z A-Z 0-9 _ -');
    else checkPresentValue(c, `${path}.${key}`, value[key]);
  }
}

/** STIX 2.1 §3.1: no null values and no empty lists (optional properties are left out instead). */
export function checkPresentValue(c: IssueCollector, path: string, value: Json): void {
  if (value === null) c.fail(path, 'must not be null (leave the property out)');
  else if (Array.isArray(value) && value.length === 0)
    c.fail(path, 'must not be an empty list (leave the property out)');
}

/**
 * The rules every property of an object (or of an extension) follows: its name (§3.1), no null or
 * empty list, `_bin` values in base64 and `_hex` values in hex (§2.1).
 */
export function checkPropertyNamesAndValues(
  c: IssueCollector,
  path: string,
  object: Record<string, Json>,
): void {
  // Paths are built only on failure: this runs for every property of every imported object.
  for (const name in object) {
    const value = object[name];
    if (!isPropertyName(name)) {
      c.fail(
        `${path}.${name}`,
        'property names use only a-z, 0-9 and _ and are 3 to 250 characters long',
      );
      continue;
    }
    if (value === null || (Array.isArray(value) && value.length === 0))
      checkPresentValue(c, `${path}.${name}`, value);
    if (name.endsWith('_bin') && (typeof value !== 'string' || !BASE64.test(value)))
      c.fail(`${path}.${name}`, 'must be a base64 string');
    if (name.endsWith('_hex') && (typeof value !== 'string' || !HEX.test(value)))
      c.fail(`${path}.${name}`, 'must be a string of hex digit pairs');
  }
}

const knownNames = new Set<string>();

/** PROPERTY_NAME, remembered for the few thousand names a store sees over and over. */
function isPropertyName(name: string): boolean {
  if (knownNames.has(name)) return true;
  if (!PROPERTY_NAME.test(name)) return false;
  if (knownNames.size < 10_000) knownNames.add(name);
  return true;
}

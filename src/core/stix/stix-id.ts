import type { IdSource } from '../clock.js';

/**
 * A STIX identifier `<type>--<uuid>`, branded by its type so that a `StixId<'incident'>` cannot be
 * passed where a `StixId<'threat-actor'>` is expected.
 */
export type StixId<T extends string = string> = `${T}--${string}` & { readonly __stixId?: T };

const ID_PATTERN =
  /^([a-z][a-z0-9-]*[a-z0-9])--([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$/;

/** True when `value` is a well-formed STIX id (STIX 2.1 §2.9), optionally of the given type. */
export function isStixId<T extends string>(value: unknown, type?: T): value is StixId<T> {
  if (typeof value !== 'string') return false;
  const m = ID_PATTERN.exec(value);
  return m !== null && (type === undefined || m[1] === type);
}

/** The type part of a STIX id (`incident--…` → `incident`). */
export function typeOfStixId(id: string): string {
  const at = id.indexOf('--');
  return at < 0 ? '' : id.slice(0, at);
}

/**
 * A new STIX id of the given type from the injected id source.
 *
 * @example createStixId('incident', randomIds) // 'incident--6f1c…'
 */
export function createStixId<T extends string>(type: T, ids: IdSource): StixId<T> {
  return `${type}--${ids.uuid()}` as StixId<T>;
}

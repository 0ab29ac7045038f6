import type { StixObject } from './stix-object.js';

/**
 * The spec version of a stored object: its `spec_version`, else 2.0 for objects with `created`
 * (STIX 2.0 SDOs/SROs carried none) and 2.1 for SCOs (STIX 2.1 §3.1 lets SCOs omit it).
 *
 * @example specVersionOf({ type: 'ipv4-addr', id: 'ipv4-addr--…', value: '10.0.0.1' }) // '2.1'
 */
export function specVersionOf(object: StixObject): string {
  if (typeof object.spec_version === 'string') return object.spec_version;
  return object.created === undefined ? '2.1' : '2.0';
}

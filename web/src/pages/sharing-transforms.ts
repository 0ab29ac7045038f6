import { TRANSFORM_CHOICES } from './sharing-types.js';

type TransformJson = Record<string, unknown>;

/**
 * Whether two transform descriptions are the same transform (same kind, same parameters).
 *
 * @example sameTransform({ kind: 'coarsen-date', to: 'month' }, { to: 'month', kind: 'coarsen-date' }) // true
 */
export function sameTransform(a: TransformJson, b: TransformJson): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * A transform in an analyst's words, lower case, for a sentence or a list.
 *
 * @example describeTransform({ kind: 'strip-sources' }) // 'drop sources and methods'
 */
export function describeTransform(t: TransformJson): string {
  const choice = TRANSFORM_CHOICES.find((c) => sameTransform(c.transform, t));
  if (choice) return choice.label.charAt(0).toLowerCase() + choice.label.slice(1);
  const kind = String(t.kind).replace(/-/g, ' ');
  return typeof t.to === 'string' ? `${kind} to the ${t.to}` : kind;
}

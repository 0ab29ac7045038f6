import { TearlineError } from '../core/errors.js';

/**
 * One tearline transform, declarative and JSON-describable. A release applies a list of them;
 * they compose in any order (span redactions always apply first, to the source text they cite).
 */
export type Transform =
  | { kind: 'strip-sources' }
  | { kind: 'coarsen-place'; to: 'admin1' | 'country' }
  | { kind: 'coarsen-date'; to: 'month' | 'year' }
  | { kind: 'remove-person-names'; names?: string[] }
  | { kind: 'confidence-floor'; min: number; dropUnrated?: boolean }
  | { kind: 'redact-text'; phrases: string[] }
  | { kind: 'redact-span'; objectId: string; property: string; start: number; end: number };

/** The kinds of transform, for help texts and the API's schema. */
export const TRANSFORM_KINDS = [
  'strip-sources',
  'coarsen-place',
  'coarsen-date',
  'remove-person-names',
  'confidence-floor',
  'redact-text',
  'redact-span',
] as const;

function bad(index: number, message: string): TearlineError {
  return new TearlineError(
    'TEARLINE_E_SHARING_BAD_TRANSFORM',
    `Transform ${index + 1} is not valid: ${message}`,
    { kind: 'input', details: [{ path: `[${index}]`, message }] },
  );
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '');
}

/**
 * Checks a JSON list of transform descriptions and returns them typed; throws an input error
 * naming the first bad one.
 *
 * @example parseTransforms([{ kind: 'coarsen-place', to: 'country' }, { kind: 'strip-sources' }])
 */
export function parseTransforms(value: unknown): Transform[] {
  if (!Array.isArray(value)) {
    throw new TearlineError(
      'TEARLINE_E_SHARING_BAD_TRANSFORM',
      'Transforms must be a JSON list such as [{"kind":"strip-sources"}].',
    );
  }
  return value.map((raw, i) => parseOne(raw, i));
}

function parseOne(raw: unknown, i: number): Transform {
  if (raw === null || typeof raw !== 'object') throw bad(i, 'expected an object with a "kind".');
  const t = raw as Record<string, unknown>;
  switch (t.kind) {
    case 'strip-sources':
      return { kind: 'strip-sources' };
    case 'coarsen-place':
      if (t.to !== 'admin1' && t.to !== 'country') throw bad(i, '"to" must be admin1 or country.');
      return { kind: 'coarsen-place', to: t.to };
    case 'coarsen-date':
      if (t.to !== 'month' && t.to !== 'year') throw bad(i, '"to" must be month or year.');
      return { kind: 'coarsen-date', to: t.to };
    case 'remove-person-names':
      if (t.names !== undefined && !isStringList(t.names)) {
        throw bad(i, '"names" must be a list of names.');
      }
      return t.names === undefined
        ? { kind: 'remove-person-names' }
        : { kind: 'remove-person-names', names: t.names };
    case 'confidence-floor':
      if (typeof t.min !== 'number' || !Number.isInteger(t.min) || t.min < 0 || t.min > 100) {
        throw bad(i, '"min" must be an integer from 0 to 100.');
      }
      if (t.dropUnrated !== undefined && typeof t.dropUnrated !== 'boolean') {
        throw bad(i, '"dropUnrated" must be true or false.');
      }
      return { kind: 'confidence-floor', min: t.min, dropUnrated: t.dropUnrated === true };
    case 'redact-text':
      if (!isStringList(t.phrases) || t.phrases.length === 0) {
        throw bad(i, '"phrases" must be a non-empty list of phrases.');
      }
      return { kind: 'redact-text', phrases: t.phrases };
    case 'redact-span': {
      const { objectId, property, start, end } = t;
      if (typeof objectId !== 'string' || typeof property !== 'string') {
        throw bad(i, '"objectId" and "property" must be strings.');
      }
      if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0) {
        throw bad(i, '"start" and "end" must be character offsets.');
      }
      if ((end as number) <= (start as number)) throw bad(i, '"end" must be after "start".');
      return {
        kind: 'redact-span',
        objectId,
        property,
        start: start as number,
        end: end as number,
      };
    }
    default:
      throw bad(
        i,
        `unknown kind ${JSON.stringify(t.kind)}; use one of ${TRANSFORM_KINDS.join(', ')}.`,
      );
  }
}

import type { StixObject } from '../core/stix/stix-object.js';

/** Properties whose references an object cannot live without (STIX 2.1 required properties). */
const REQUIRED_REFS: Readonly<Record<string, readonly string[]>> = {
  relationship: ['source_ref', 'target_ref'],
  sighting: ['sighting_of_ref'],
};
/** Types whose `object_refs` is required and must not be empty (STIX 2.1 §4). */
const REQUIRED_OBJECT_REFS = new Set(['report', 'grouping', 'note', 'opinion', 'observed-data']);

const STIX_ID_TOKEN =
  /\b[a-z][a-z0-9-]*[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g;

/**
 * Why an object must be withheld because of what it references, or undefined: a relationship or
 * sighting whose required end is not released, a container left with no released `object_refs`.
 *
 * @example findMissingReference(relationship, releasedIds) // 'target_ref points at an object that is not released'
 */
export function findMissingReference(
  object: StixObject,
  released: ReadonlySet<string>,
): string | undefined {
  for (const key of REQUIRED_REFS[object.type] ?? []) {
    const ref = object[key];
    if (typeof ref !== 'string' || !released.has(ref)) {
      return `${key} points at an object that is not released`;
    }
  }
  if (REQUIRED_OBJECT_REFS.has(object.type)) {
    const refs = Array.isArray(object.object_refs) ? object.object_refs : [];
    if (!refs.some((r) => typeof r === 'string' && released.has(r))) {
      return 'none of its object_refs is released';
    }
  }
  return undefined;
}

/** How ids are rewritten: released internal ids map to new ids; public ids stay; others go. */
export interface IdRewrite {
  /** Internal id → released id, for the objects in the release. */
  map: ReadonlyMap<string, string>;
  /** Ids that may appear as they are (TLP and IEP markings, our organisation, extension definitions). */
  isPublic(id: string): boolean;
}

/**
 * Rewrites every reference of an object (deeply: `*_ref`, `*_refs`, ids inside text and as keys)
 * for the release: released targets get their new ids, public ids stay, and any other reference
 * is removed so nothing is left pointing at what the partner may not see.
 *
 * @example rewriteReferences(object, rewrite, changes)
 */
export function rewriteReferences(
  object: StixObject,
  rewrite: IdRewrite,
  changes: string[],
): StixObject {
  const state: RewriteState = { rewrite, removed: 0 };
  const result = visit(state, object) as StixObject;
  if (state.removed > 0) {
    changes.push(`removed ${state.removed} reference(s) to objects that are not released`);
  }
  return result;
}

interface RewriteState {
  rewrite: IdRewrite;
  removed: number;
}

// Module-level functions rather than closures: this runs for every property of every object.
function mapId(state: RewriteState, id: string): string | undefined {
  const mapped = state.rewrite.map.get(id) ?? (state.rewrite.isPublic(id) ? id : undefined);
  if (mapped === undefined) state.removed += 1;
  return mapped;
}

function mapText(state: RewriteState, text: string): string {
  if (!text.includes('--')) return text;
  return text.replace(STIX_ID_TOKEN, (token) => mapId(state, token) ?? '[withheld]');
}

function isIdToken(text: string): boolean {
  if (!text.includes('--')) return false;
  STIX_ID_TOKEN.lastIndex = 0;
  const found = STIX_ID_TOKEN.test(text);
  STIX_ID_TOKEN.lastIndex = 0;
  return found;
}

function visit(state: RewriteState, value: unknown): unknown {
  if (typeof value === 'string') return mapText(state, value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => visit(state, v));
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const rawKey in record) {
    const v = record[rawKey];
    let key = rawKey;
    if (isIdToken(rawKey)) {
      const mapped = mapId(state, rawKey);
      if (mapped === undefined) continue;
      key = mapped;
    }
    if (typeof v === 'string' && key.endsWith('_ref')) {
      const mapped = mapId(state, v);
      if (mapped !== undefined) out[key] = mapped;
    } else if (Array.isArray(v) && key.endsWith('_refs')) {
      const kept: string[] = [];
      for (const r of v) {
        const mapped = typeof r === 'string' ? mapId(state, r) : undefined;
        if (mapped !== undefined) kept.push(mapped);
        else if (typeof r !== 'string') state.removed += 1;
      }
      if (kept.length > 0) out[key] = kept;
    } else {
      out[key] = visit(state, v);
    }
  }
  return out;
}

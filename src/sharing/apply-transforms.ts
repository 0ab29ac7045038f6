import type { StixObject } from '../core/stix/stix-object.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../core/stix/conflict-event-extension.js';
import type { Transform } from './transform.js';
import type { ProseRecognisers } from '../core/ports/prose-recognisers.js';
import { coarsePlaceNames } from './coarse-place-names.js';
import { renameFromCoarseFacts } from './coarse-incident-name.js';
import {
  REDACTION_MARK,
  planProse,
  planTouchesProse,
  rewriteObjectProse,
  type ProsePlan,
} from './prose.js';

/** What the transforms know about the whole selection (person names, source identities). */
export interface TransformContext {
  /** Ids of identities that are sources (referenced as created_by_ref by selected objects). */
  sourceIdentityIds: ReadonlySet<string>;
  /** What the transforms do to free text (prose.ts). */
  prose: ProsePlan;
}

/** The outcome for one object: its transformed copy (internal ids still) or why it was dropped. */
export interface TransformOutcome {
  object?: StixObject;
  dropped?: string;
  changes: string[];
}

const STIX_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const PLACE_DETAIL_KEYS = [
  'latitude',
  'longitude',
  'precision',
  'street_address',
  'postal_code',
  'city',
  'location_name',
];

/**
 * The context of a selection: the identities that other selected objects cite as their creator
 * (sources), and the plan for free text, which knows the names of the person identities in the
 * selection, its place names finer than a coarsen-place target and the deployment's protected
 * terms, and reads text with the extractor's recognisers when they are given.
 *
 * @example createTransformContext(objects, transforms, { recognisers, protectedTerms: [] })
 */
export function createTransformContext(
  objects: readonly StixObject[],
  transforms: readonly Transform[],
  options: { recognisers?: ProseRecognisers; protectedTerms?: readonly string[] } = {},
): TransformContext {
  const persons: string[] = [];
  for (const o of objects) {
    if (isPerson(o) && typeof o.name === 'string' && o.name.trim() !== '') persons.push(o.name);
  }
  const sources = new Set<string>();
  for (const o of objects) if (typeof o.created_by_ref === 'string') sources.add(o.created_by_ref);
  const prose = planProse(
    transforms,
    {
      persons,
      places: coarsePlaceNames(objects, transforms),
      protectedTerms: options.protectedTerms ?? [],
    },
    options.recognisers,
  );
  return { sourceIdentityIds: sources, prose };
}

function isPerson(o: StixObject): boolean {
  return o.type === 'identity' && o.identity_class === 'individual';
}

/**
 * Applies a release's transforms to one object: either drops it (with the reason) or returns a
 * transformed deep copy and a note for each change.
 *
 * @example applyTransforms(incident, [{ kind: 'coarsen-date', to: 'year' }], context)
 */
export function applyTransforms(
  source: StixObject,
  transforms: readonly Transform[],
  context: TransformContext,
): TransformOutcome {
  const changes: string[] = [];
  for (const t of transforms) {
    const reason = dropReason(source, t, context);
    if (reason !== undefined) return { dropped: reason, changes };
  }
  // A JSON round trip is the fastest deep copy of plain STIX data (and drops undefined).
  let object = JSON.parse(JSON.stringify(source)) as StixObject;
  // Span offsets cite the source text, so they apply before anything shifts it.
  for (const t of transforms) {
    if (t.kind === 'redact-span' && t.objectId === source.id) redactSpan(object, t, changes);
  }
  for (const t of transforms) {
    switch (t.kind) {
      case 'strip-sources': {
        if (object.external_references !== undefined) {
          delete object.external_references;
          changes.push('removed external references');
        }
        // Other tools' custom properties (x_misp_*, x_opencti_*…) often carry provenance.
        const custom = Object.keys(object).filter((k) => k.startsWith('x_'));
        for (const key of custom) delete object[key];
        if (custom.length > 0)
          changes.push(`removed custom properties (${custom.sort().join(', ')})`);
        break;
      }
      case 'coarsen-place':
        object = coarsenPlace(object, t.to, changes);
        break;
      case 'coarsen-date':
        coarsenDates(object, t.to, changes);
        break;
      default:
        break;
    }
  }
  // Free text: every transform's rules for prose at once, over every text value and key.
  if (planTouchesProse(context.prose)) changes.push(...rewriteObjectProse(object, context.prose));
  if (transforms.some((t) => t.kind === 'coarsen-place' || t.kind === 'coarsen-date')) {
    const renamed = renameFromCoarseFacts(object, transforms);
    if (renamed !== undefined && renamed !== object.name) {
      object.name = renamed;
      changes.push('renamed from its coarsened place and date');
    }
  }
  if (object.type === 'location' && !isValidLocation(object)) {
    return { dropped: 'coarsening left no region, country or coordinates', changes };
  }
  return { object, changes };
}

function dropReason(o: StixObject, t: Transform, context: TransformContext): string | undefined {
  switch (t.kind) {
    case 'strip-sources':
      if (o.type === 'report') return 'a report is a source (strip-sources)';
      if (o.type === 'identity' && context.sourceIdentityIds.has(o.id)) {
        return 'a source identity (strip-sources)';
      }
      if (o.type === 'note' && Array.isArray(o.labels) && o.labels.includes('internal')) {
        return 'a note labelled internal (strip-sources)';
      }
      return undefined;
    case 'remove-person-names':
      return isPerson(o) ? 'a person (remove-person-names)' : undefined;
    case 'confidence-floor':
      if (typeof o.confidence === 'number') {
        return o.confidence < t.min ? `confidence ${o.confidence} is below ${t.min}` : undefined;
      }
      return t.dropUnrated === true && isDomainObject(o)
        ? 'no confidence (confidence-floor)'
        : undefined;
    default:
      return undefined;
  }
}

function isDomainObject(o: StixObject): boolean {
  return o.created !== undefined;
}

function redactSpan(
  object: StixObject,
  t: Extract<Transform, { kind: 'redact-span' }>,
  changes: string[],
): void {
  const text = object[t.property];
  if (typeof text !== 'string' || t.start >= text.length) return;
  object[t.property] =
    text.slice(0, t.start) + REDACTION_MARK + text.slice(Math.min(t.end, text.length));
  changes.push(`redacted ${t.property}[${t.start}:${t.end}]`);
}

function coarsenPlace(object: StixObject, to: 'admin1' | 'country', changes: string[]): StixObject {
  const removed = new Set<string>();
  const strip = (record: Record<string, unknown>, extraKeys: readonly string[]) => {
    for (const key of [...PLACE_DETAIL_KEYS, ...extraKeys]) {
      if (key in record) {
        delete record[key];
        removed.add(key);
      }
    }
  };
  const extra = to === 'country' ? ['administrative_area', 'admin1'] : [];
  if (object.type === 'location') {
    strip(object, extra);
    if ('description' in object) {
      delete object.description;
      removed.add('description');
    }
    const label = [object.administrative_area, object.country ?? object.region].filter(
      (v): v is string => typeof v === 'string',
    );
    if (typeof object.name === 'string' || removed.size > 0) {
      if (label.length > 0) object.name = label.join(', ');
      else delete object.name;
    }
  } else {
    for (const key of ['latitude', 'longitude', 'precision', 'street_address']) {
      if (key in object) {
        delete object[key];
        removed.add(key);
      }
    }
  }
  const event = object.extensions?.[CONFLICT_EVENT_EXTENSION_ID];
  if (event !== undefined) {
    const before = removed.size;
    strip(event, extra);
    if (removed.size > before || event.geo_precision !== undefined) event.geo_precision = 3;
  }
  if (removed.size > 0)
    changes.push(`coarsened place to ${to} (removed ${[...removed].sort().join(', ')})`);
  return object;
}

function coarsenDates(object: StixObject, to: 'month' | 'year', changes: string[]): void {
  const touched = new Set<string>();
  const visit = (record: Record<string, unknown>, path: string) => {
    for (const [key, value] of Object.entries(record)) {
      if (key === 'created' || key === 'modified') continue;
      if (typeof value === 'string') {
        const m = STIX_TIMESTAMP.exec(value);
        if (m) {
          const next = `${m[1]}-${to === 'year' ? '01' : m[2]}-01T00:00:00.000Z`;
          if (next !== value) touched.add(path + key);
          record[key] = next;
        } else if (key === 'event_date' && /^\d{4}(-\d{2}){0,2}$/.test(value)) {
          const next = to === 'year' ? value.slice(0, 4) : value.slice(0, 7);
          if (next !== value) touched.add(path + key);
          record[key] = next;
        }
      } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        visit(value as Record<string, unknown>, `${path}${key}.`);
      }
    }
    if ('event_date' in record && 'time_precision' in record) record.time_precision = 3;
  };
  visit(object, '');
  if (touched.size > 0)
    changes.push(`coarsened dates to ${to} (${[...touched].sort().join(', ')})`);
}

function isValidLocation(o: StixObject): boolean {
  return (
    typeof o.region === 'string' ||
    typeof o.country === 'string' ||
    (typeof o.latitude === 'number' && typeof o.longitude === 'number')
  );
}

import type { StixObject } from '../core/stix/stix-object.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../core/stix/conflict-event-extension.js';
import type { Transform } from './transform.js';
import { coarsenDatesInText, placeWithholder } from './coarsen-text.js';
import { coarsePlaceNames } from './coarse-place-names.js';
import { renameFromCoarseFacts } from './coarse-incident-name.js';

/** What the transforms know about the whole selection (person names, source identities). */
export interface TransformContext {
  /** Names to remove from text (persons in the selection and names given by the transform). */
  personNames: readonly string[];
  /** Ids of identities that are sources (referenced as created_by_ref by selected objects). */
  sourceIdentityIds: ReadonlySet<string>;
  /** Rewrites the selection's place names finer than a coarsen-place target in free text. */
  withholdPlaces?: (text: string) => string;
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
const NAME_MARK = '[name withheld]';
const REDACTION_MARK = '[redacted]';

/**
 * The context of a selection: names of the person identities in it (plus given names) and the
 * identities that other selected objects cite as their creator (sources).
 *
 * @example createTransformContext(objects, transforms).personNames
 */
export function createTransformContext(
  objects: readonly StixObject[],
  transforms: readonly Transform[],
): TransformContext {
  const names = new Set<string>();
  for (const t of transforms) {
    if (t.kind === 'remove-person-names') for (const n of t.names ?? []) names.add(n);
  }
  if (transforms.some((t) => t.kind === 'remove-person-names')) {
    for (const o of objects) {
      if (isPerson(o) && typeof o.name === 'string' && o.name.trim() !== '') names.add(o.name);
    }
  }
  const sources = new Set<string>();
  for (const o of objects) if (typeof o.created_by_ref === 'string') sources.add(o.created_by_ref);
  // Longest first, so that "Abu Bakr al-Baghdadi" is removed before "al-Baghdadi".
  const places = placeWithholder(coarsePlaceNames(objects, transforms));
  return {
    personNames: [...names].sort((a, b) => b.length - a.length),
    sourceIdentityIds: sources,
    ...(places ? { withholdPlaces: places } : {}),
  };
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
        if (context.withholdPlaces !== undefined)
          rewriteText(
            object,
            context.withholdPlaces,
            'withheld place names in text',
            changes,
            ACTOR_TYPES.has(object.type) ? ['name', 'aliases'] : [],
          );
        break;
      case 'coarsen-date':
        coarsenDates(object, t.to, changes);
        rewriteText(
          object,
          (s) => coarsenDatesInText(s, t.to),
          `coarsened dates in text to ${t.to}`,
          changes,
        );
        break;
      case 'remove-person-names':
        replaceInText(object, context.personNames, NAME_MARK, 'removed person names', changes);
        break;
      case 'redact-text':
        replaceInText(object, t.phrases, REDACTION_MARK, 'redacted phrases', changes);
        break;
      default:
        break;
    }
  }
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function replaceInText(
  object: StixObject,
  phrases: readonly string[],
  mark: string,
  note: string,
  changes: string[],
): void {
  if (phrases.length === 0) return;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${phrases.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  let count = 0;
  visitText(object, (text) =>
    text.replace(pattern, () => {
      count += 1;
      return mark;
    }),
  );
  if (count > 0) changes.push(`${note} (${count})`);
}

// A group's name is who it is, not where an incident happened ("Islamic State Khorasan
// Province" keeps "Khorasan" whatever places a selection holds).
const ACTOR_TYPES = new Set(['threat-actor', 'intrusion-set']);

/** Applies a text rewrite to every free-text string; notes how many strings it changed. */
function rewriteText(
  object: StixObject,
  rewrite: (text: string) => string,
  note: string,
  changes: string[],
  keepTopLevel: readonly string[] = [],
): void {
  let count = 0;
  visitText(
    object,
    (text) => {
      const next = rewrite(text);
      if (next !== text) count += 1;
      return next;
    },
    keepTopLevel,
  );
  if (count > 0) changes.push(`${note} (${count})`);
}

const DATE_VALUE = /^\d{4}(-\d{2}){0,2}$/;

/** Rewrites, in place, every string of the object that is text rather than an id or a date. */
function visitText(
  object: StixObject,
  rewrite: (text: string) => string,
  keepTopLevel: readonly string[] = [],
): void {
  const visit = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') {
      // Ids and references are decided by the policy, not rewritten as text; timestamps and
      // event dates are coarsened as values.
      if (key === 'id' || key.endsWith('_ref') || key === 'type' || key === 'spec_version')
        return value;
      if (STIX_TIMESTAMP.test(value) || DATE_VALUE.test(value)) return value;
      return rewrite(value);
    }
    if (Array.isArray(value))
      return key.endsWith('_refs') ? value : value.map((v) => visit(v, key));
    if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const [k, v] of Object.entries(record)) {
        if (record !== object || !keepTopLevel.includes(k)) record[k] = visit(v, k);
      }
      return record;
    }
    return value;
  };
  visit(object, '');
}

function isValidLocation(o: StixObject): boolean {
  return (
    typeof o.region === 'string' ||
    typeof o.country === 'string' ||
    (typeof o.latitude === 'number' && typeof o.longitude === 'number')
  );
}

import {
  ACLED_EVENT_TYPE_NAMES,
  ACLED_SUB_EVENT_TYPES_BY_TYPE,
  isAcledPair,
} from '../vocab/acled.js';
import { CONFLICT_EVENT_EXTENSION_ID } from './conflict-event-extension.js';
import { checkNumber, checkString, describe, isRecord, type Json } from './property-checks.js';
import type { StixObject } from './stix-object.js';
import type { IssueCollector } from './validation-issue.js';

/** The identity that authors Tearline's own extension definitions. */
const TEARLINE_IDENTITY_ID = 'identity--2f0c5b7e-8d41-4a9c-b3e6-7a1d9c4e5f20';

const countRange = {
  type: 'object',
  // A lower bound ("at least 21") has no max.
  required: ['min'],
  additionalProperties: false,
  properties: {
    min: { type: 'integer', minimum: 0 },
    max: { type: 'integer', minimum: 0 },
  },
} as const;

/**
 * JSON schema (Draft 2020-12, written for Tearline) of the conflict-event extension's properties
 * inside `incident.extensions[CONFLICT_EVENT_EXTENSION_ID]`. `max ≥ min` and the ACLED
 * event/sub-event pairing cannot be said in JSON Schema; validateStixObject checks them too.
 */
export const CONFLICT_EVENT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://tearline.invalid/schemas/conflict-event-extension.json',
  title: 'Tearline conflict event (property extension of incident)',
  type: 'object',
  required: ['extension_type', 'event_type', 'sub_event_type', 'status'],
  additionalProperties: false,
  properties: {
    extension_type: { const: 'property-extension' },
    event_type: { enum: [...ACLED_EVENT_TYPE_NAMES] },
    sub_event_type: { enum: Object.values(ACLED_SUB_EVENT_TYPES_BY_TYPE).flat() },
    status: { enum: ['occurred', 'thwarted', 'threatened'] },
    event_date: {
      type: 'string',
      pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$',
    },
    time_precision: { enum: [1, 2, 3] },
    geo_precision: { enum: [1, 2, 3] },
    fatalities: countRange,
    injuries: countRange,
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
    admin1: { type: 'string', minLength: 1 },
    location_name: { type: 'string', minLength: 1 },
    latitude: { type: 'number', minimum: -90, maximum: 90 },
    longitude: { type: 'number', minimum: -180, maximum: 180 },
  },
} as const;

/**
 * The extension-definition object of the conflict-event extension (STIX 2.1 §7.3), shipped with
 * every export that holds an incident carrying it.
 */
export const CONFLICT_EVENT_DEFINITION: StixObject = {
  type: 'extension-definition',
  spec_version: '2.1',
  id: CONFLICT_EVENT_EXTENSION_ID,
  created_by_ref: TEARLINE_IDENTITY_ID as StixObject['id'],
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  name: 'Tearline conflict event',
  description:
    'What an analyst of political violence records about an incident: ACLED event and sub-event type, status (occurred, thwarted, threatened), event date with its time precision, geographic precision, and fatalities and injuries as reported ranges.',
  schema: CONFLICT_EVENT_SCHEMA.$id,
  version: '1.0.0',
  extension_types: ['property-extension'],
};

const DATE = new RegExp(CONFLICT_EVENT_SCHEMA.properties.event_date.pattern);
const KNOWN = new Set(Object.keys(CONFLICT_EVENT_SCHEMA.properties));

function checkCount(c: IssueCollector, path: string, value: Json): void {
  if (!isRecord(value)) return c.fail(path, `must be {min, max}, not ${describe(value)}`);
  for (const key of Object.keys(value)) {
    if (key !== 'min' && key !== 'max')
      c.fail(`${path}.${key}`, 'is not a property of a count range');
  }
  checkNumber(c, `${path}.min`, value.min, { integer: true, min: 0 });
  if (value.max !== undefined) checkNumber(c, `${path}.max`, value.max, { integer: true, min: 0 });
  if (typeof value.min === 'number' && typeof value.max === 'number' && value.max < value.min)
    c.fail(`${path}.max`, 'is smaller than min');
}

/**
 * Checks the conflict-event properties of an incident against CONFLICT_EVENT_SCHEMA, plus the
 * rules the schema cannot say (ACLED pairing, max ≥ min).
 *
 * @example checkConflictEventProperties(collector, '.extensions.extension-definition--7c3b…', ext)
 */
export function checkConflictEventProperties(
  c: IssueCollector,
  path: string,
  ext: Record<string, Json>,
): void {
  for (const key of Object.keys(ext)) {
    if (!KNOWN.has(key))
      c.fail(`${path}.${key}`, 'is not a property of the conflict-event extension');
  }
  if (ext.extension_type !== 'property-extension')
    c.fail(`${path}.extension_type`, 'must be property-extension');
  for (const key of ['event_type', 'sub_event_type', 'status']) {
    if (ext[key] === undefined) c.fail(`${path}.${key}`, 'is required');
  }
  const { event_type: eventType, sub_event_type: subType } = ext;
  if (
    eventType !== undefined &&
    (typeof eventType !== 'string' || !ACLED_EVENT_TYPE_NAMES.includes(eventType))
  )
    c.fail(
      `${path}.event_type`,
      `must be an ACLED event type (${ACLED_EVENT_TYPE_NAMES.join(', ')})`,
    );
  else if (
    typeof eventType === 'string' &&
    subType !== undefined &&
    (typeof subType !== 'string' || !isAcledPair(eventType, subType))
  )
    c.fail(`${path}.sub_event_type`, `must be an ACLED sub-event type of ${eventType}`);
  if (
    ext.status !== undefined &&
    !['occurred', 'thwarted', 'threatened'].includes(ext.status as string)
  )
    c.fail(`${path}.status`, 'must be occurred, thwarted or threatened');
  if (
    ext.event_date !== undefined &&
    (typeof ext.event_date !== 'string' || !DATE.test(ext.event_date))
  )
    c.fail(`${path}.event_date`, 'must be YYYY-MM-DD, YYYY-MM or YYYY');
  for (const key of ['time_precision', 'geo_precision']) {
    if (ext[key] !== undefined && ![1, 2, 3].includes(ext[key] as number))
      c.fail(`${path}.${key}`, 'must be 1, 2 or 3');
  }
  for (const key of ['fatalities', 'injuries']) {
    // null is reported by the common no-null rule.
    if (ext[key] !== undefined && ext[key] !== null) checkCount(c, `${path}.${key}`, ext[key]);
  }
  if (
    ext.country !== undefined &&
    (typeof ext.country !== 'string' || !/^[A-Z]{2}$/.test(ext.country))
  )
    c.fail(`${path}.country`, 'must be an ISO 3166-1 alpha-2 code (AF)');
  for (const key of ['admin1', 'location_name']) {
    if (ext[key] !== undefined) checkString(c, `${path}.${key}`, ext[key]);
  }
  if (ext.latitude !== undefined)
    checkNumber(c, `${path}.latitude`, ext.latitude, { min: -90, max: 90 });
  if (ext.longitude !== undefined)
    checkNumber(c, `${path}.longitude`, ext.longitude, { min: -180, max: 180 });
}

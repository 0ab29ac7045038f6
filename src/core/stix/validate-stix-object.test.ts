import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateStixObject } from './validate-stix-object.js';
import { validateBundle } from './validate-bundle.js';
import { formatIssue } from './validation-issue.js';
import { CONFLICT_EVENT_EXTENSION_ID } from './conflict-event-extension.js';
import { CONFLICT_EVENT_DEFINITION } from './conflict-event-definition.js';
import {
  TLP2_LEVELS,
  toTlp1MarkingDefinition,
  toTlp2MarkingDefinition,
  TLP2_MARKING_IDS,
} from '../vocab/tlp.js';
import { IEP2_EXTENSION_ID } from '../vocab/iep.js';

const T = '2024-03-22T18:00:00.000Z';
const incident = {
  type: 'incident',
  spec_version: '2.1',
  id: 'incident--0a5c4a3e-2f7b-4d1c-9c8e-1b2d3e4f5a6b',
  created: T,
  modified: T,
  name: 'Crocus City Hall attack',
};
const event = {
  extension_type: 'property-extension',
  event_type: 'Violence against civilians',
  sub_event_type: 'Attack',
  status: 'occurred',
  event_date: '2024-03-22',
  time_precision: 1,
  geo_precision: 1,
  fatalities: { min: 145, max: 145 },
  injuries: { min: 551, max: 551 },
  country: 'RU',
  location_name: 'Krasnogorsk',
  latitude: 55.82,
  longitude: 37.39,
};
const messages = (o: unknown) => validateStixObject(o).map(formatIssue);

describe('validateStixObject', () => {
  it('accepts a valid incident with the conflict-event extension, grade and evidence', () => {
    const o = {
      ...incident,
      confidence: 70,
      x_tearline_grade: { reliability: 'B', credibility: 2 },
      x_tearline_evidence: [
        { report_ref: 'report--1b6d5b4f-3a8c-4e2d-8d9f-2c3e4f5a6b7c', start: 10, end: 42 },
      ],
      extensions: { [CONFLICT_EVENT_EXTENSION_ID]: event },
    };
    assert.deepEqual(messages(o), []);
  });

  it('names the object id and the JSON path of each problem', () => {
    assert.deepEqual(
      messages({ ...incident, modified: '2024-03-21T00:00:00.000Z', confidence: 101 }),
      [
        'incident--0a5c4a3e-2f7b-4d1c-9c8e-1b2d3e4f5a6b .modified: is earlier than created',
        'incident--0a5c4a3e-2f7b-4d1c-9c8e-1b2d3e4f5a6b .confidence: must be an integer from 0 to 100, not 101',
      ],
    );
  });

  it('compares created and modified as instants, whatever their precision', () => {
    assert.deepEqual(
      messages({
        ...incident,
        created: '2024-03-22T18:00:00.5Z',
        modified: '2024-03-22T18:00:00.500Z',
      }),
      [
        'incident--0a5c4a3e-2f7b-4d1c-9c8e-1b2d3e4f5a6b .created: must be a UTC timestamp with milliseconds (2024-03-22T18:00:00.000Z), not "2024-03-22T18:00:00.5Z"',
      ],
    );
    assert.deepEqual(messages({ ...incident, modified: '2024-03-22T18:00:00.0001Z' }), []);
  });

  it('refuses a missing required property, a bad id and a foreign id prefix', () => {
    const { name: _n, ...noName } = incident;
    assert.deepEqual(messages(noName), [`${incident.id} .name: is required`]);
    assert.match(
      messages({ ...incident, id: 'incident--1' })[0]!,
      /^incident--1 \.id: must be <type>--<uuid>/,
    );
    assert.match(
      messages({ ...incident, id: 'report--0a5c4a3e-2f7b-4d1c-9c8e-1b2d3e4f5a6b' })[0]!,
      /\.id: must start with "incident--"/,
    );
  });

  it('refuses an unknown type unless an extension defines it', () => {
    const custom = {
      ...incident,
      type: 'x-armed-group',
      id: 'x-armed-group--0a5c4a3e-2f7b-4d1c-9c8e-1b2d3e4f5a6b',
    };
    assert.match(messages(custom)[0]!, /"x-armed-group" is not a STIX 2\.1 type/);
    const defined = {
      ...custom,
      extensions: {
        'extension-definition--1b6d5b4f-3a8c-4e2d-8d9f-2c3e4f5a6b7c': { extension_type: 'new-sdo' },
      },
    };
    assert.deepEqual(messages(defined), []);
  });

  it('checks the conflict-event extension against its schema and ACLED', () => {
    const withEvent = (patch: Record<string, unknown>) => ({
      ...incident,
      extensions: { [CONFLICT_EVENT_EXTENSION_ID]: { ...event, ...patch } },
    });
    const path = `.extensions.${CONFLICT_EVENT_EXTENSION_ID}`;
    assert.deepEqual(
      validateStixObject(withEvent({ sub_event_type: 'Grenade', event_type: 'Battles' })).map(
        (i) => i.path,
      ),
      [`${path}.sub_event_type`],
    );
    assert.deepEqual(
      validateStixObject(withEvent({ fatalities: { min: 5, max: 2 } })).map((i) => i.path),
      [`${path}.fatalities.max`],
    );
    assert.deepEqual(
      validateStixObject(withEvent({ fatalities: null })).map((i) => i.path),
      [`${path}.fatalities`],
    );
    assert.deepEqual(
      validateStixObject(
        withEvent({ status: 'rumoured', country: 'Russia', time_precision: 4, surprise: 1 }),
      )
        .map((i) => i.path)
        .sort(),
      [`${path}.country`, `${path}.status`, `${path}.surprise`, `${path}.time_precision`],
    );
    assert.deepEqual(
      validateStixObject({
        ...withEvent({}),
        type: 'report',
        id: 'report--0a5c4a3e-2f7b-4d1c-9c8e-1b2d3e4f5a6b',
        published: T,
        object_refs: [incident.id],
      }).map((i) => i.message),
      ['the conflict-event extension applies to incident only'],
    );
  });

  it('accepts the five TLP 2.0 and four TLP 1.0 markings and refuses tampered ones', () => {
    for (const level of TLP2_LEVELS) assert.deepEqual(messages(toTlp2MarkingDefinition(level)), []);
    for (const level of ['white', 'green', 'amber', 'red'] as const)
      assert.deepEqual(messages(toTlp1MarkingDefinition(level)), []);
    const wrong = toTlp2MarkingDefinition('red');
    (wrong.extensions as Record<string, Record<string, unknown>>)[
      'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d'
    ]!.tlp_2_0 = 'clear';
    assert.match(messages(wrong).join('\n'), /tlp_2_0: must be "red" for this id/);
    assert.match(
      messages({ ...toTlp1MarkingDefinition('green'), name: 'TLP:RED' }).join('\n'),
      /\.name: must be TLP:GREEN/,
    );
    assert.match(
      messages({
        ...toTlp2MarkingDefinition('green'),
        object_marking_refs: [TLP2_MARKING_IDS.green],
      }).join('\n'),
      /must not refer to itself/,
    );
  });

  it('checks an IEP 2.0 marking for every required term', () => {
    const iep = {
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--1b6d5b4f-3a8c-4e2d-8d9f-2c3e4f5a6b7c',
      created: T,
      name: 'Partner X agreement',
      external_references: [{ source_name: 'iep', url: 'https://example.org/iep' }],
      extensions: {
        [IEP2_EXTENSION_ID]: {
          extension_type: 'property-extension',
          iep_id: '1b6d5b4f-3a8c-4e2d-8d9f-2c3e4f5a6b7c',
          iep_version: 2.0,
          description: 'Terms for partner X',
          start_date: T,
          encrypt_in_transit: 'must',
          permitted_actions: 'internally-visible-actions',
          affected_party_notifications: 'may',
          tlp: 'amber',
          provider_attribution: 'must-not',
          unmodified_resale: 'must-not',
        },
      },
    };
    assert.deepEqual(messages(iep), []);
    const broken = structuredClone(iep);
    delete (broken.extensions[IEP2_EXTENSION_ID] as Record<string, unknown>).tlp;
    broken.extensions[IEP2_EXTENSION_ID].permitted_actions = 'anything';
    assert.equal(validateStixObject(broken).length, 2);
  });

  it('accepts our extension definition, statements, language content and observables', () => {
    assert.deepEqual(messages(CONFLICT_EVENT_DEFINITION), []);
    assert.deepEqual(
      messages({
        type: 'marking-definition',
        spec_version: '2.1',
        id: 'marking-definition--1b6d5b4f-3a8c-4e2d-8d9f-2c3e4f5a6b7c',
        created: '2024-01-01T00:00:00Z',
        definition_type: 'statement',
        definition: { statement: 'Partners only.' },
      }),
      [],
    );
    assert.deepEqual(
      messages({
        type: 'language-content',
        spec_version: '2.1',
        id: 'language-content--1b6d5b4f-3a8c-4e2d-8d9f-2c3e4f5a6b7c',
        created: T,
        modified: T,
        object_ref: incident.id,
        contents: { ru: { name: 'Теракт в «Крокус Сити Холле»' } },
      }),
      [],
    );
    assert.deepEqual(
      messages({
        type: 'url',
        id: 'url--1b6d5b4f-3a8c-5e2d-8d9f-2c3e4f5a6b7c',
        value: 'https://t.me/channel/1',
      }),
      [],
    );
    assert.match(
      messages({ type: 'url', id: 'url--1b6d5b4f-3a8c-5e2d-8d9f-2c3e4f5a6b7c' })[0]!,
      /\.value: is required/,
    );
  });

  it('checks granular markings, external references and property names', () => {
    const o = {
      ...incident,
      granular_markings: [{ marking_ref: TLP2_MARKING_IDS.red, selectors: ['description'] }],
      external_references: [{ source_name: 'cve', external_id: 'CVE-1' }, { source_name: 'bbc' }],
      Bad_Name: 1,
    };
    assert.deepEqual(
      validateStixObject(o).map((i) => i.path),
      [
        '.external_references[0].external_id',
        '.external_references[1]',
        '.granular_markings[0].selectors[0]',
        '.Bad_Name',
      ],
    );
  });

  it('does not hang on a long type name that almost matches (no catastrophic backtracking)', () => {
    const type = `${'a'.repeat(5000)}_`;
    assert.match(messages({ ...incident, type })[0]!, /\.type: must be a STIX type name/);
  });
});

describe('validateBundle', () => {
  const bundle = (objects: unknown, extra = {}) => ({
    type: 'bundle',
    id: 'bundle--9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f',
    objects,
    ...extra,
  });

  it('finds duplicate versions (same id and modified) but allows several versions', () => {
    const later = { ...incident, modified: '2024-03-23T00:00:00.000Z' };
    assert.deepEqual(validateBundle(bundle([incident, later])).issues, []);
    const { issues } = validateBundle(
      bundle([incident, later, { ...incident, modified: '2024-03-22T18:00:00.000000Z' }]),
    );
    assert.deepEqual(issues.map(formatIssue), [
      `${incident.id} objects[2]: duplicates objects[0] (same id and modified)`,
    ]);
  });

  it('finds a duplicate of a later version, and names an object without a usable id by position', () => {
    const later = { ...incident, modified: '2024-03-23T00:00:00.000Z' };
    const third = { ...incident, modified: '2024-03-24T00:00:00.000Z' };
    const { issues } = validateBundle(bundle([incident, later, third, { ...later }, { ...third }]));
    assert.deepEqual(issues.map(formatIssue), [
      `${incident.id} objects[3]: duplicates objects[1] (same id and modified)`,
      `${incident.id} objects[4]: duplicates objects[2] (same id and modified)`,
    ]);
    const noId = validateBundle(bundle([incident, { ...incident, id: undefined }])).issues;
    assert.deepEqual(
      noId.map((i) => i.id),
      ['objects[1]'],
    );
  });

  it('refuses versions of one object whose created differs', () => {
    const later = {
      ...incident,
      created: '2024-03-21T00:00:00.000Z',
      modified: '2024-03-23T00:00:00.000Z',
    };
    assert.deepEqual(validateBundle(bundle([incident, later])).issues.map(formatIssue), [
      `${incident.id} objects[1].created: differs from objects[0] (versions of one object keep the same created)`,
    ]);
  });

  it('tells a wrong envelope from wrong objects', () => {
    assert.equal(validateBundle([incident]).envelopeValid, false);
    assert.equal(validateBundle(bundle([incident], { spec_version: '2.0' })).envelopeValid, false);
    assert.equal(validateBundle({ ...bundle([incident]), type: 'bundel' }).envelopeValid, false);
    const objectsOnly = validateBundle(bundle([{ ...incident, name: 5 }]));
    assert.equal(objectsOnly.envelopeValid, true);
    assert.equal(objectsOnly.issues.length, 1);
    assert.deepEqual(
      validateBundle(bundle([null])).issues.map((i) => i.id),
      ['objects[0]'],
    );
  });
});

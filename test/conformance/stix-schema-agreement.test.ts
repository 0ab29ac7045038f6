import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import Ajv07 from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { validateStixObject } from '../../src/core/stix/validate-stix-object.js';
import { validateBundle } from '../../src/core/stix/validate-bundle.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../../src/core/stix/conflict-event-extension.js';
import {
  CONFLICT_EVENT_DEFINITION,
  CONFLICT_EVENT_SCHEMA,
} from '../../src/core/stix/conflict-event-definition.js';
import {
  TLP2_LEVELS,
  TLP2_EXTENSION_ID,
  toTlp2MarkingDefinition,
  toTlp1MarkingDefinition,
} from '../../src/core/vocab/tlp.js';

// Our validator against the official STIX 2.1 JSON schemas (read from ../shared at run time, never
// copied). Each object goes to its own per-type schema, not through common/bundle.json, which
// wrongly rejects valid incident, grouping, note, location, opinion and extension-definition
// objects (../shared/standards/README.md). Schemas are registered by $id; nothing is fetched.
const STANDARDS = join(process.cwd(), '..', 'shared', 'standards');
const SCHEMAS = join(STANDARDS, 'stix2-json-schemas', 'schemas');
const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';

type Json = Record<string, unknown>;
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)],
  );
}

const ajv = new Ajv2020.default({ strict: false, allErrors: false, unicodeRegExp: false });
addFormats.default(ajv);
const perType = new Map<string, string>();
for (const folder of ['common', 'sdos', 'sros', 'observables']) {
  for (const file of readdirSync(join(SCHEMAS, folder))) {
    const schema = readJson(join(SCHEMAS, folder, file)) as Json;
    ajv.addSchema(schema);
    if (
      folder !== 'common' ||
      ['marking-definition.json', 'language-content.json', 'extension-definition.json'].includes(
        file,
      )
    )
      perType.set(file.replace(/\.json$/, ''), schema.$id as string);
  }
}
// The TLP 2.0 extension schema is Draft-07 and refers to 2020-12 common schemas, whose
// keywords mean the same in Draft-07: a second instance holds the common schemas without $schema.
const ajv07 = new Ajv07.default({ strict: false, unicodeRegExp: false });
addFormats.default(ajv07);
for (const file of readdirSync(join(SCHEMAS, 'common'))) {
  const { $schema: _drop, ...schema } = readJson(join(SCHEMAS, 'common', file)) as Json;
  ajv07.addSchema(schema);
}
const tlpSchemaFile = walk(join(STANDARDS, 'stix-common-objects', 'tlp-2.0', 'schema'))[0]!;
const tlp2Check = ajv07.compile(readJson(tlpSchemaFile) as Json);
const conflictCheck = ajv.compile(CONFLICT_EVENT_SCHEMA as unknown as Json);

/** The official verdict: the object's per-type schema, or the custom-object branch of bundle.json. */
function official(object: unknown): boolean {
  const o = object as Json;
  const type = typeof o?.type === 'string' ? o.type : '';
  const id = perType.get(type);
  let ok: boolean;
  if (id) ok = ajv.validate(id, o) as boolean;
  // bundle.json's custom branch (core XOR cyber-observable-core) rejects every SDO-shaped custom
  // object, since such an object satisfies both; we take core.json for objects with `created`.
  else
    ok = ajv.validate(
      `${BASE}common/${o?.created === undefined ? 'cyber-observable-core' : 'core'}.json`,
      o,
    ) as boolean;
  const extensions = (o?.extensions ?? {}) as Json;
  if (ok && type === 'marking-definition' && extensions[TLP2_EXTENSION_ID]) ok = tlp2Check(o);
  if (ok && type === 'incident' && extensions[CONFLICT_EVENT_EXTENSION_ID])
    ok = conflictCheck(extensions[CONFLICT_EVENT_EXTENSION_ID]);
  return ok;
}
const ours = (object: unknown) => validateStixObject(object).length === 0;

function assertAgree(object: unknown, label: string): void {
  const o = official(object);
  const u = ours(object);
  assert.equal(
    u,
    o,
    `${label}: schema says ${o ? 'valid' : `invalid (${ajv.errorsText()})`}, we say ${u ? 'valid' : JSON.stringify(validateStixObject(object))}\n${JSON.stringify(object)}`,
  );
}

const T = '2024-03-22T18:00:00.000Z';
const id = (type: string, n = 1) =>
  `${type}--${n.toString(16).padStart(8, '0')}-2f7b-4d1c-9c8e-1b2d3e4f5a6b`;
const common = (type: string, n = 1) => ({
  type,
  spec_version: '2.1',
  id: id(type, n),
  created: T,
  modified: T,
});

/** One valid object of every type Tearline uses and receives. */
const TEMPLATES: Json[] = [
  {
    ...common('attack-pattern'),
    name: 'Vehicle-borne IED',
    kill_chain_phases: [{ kill_chain_name: 'k', phase_name: 'p' }],
  },
  { ...common('campaign'), name: 'Crocus', first_seen: T, objective: 'terror' },
  { ...common('course-of-action'), name: 'Harden venues' },
  { ...common('grouping'), context: 'suspicious-activity', object_refs: [id('incident')] },
  { ...common('identity'), name: 'Reuters', identity_class: 'organization', sectors: ['media'] },
  {
    ...common('incident'),
    name: 'Crocus City Hall attack',
    description: 'Gunmen attacked a concert hall.',
  },
  {
    ...common('indicator'),
    pattern: "[domain-name:value = 'example.org']",
    pattern_type: 'stix',
    valid_from: T,
  },
  { ...common('infrastructure'), name: 'Safe house', infrastructure_types: ['staging'] },
  { ...common('intrusion-set'), name: 'ISKP network', aliases: ['ISKP'] },
  {
    ...common('location'),
    name: 'Krasnogorsk',
    country: 'RU',
    latitude: 55.8,
    longitude: 37.3,
    precision: 1000,
  },
  { ...common('malware'), name: 'Dropper', is_family: true, malware_types: ['dropper'] },
  { ...common('malware-analysis'), product: 'sandbox', result: 'malicious' },
  { ...common('note'), content: 'Corroborated by a second outlet.', object_refs: [id('incident')] },
  {
    ...common('observed-data'),
    first_observed: T,
    last_observed: T,
    number_observed: 1,
    object_refs: [id('domain-name')],
  },
  { ...common('opinion'), opinion: 'agree', object_refs: [id('incident')] },
  {
    ...common('report'),
    name: 'Wire report',
    published: T,
    object_refs: [id('incident')],
    report_types: ['threat-report'],
  },
  {
    ...common('threat-actor'),
    name: 'Islamic State Khorasan Province',
    aliases: ['ISIS-K'],
    threat_actor_types: ['terrorist'],
  },
  { ...common('tool'), name: 'Telegram', tool_types: ['remote-access'] },
  {
    ...common('vulnerability'),
    name: 'Unguarded exits',
    external_references: [{ source_name: 'cve', external_id: 'CVE-2024-1234' }],
  },
  {
    ...common('relationship'),
    relationship_type: 'attributed-to',
    source_ref: id('incident'),
    target_ref: id('threat-actor'),
  },
  {
    ...common('sighting'),
    sighting_of_ref: id('indicator'),
    count: 2,
    where_sighted_refs: [id('identity')],
  },
  {
    ...common('language-content'),
    object_ref: id('report'),
    contents: { ru: { name: 'Сообщение' } },
  },
  { ...CONFLICT_EVENT_DEFINITION },
  {
    type: 'marking-definition',
    spec_version: '2.1',
    id: id('marking-definition'),
    created: T,
    definition_type: 'statement',
    definition: { statement: 'Partners only.' },
  },
  ...TLP2_LEVELS.map((l) => toTlp2MarkingDefinition(l) as Json),
  toTlp1MarkingDefinition('green') as Json,
  { type: 'domain-name', spec_version: '2.1', id: id('domain-name'), value: 'example.org' },
  { type: 'ipv4-addr', id: id('ipv4-addr'), value: '198.51.100.3' },
  { type: 'file', id: id('file'), name: 'claim.mp4' },
  {
    ...common('incident', 2),
    name: 'Suicide bombing in Kabul',
    extensions: {
      [CONFLICT_EVENT_EXTENSION_ID]: {
        extension_type: 'property-extension',
        event_type: 'Explosions/Remote violence',
        sub_event_type: 'Suicide bomb',
        status: 'occurred',
        event_date: '2024-01-03',
        fatalities: { min: 13, max: 20 },
        country: 'AF',
      },
    },
  },
];

/** Mutations on which we and the schemas must agree (valid or invalid). */
const AGREEING: Array<[string, (o: Json) => Json]> = [
  ['drop type', ({ type: _t, ...o }) => o],
  ['drop id', ({ id: _i, ...o }) => o],
  ['drop spec_version', ({ spec_version: _s, ...o }) => o],
  ['drop created', ({ created: _c, ...o }) => o],
  ['drop modified', ({ modified: _m, ...o }) => o],
  ['id without uuid', (o) => ({ ...o, id: `${o.type}--1234` })],
  ['id of another type', (o) => ({ ...o, id: id(o.type === 'report' ? 'note' : 'report') })],
  ['uuid version 0', (o) => ({ ...o, id: `${o.type}--00000000-2f7b-0d1c-9c8e-1b2d3e4f5a6b` })],
  ['spec_version 2.2', (o) => ({ ...o, spec_version: '2.2' })],
  ['created without Z', (o) => ({ ...o, created: '2024-03-22T18:00:00.000' })],
  ['created month 13', (o) => ({ ...o, created: '2024-13-22T18:00:00.000Z' })],
  ['modified without milliseconds', (o) => ({ ...o, modified: '2024-03-22T18:00:00Z' })],
  [
    'modified with microseconds',
    (o) => (o.modified ? { ...o, modified: `${(o.created as string).slice(0, -1)}001Z` } : o),
  ],
  ['confidence 0', (o) => ({ ...o, confidence: 0 })],
  ['confidence 100', (o) => ({ ...o, confidence: 100 })],
  ['confidence 101', (o) => ({ ...o, confidence: 101 })],
  ['confidence -1', (o) => ({ ...o, confidence: -1 })],
  ['confidence 50.5', (o) => ({ ...o, confidence: 50.5 })],
  ['confidence "50"', (o) => ({ ...o, confidence: '50' })],
  ['labels empty', (o) => ({ ...o, labels: [] })],
  ['labels of numbers', (o) => ({ ...o, labels: [1] })],
  ['revoked "yes"', (o) => ({ ...o, revoked: 'yes' })],
  ['object_marking_refs empty', (o) => ({ ...o, object_marking_refs: [] })],
  ['object_marking_refs not ids', (o) => ({ ...o, object_marking_refs: ['TLP:RED'] })],
  [
    'granular marking without marking_ref',
    (o) => ({ ...o, granular_markings: [{ selectors: ['type'] }] }),
  ],
  [
    'granular marking with bad selector',
    (o) => ({
      ...o,
      granular_markings: [{ marking_ref: id('marking-definition', 9), selectors: ['Type!'] }],
    }),
  ],
  [
    'external reference without source_name',
    (o) => ({ ...o, external_references: [{ url: 'https://example.org' }] }),
  ],
  [
    'external reference with only source_name',
    (o) => ({ ...o, external_references: [{ source_name: 'acled' }] }),
  ],
  [
    'external reference with a bad CVE id',
    (o) => ({ ...o, external_references: [{ source_name: 'cve', external_id: 'CVE-24-1' }] }),
  ],
  [
    'external reference url not a URI',
    (o) => ({ ...o, external_references: [{ source_name: 'news', url: 'not a url' }] }),
  ],
  [
    'external reference with a bad MD5',
    (o) => ({
      ...o,
      external_references: [
        { source_name: 'news', url: 'https://example.org/a', hashes: { MD5: 'abc' } },
      ],
    }),
  ],
  ['custom x_ property', (o) => ({ ...o, x_tearline_note: 'kept' })],
  ['custom property null', (o) => ({ ...o, x_tearline_note: null })],
  ['custom property empty list', (o) => ({ ...o, x_tearline_list: [] })],
  ['reserved property severity', (o) => ({ ...o, severity: 'high' })],
  ['extensions empty', (o) => ({ ...o, extensions: {} })],
  [
    'extension without extension_type',
    (o) => ({ ...o, extensions: { [id('extension-definition', 7)]: { x_foo: 'bar' } } }),
  ],
  [
    'extension with a bad extension_type',
    (o) => ({
      ...o,
      extensions: { [id('extension-definition', 7)]: { extension_type: 'new-thing' } },
    }),
  ],
  [
    'property extension',
    (o) => ({
      ...o,
      extensions: {
        [id('extension-definition', 7)]: { extension_type: 'property-extension', rank: 3 },
      },
    }),
  ],
  ['extension under a free key', (o) => ({ ...o, extensions: { 'my-extension': { a_b: 1 } } })],
  ['name a number', (o) => (o.name !== undefined ? { ...o, name: 7 } : o)],
  ['type with upper case', (o) => ({ ...o, type: 'Incident' })],
];

/** Rules where we are deliberately stricter than the schemas: we reject, the schemas accept. */
const STRICTER: Array<[string, string, (o: Json) => Json, (o: Json) => boolean]> = [
  [
    'modified before created',
    'STIX 2.1 §3.2: modified MUST be ≥ created (README rule 1)',
    (o) => ({ ...o, modified: '2024-03-21T18:00:00.000Z' }),
    (o) => o.modified !== undefined,
  ],
  [
    'spec_version 2.0 on a 2.1 object',
    'we import STIX 2.1 only; core.json also allows "2.0"',
    (o) => ({ ...o, spec_version: '2.0' }),
    (o) => o.created !== undefined && o.type !== 'marking-definition',
  ],
  [
    'created_by_ref to a report',
    'STIX 2.1 §3.2: created_by_ref MUST be an identity',
    (o) => ({ ...o, created_by_ref: id('report') }),
    (o) => o.created !== undefined && o.type !== 'marking-definition',
  ],
  [
    'object_marking_refs to an incident',
    'STIX 2.1 §7.2.2: object_marking_refs MUST be marking-definition ids',
    (o) => ({ ...o, object_marking_refs: [id('incident', 3)] }),
    (o) => o.type !== 'marking-definition',
  ],
  [
    'selector that does not resolve',
    'README rule 4: selectors must resolve',
    (o) => ({
      ...o,
      granular_markings: [
        { marking_ref: id('marking-definition', 9), selectors: ['no_such_property'] },
      ],
    }),
    (o) => o.type !== 'marking-definition',
  ],
  [
    'property name with a hyphen',
    'STIX 2.1 §3.1: names are a-z, 0-9, _ only (the schema checks the first 3 characters)',
    (o) => ({ ...o, 'x_tear-line': 'v' }),
    (o) => o.type !== 'marking-definition',
  ],
  [
    'unknown type without an extension',
    'STIX 2.1 §7.3: new types come with a new-sdo/new-sco/new-sro extension',
    (o) => ({ ...o, type: 'x-armed-group', id: id('x-armed-group') }),
    (o) => o.created !== undefined && o.type !== 'marking-definition',
  ],
  [
    'a bad Admiralty grade',
    'Tearline: x_tearline_grade is reliability A–F, credibility 1–6',
    (o) => ({ ...o, x_tearline_grade: { reliability: 'G', credibility: 9 } }),
    (o) => o.created !== undefined && o.type !== 'marking-definition',
  ],
];

describe('our validator agrees with the official STIX 2.1 schemas', () => {
  it('accepts every example object and TLP 2.0 object, as the schemas do', () => {
    const files = walk(join(STANDARDS, 'stix2-json-schemas', 'examples')).filter((f) =>
      f.endsWith('.json'),
    );
    files.push(
      ...walk(join(STANDARDS, 'stix-common-objects', 'tlp-2.0')).filter(
        (f) => f.endsWith('.json') && !f.includes('/schema/'),
      ),
    );
    let count = 0;
    for (const file of files) {
      const value = readJson(file) as Json;
      const objects = Array.isArray(value.objects) ? (value.objects as Json[]) : [value];
      for (const object of objects) {
        assertAgree(object, file);
        assert.equal(official(object), true, `${file} ${object.id as string}`);
        count++;
      }
      if (value.type === 'bundle') assert.deepEqual(validateBundle(value).issues, [], file);
    }
    assert.ok(count > 250, `only ${count} example objects found`);
  });

  it('accepts every template, as the schemas do', () => {
    for (const t of TEMPLATES) {
      assertAgree(t, `template ${t.type as string}`);
      assert.equal(ours(t), true);
    }
  });

  it('agrees on every hand-built mutation of every template', () => {
    let invalid = 0;
    for (const t of TEMPLATES) {
      for (const [name, mutate] of AGREEING) {
        const m = mutate(structuredClone(t));
        assertAgree(m, `${t.type as string}: ${name}`);
        if (!official(m)) invalid++;
      }
    }
    assert.ok(invalid > TEMPLATES.length * 20, `only ${invalid} invalid mutations`);
  });

  it('agrees on generated property values (fast-check)', () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer({ min: -5, max: 150 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 2 }),
      fc.constantFrom(
        T,
        '2024-03-22T18:00:00Z',
        '2024-02-30T00:00:00.000Z',
        id('identity'),
        id('marking-definition'),
        'https://example.org',
      ),
    );
    const property = fc.constantFrom(
      'name',
      'description',
      'confidence',
      'labels',
      'lang',
      'revoked',
      'created',
      'modified',
      'created_by_ref',
      'aliases',
      'first_seen',
      'published',
      'object_refs',
      'x_tearline_note',
      'latitude',
      'count',
      'is_family',
    );
    fc.assert(
      fc.property(fc.constantFrom(...TEMPLATES), property, value, (template, key, v) => {
        const m = { ...structuredClone(template), [key]: v };
        // Rules where we are stricter are asserted separately below.
        if (key === 'created_by_ref' || key === 'modified' || key === 'created') {
          if (official(m) && !ours(m)) return true;
        }
        assertAgree(m, `${template.type as string}.${key} = ${JSON.stringify(v)}`);
        return true;
      }),
      { numRuns: 3000, seed: 20240322 },
    );
  });

  for (const [name, why, mutate, applies] of STRICTER) {
    it(`is stricter where it means to be: ${name} (${why})`, () => {
      let checked = 0;
      for (const t of TEMPLATES.filter(applies)) {
        const m = mutate(structuredClone(t));
        assert.equal(official(m), true, `${t.type as string}: the schema should accept ${name}`);
        assert.equal(ours(m), false, `${t.type as string}: we should reject ${name}`);
        checked++;
      }
      assert.ok(checked > 0);
    });
  }
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSequentialIds, createSteppingClock } from '../../core/clock.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import type { ExtractOutput } from '../extract-types.js';
import { createDraftItems, createDraftRecord } from './create-draft.js';

const text =
  'Militants of the Northern Front attacked a police post in Harbor Town; gunmen also fired on villagers.';
const extraction: ExtractOutput = {
  id: 'r',
  entities: [
    {
      type: 'actor',
      text: 'Northern Front',
      canonical: 'Northern Liberation Front',
      start: 16,
      end: 30,
    },
    { type: 'actor', text: 'gunmen', canonical: 'Unidentified armed group', start: 71, end: 77 },
  ],
  events: [
    {
      event_type: 'Violence against civilians',
      sub_event_type: 'Attack',
      status: 'occurred',
      date: '2024-05-01',
      time_precision: 1,
      location: { name: 'Harbor Town' },
      actors: [
        { name: 'Northern Liberation Front', role: 'perpetrator' },
        { name: 'Unidentified armed group', role: 'perpetrator' },
        { name: 'Police', role: 'target' },
      ],
      fatalities: null,
      injuries: { min: 3, max: 3 },
      evidence: [{ start: 0, end: text.length }],
    },
  ],
  attributions: [],
};

describe('createDraftItems', () => {
  it('matches known actors by alias, skips unnamed ones, proposes targets, leaves out ungeocoded places', () => {
    const deps = {
      clock: createSteppingClock('2024-05-02T00:00:00.000Z'),
      ids: createSequentialIds(),
    };
    const draft = createDraftRecord(
      { text, origin: 'paste', language: 'en', published: '2024-05-02' },
      deps,
      'open',
    );
    const known = {
      actors: [
        {
          type: 'threat-actor',
          id: 'threat-actor--00000000-0000-4000-8000-0000000000aa',
          name: 'NLF',
          aliases: ['Northern Liberation Front'],
        } as StixObject,
      ],
      locations: [],
    };
    const items = createDraftItems(draft, extraction, known, deps);
    const byKind = (k: string) => items.filter((i) => i.kind === k);
    assert.equal(byKind('threat-actor').length, 1);
    assert.equal(
      byKind('threat-actor')[0]!.existingId,
      'threat-actor--00000000-0000-4000-8000-0000000000aa',
    );
    assert.deepEqual(
      byKind('identity').map((i) => i.object.name),
      ['Police'],
    );
    assert.equal(
      byKind('location').length,
      0,
      'a place with neither country nor coordinates is not a STIX location',
    );
    const incident = byKind('incident')[0]!.object;
    assert.deepEqual(incident.x_tearline_evidence, [
      { report_ref: draft.report.id, start: 0, end: text.length },
    ]);
    assert.deepEqual(incident.x_tearline_grade, { reliability: 'F', credibility: 6 });
    const rels = byKind('relationship').map(
      (i) => `${i.object.relationship_type}→${String(i.object.target_ref).split('--')[0]}`,
    );
    assert.deepEqual(rels.sort(), ['attributed-to→threat-actor', 'targets→identity']);
    assert.equal(draft.report.published, '2024-05-02T00:00:00.000Z');
    assert.equal(draft.report.description, text);
  });

  it('relates a parent that claimed its branch’s attack to the incident, without attributing it', () => {
    const deps = {
      clock: createSteppingClock('2024-05-19T00:00:00.000Z'),
      ids: createSequentialIds(),
    };
    const claimText = 'Gunmen shot six tourists in the valley. The Western Front claimed it.';
    const draft = createDraftRecord(
      { text: claimText, origin: 'paste', language: 'en' },
      deps,
      'open',
    );
    const event = extraction.events[0]!;
    const claimed: ExtractOutput = {
      ...extraction,
      events: [
        {
          ...event,
          actors: [
            { name: 'Western Front Valley Province', role: 'perpetrator' },
            { name: 'Western Front', role: 'claimant' },
          ],
        },
        // Near miss: a claimant that is no parent of the perpetrator keeps its attribution.
        {
          ...event,
          actors: [
            { name: 'Valley Brigade', role: 'perpetrator' },
            { name: 'Western Front', role: 'claimant' },
          ],
        },
      ],
    };
    const items = createDraftItems(draft, claimed, { actors: [], locations: [] }, deps);
    const names = new Map<string, unknown>(
      items.filter((i) => i.kind === 'threat-actor').map((i) => [i.object.id, i.object.name]),
    );
    const [first, second] = items
      .filter((i) => i.kind === 'incident')
      .map((incident) =>
        items
          .filter((i) => i.kind === 'relationship' && i.object.source_ref === incident.object.id)
          .filter((i) => i.object.relationship_type !== 'located-at')
          .map(
            (i) =>
              `${String(i.object.relationship_type)} ${names.get(i.object.target_ref as string)}`,
          )
          .sort(),
      );
    assert.deepEqual(first, [
      'attributed-to Western Front Valley Province',
      'related-to Western Front',
    ]);
    assert.deepEqual(second, ['attributed-to Valley Brigade', 'attributed-to Western Front']);
    const note = items.find(
      (i) => i.kind === 'relationship' && i.object.relationship_type === 'related-to',
    );
    assert.match(String(note?.object.description), /claimed responsibility/i);
  });

  it('proposes one identity for the state forces a report names and its attack hit', () => {
    const deps = {
      clock: createSteppingClock('2024-05-02T00:00:00.000Z'),
      ids: createSequentialIds(),
    };
    const hit = 'Rebels ambushed soldiers near Gao, killing four soldiers.';
    const draft = createDraftRecord(
      { text: hit, origin: 'paste', language: 'en', published: '2024-05-02' },
      deps,
      'open',
    );
    const items = createDraftItems(
      draft,
      {
        id: 'r',
        entities: [
          { type: 'actor', text: 'soldiers', canonical: 'State forces', start: 17, end: 25 },
          { type: 'actor', text: 'soldiers', canonical: 'State forces', start: 48, end: 56 },
        ],
        events: [
          {
            ...extraction.events[0]!,
            event_type: 'Battles',
            sub_event_type: 'Armed clash',
            actors: [{ name: 'State forces', role: 'target' }],
            evidence: [{ start: 0, end: hit.length }],
          },
        ],
        attributions: [],
      },
      { actors: [], locations: [] },
      deps,
    );
    const identities = items.filter((i) => i.kind === 'identity');
    assert.deepEqual(
      identities.map((i) => i.object.name),
      ['State forces'],
    );
    const targets = items.find((i) => i.object.relationship_type === 'targets');
    assert.equal(targets?.object.target_ref, identities[0]!.object.id);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classifyEvent } from '../classify/classify-event.js';
import type { Entity } from '../extract-types.js';
import { splitSentences } from '../text/split-sentences.js';
import { detectEvents } from './detect-events.js';

/** Entities as the entity stage gives them, written by hand for a text of our own. */
function entitiesOf(text: string, items: Array<[string, Record<string, unknown>]>): Entity[] {
  const out: Entity[] = [];
  for (const [name, rest] of items) {
    let from = 0;
    for (;;) {
      const start = text.indexOf(name, from);
      if (start === -1) break;
      out.push({ ...rest, text: name, start, end: start + name.length } as unknown as Entity);
      from = start + name.length;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const TEXT =
  'Militants storm checkpoint near Garissa\n' +
  'Gunmen attacked a police checkpoint near Garissa on 3 May, killing four officers and wounding six. ' +
  'Al-Shabaab claimed responsibility for the attack. ' +
  'The attack was the third in the county this year. ' +
  'In a separate attack on 5 May, a roadside bomb hit a bus in Mandera, killing two passengers. ' +
  'Police said they had foiled a plot to bomb a church in Nairobi and arrested three men. ' +
  'Such attacks could spread to the coast, analysts warned.';

const ENTITIES = entitiesOf(TEXT, [
  ['Garissa', { type: 'location', country: 'KE', geo_precision: 1 }],
  ['Mandera', { type: 'location', country: 'KE', geo_precision: 1 }],
  ['Nairobi', { type: 'location', country: 'KE', geo_precision: 1 }],
  ['Al-Shabaab', { type: 'actor', canonical: 'al-Shabaab' }],
  ['3 May', { type: 'date', value: '2024-05-03', time_precision: 1 }],
  ['5 May', { type: 'date', value: '2024-05-05', time_precision: 1 }],
]);

describe('detectEvents', () => {
  const events = detectEvents(TEXT, splitSentences(TEXT), ENTITIES, classifyEvent);

  it('gives one event per incident, the main one first', () => {
    assert.deepEqual(
      events.map((e) => [e.location?.name, e.status, e.date]),
      [
        ['Garissa', 'occurred', '2024-05-03'],
        ['Mandera', 'occurred', '2024-05-05'],
        ['Nairobi', 'thwarted', undefined],
      ],
    );
  });

  it('takes actors, casualties and evidence from the incident', () => {
    const [main, second, plot] = events;
    assert.deepEqual(main!.actors, [
      { name: 'al-Shabaab', role: 'perpetrator' },
      { name: 'al-Shabaab', role: 'claimant' },
    ]);
    assert.deepEqual(main!.fatalities, { min: 4, max: 4 });
    assert.deepEqual(main!.injuries, { min: 6, max: 6 });
    assert.deepEqual(second!.fatalities, { min: 2, max: 2 });
    assert.equal(second!.sub_event_type, 'Remote explosive/landmine/IED');
    assert.equal(plot!.event_type, 'Strategic developments');
    const told = main!.evidence.map((s) => TEXT.slice(s.start, s.end)).join(' | ');
    assert.match(told, /Gunmen attacked a police checkpoint/);
    assert.match(told, /claimed responsibility/);
    assert.doesNotMatch(told, /could spread/);
  });

  it('finds no event in a text without one', () => {
    const calm = 'The council approved the new budget. Schools will open in September.';
    const found = detectEvents(calm, splitSentences(calm), [], classifyEvent);
    assert.ok(
      found.every(
        (e) => e.event_type !== 'Explosions/Remote violence' && e.event_type !== 'Battles',
      ),
    );
  });
});

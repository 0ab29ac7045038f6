import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity } from '../extract-types.js';
import { splitSentences } from '../text/split-sentences.js';
import { findAttributions } from './find-attributions.js';

function attribute(text: string, entities: Entity[] = []) {
  return findAttributions(text, splitSentences(text), entities).map((a) => ({
    source: a.source,
    anonymous: a.anonymous,
    claim: text.slice(a.claim.start, a.claim.end),
    at: text.slice(a.start, a.end),
  }));
}

describe('findAttributions', () => {
  it('splits coordinated unnamed sources and keeps one claim for both', () => {
    const found = attribute(
      'Three people familiar with the talks and a senior European diplomat say that the ceasefire will hold until May.',
    );
    assert.deepEqual(
      found.map((f) => [f.source, f.anonymous]),
      [
        ['Three people familiar with the talks', true],
        ['a senior European diplomat', true],
      ],
    );
    assert.equal(found[0]!.claim, 'the ceasefire will hold until May');
    assert.equal(found[0]!.at, found[0]!.source);
  });

  it('reads named sources before and after the claim', () => {
    const text =
      'The Defence Ministry said 40 fighters had surrendered. ' +
      'The convoy was hit twice, according to Al-Naba. ' +
      '"We will not negotiate," the governor told reporters. ' +
      'A local commander told Reuters that the road was closed.';
    const found = attribute(text);
    assert.deepEqual(
      found.map((f) => [f.source, f.anonymous, f.claim]),
      [
        ['The Defence Ministry', false, '40 fighters had surrendered'],
        ['Al-Naba', false, 'The convoy was hit twice'],
        ['the governor', false, 'We will not negotiate'],
        ['A local commander', true, 'the road was closed'],
      ],
    );
  });

  it('reads "According to X, …" and a quoted statement', () => {
    const found = attribute(
      'According to two security officials, the convoy left at dawn. An aid worker with long experience in the area stated, "Nobody has reached the village."',
    );
    assert.deepEqual(
      found.map((f) => [f.source, f.anonymous, f.claim]),
      [
        ['two security officials', true, 'the convoy left at dawn'],
        ['An aid worker with long experience in the area', true, 'Nobody has reached the village'],
      ],
    );
  });

  it('reads people met on the ground as speakers, after an opening participle', () => {
    const found = attribute(
      'Speaking by phone, a shopkeeper from the old town said the market had burned. ' +
        'Asked about the convoy, two drivers told reporters that the road was mined. ' +
        'The bridge fell, relatives of the missing men said.',
    );
    assert.deepEqual(
      found.map((f) => [f.source, f.anonymous, f.claim]),
      [
        ['a shopkeeper from the old town', true, 'the market had burned'],
        ['two drivers', true, 'the road was mined'],
        ['relatives of the missing men', true, 'The bridge fell'],
      ],
    );
  });

  it('treats a named person as named, and a sentence without a source as none', () => {
    const text = 'Maria Okafor said the clinic had run out of fuel. The river rose overnight.';
    const person: Entity = { type: 'person', text: 'Maria Okafor', start: 0, end: 12 };
    const found = attribute(text, [person]);
    assert.deepEqual(
      found.map((f) => [f.source, f.anonymous]),
      [['Maria Okafor', false]],
    );
    assert.deepEqual(attribute('He said it was over. The river rose overnight.'), []);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument } from '../extract.js';
import { AIRCRAFT_BOMBER, isBomberOutsideAttack } from './person-bomber.js';

const aircraft = new RegExp(AIRCRAFT_BOMBER, 'i');
const typesOf = (text: string): string[] =>
  extractDocument({ id: 'b', text, published: '2024-06-10' }).events.map((e) => e.sub_event_type);

describe('"bomber" as a person or an aircraft (issue 14)', () => {
  it('reads a bomber with a human modifier or a person’s verb as a person', () => {
    for (const text of [
      'A convicted bomber was released from prison.',
      'The would-be bomber pleaded guilty on Monday.',
      'The bomber, 22, had been radicalised online.',
      'The bomber was sentenced to life in prison.',
      'Two suicide bombers struck the market.',
      'The bomber’s family said he had travelled to Syria.',
    ]) {
      assert.equal(aircraft.test(text), false, text);
    }
  });

  it('keeps bombers that fly and strike as aircraft (near misses)', () => {
    for (const text of [
      'Russian bombers struck a market in Idlib.',
      'Strategic bombers hit fuel depots overnight.',
      'Two bombers were shot down over the coast.',
    ]) {
      assert.equal(aircraft.test(text), true, text);
    }
  });

  it('tells a bomber outside an attack only by a judicial modifier or verb', () => {
    const released = 'A convicted bomber was released.';
    assert.equal(isBomberOutsideAttack(released, released.indexOf('bomber'), 'bomber'), true);
    const acting = 'A bomber blew himself up at a checkpoint.';
    assert.equal(isBomberOutsideAttack(acting, acting.indexOf('bomber'), 'bomber'), false);
  });

  it('never types a convicted bomber’s story as an air strike', () => {
    for (const text of [
      'A convicted bomber was released from prison in Belfast on Tuesday.',
      'The convicted bomber Ali Rahimi was sentenced to life in prison in London.',
    ]) {
      assert.ok(!typesOf(text).includes('Air/drone strike'), text);
    }
    assert.deepEqual(
      typesOf('Russian bombers struck a market in Idlib on Monday, killing 12 people.'),
      ['Air/drone strike'],
    );
  });
});

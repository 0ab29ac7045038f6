import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classifyEvent } from './classify-event.js';
import { ACLED_SUB_EVENT_TYPES, isAcledSubEventType, toAcledEventType } from './acled-types.js';

// Sentences written for these tests; none comes from the templates or from an evaluation set.
const cases: ReadonlyArray<readonly [string, string]> = [
  [
    'A suicide bomber detonated his vest at the gate of a police academy in Quetta, killing nine cadets.',
    'Suicide bomb',
  ],
  [
    'Fighter jets pounded rebel hideouts in the hills east of Myitkyina, the junta said.',
    'Air/drone strike',
  ],
  [
    'Mortar rounds slammed into a residential quarter of Bosaso on Friday, wounding six people.',
    'Shelling/artillery/missile attack',
  ],
  [
    'A roadside bomb struck a minibus carrying teachers near Wajir, killing four of them.',
    'Remote explosive/landmine/IED',
  ],
  [
    'An unidentified man hurled a grenade into a bar in Bujumbura late on Saturday, injuring 11.',
    'Grenade',
  ],
  [
    'Soldiers and ISWAP fighters exchanged fire for hours outside the garrison town of Monguno.',
    'Armed clash',
  ],
  [
    'Thousands of nurses marched peacefully through Nairobi on Wednesday demanding overdue pay.',
    'Peaceful protest',
  ],
  [
    'Police used tear gas to disperse students protesting against tuition fees in Kampala.',
    'Protest with intervention',
  ],
  [
    'Protesters set fire to a police post and pelted officers with rocks in Conakry after the vote.',
    'Violent demonstration',
  ],
  [
    'Gunmen abducted 14 passengers from a bus on the Abuja-Kaduna highway on Sunday.',
    'Abduction/forced disappearance',
  ],
  [
    'Bomb disposal officers defused an explosive device found near a church in Kaduna.',
    'Disrupted weapons use',
  ],
  [
    'Police arrested three men suspected of financing an armed group in Mombasa on Tuesday.',
    'Arrests',
  ],
  [
    'The government and the rebel alliance signed a ceasefire agreement in Doha on Friday.',
    'Agreement',
  ],
  [
    'An angry mob lynched a man accused of stealing a goat in a village near Mbale.',
    'Mob violence',
  ],
  [
    'Militants looted shops and set fire to the market in the village of Tchoma, residents said.',
    'Looting/property destruction',
  ],
];

describe('classifyEvent', () => {
  for (const [text, expected] of cases) {
    it(`reads "${text.slice(0, 50)}…" as ${expected}`, () => {
      const result = classifyEvent(text);
      assert.equal(result.sub_event_type, expected);
      assert.equal(result.event_type, toAcledEventType(expected));
    });
  }

  it('returns a probability and three ranked alternatives, all ACLED names', () => {
    const result = classifyEvent('Rebels shelled the airport of Goma overnight.');
    assert.ok(result.score > 0 && result.score <= 1);
    assert.equal(result.alternatives.length, 3);
    for (const alt of result.alternatives) {
      assert.ok(isAcledSubEventType(alt.sub_event_type));
      assert.ok(alt.score <= result.score);
    }
    assert.ok(!result.alternatives.some((a) => a.sub_event_type === result.sub_event_type));
  });

  it('classifies empty and unrelated text without throwing, into one of the 25 names', () => {
    for (const text of ['', '   ', 'The weather in Lisbon was mild.', '12345 !!!']) {
      const result = classifyEvent(text);
      assert.ok(ACLED_SUB_EVENT_TYPES.includes(result.sub_event_type as never));
      assert.equal(result.status, 'occurred');
    }
  });
});

describe('classifyEvent with entities', () => {
  it('takes a group the entity stage found as the non-state actor who seized a town', () => {
    const text =
      'The Mahdi Front seized the border town of Sallum from government troops on Friday.';
    const start = text.indexOf('Mahdi Front');
    const group = {
      type: 'actor' as const,
      text: 'Mahdi Front',
      canonical: 'Mahdi Front',
      start,
      end: start + 'Mahdi Front'.length,
    };
    // Without the entity only "government troops" names an actor, so the capture reads as theirs.
    assert.equal(classifyEvent(text).sub_event_type, 'Government regains territory');
    assert.equal(
      classifyEvent(text, { entities: [group] }).sub_event_type,
      'Non-state actor overtakes territory',
    );
  });

  it('does not take a state force found as an actor for a non-state group', () => {
    const text = 'The Nigerian Army recaptured the town of Bama from the insurgents.';
    const start = text.indexOf('Nigerian Army');
    const army = {
      type: 'actor' as const,
      text: 'Nigerian Army',
      canonical: 'Nigerian Army',
      start,
      end: start + 13,
    };
    assert.equal(
      classifyEvent(text, { entities: [army] }).sub_event_type,
      'Government regains territory',
    );
  });
});

describe('classifyEvent on large input', () => {
  it('classifies a megabyte of text without running away', () => {
    const text = 'Protesters marched through the centre and traders closed their shops. '.repeat(
      15_000,
    );
    const result = classifyEvent(text);
    assert.equal(result.sub_event_type, 'Peaceful protest');
  });
});

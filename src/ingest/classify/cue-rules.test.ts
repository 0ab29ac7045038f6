import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyCueRules, toRankingWithRule } from './cue-rules.js';

const cues = (...names: string[]): Set<string> => new Set(names);

describe('applyCueRules', () => {
  it('sorts the protest family by what the demonstrators and the police did', () => {
    assert.equal(
      applyCueRules('Peaceful protest', cues('c:protest', 'c:riot', 'c:intervention')),
      'Violent demonstration',
    );
    assert.equal(
      applyCueRules('Protest with intervention', cues('c:protest', 'c:force')),
      'Excessive force against protesters',
    );
    assert.equal(
      applyCueRules('Peaceful protest', cues('c:protest', 'c:arrest')),
      'Protest with intervention',
    );
    assert.equal(applyCueRules('Protest with intervention', cues('c:protest')), 'Peaceful protest');
    // A protest about a killing is not excessive force.
    assert.equal(
      applyCueRules('Peaceful protest', cues('c:protest', 'c:killing')),
      'Peaceful protest',
    );
  });

  it('turns weapons that hurt nobody into disrupted weapons use, but not an attack that killed', () => {
    assert.equal(applyCueRules('Grenade', cues('c:grenade', 'c:disrupt')), 'Disrupted weapons use');
    assert.equal(applyCueRules('Grenade', cues('c:grenade', 'c:disrupt', 'c:killing')), 'Grenade');
  });

  it('codes remote violence against civilians as the weapon, not as an attack', () => {
    assert.equal(
      applyCueRules('Attack', cues('c:ied', 'c:killing'), [
        'Attack',
        'Armed clash',
        'Remote explosive/landmine/IED',
      ]),
      'Remote explosive/landmine/IED',
    );
  });

  it('decides territory by handover, then by who took the place', () => {
    assert.equal(
      applyCueRules('Government regains territory', cues('c:transfer', 'c:seize')),
      'Non-violent transfer of territory',
    );
    assert.equal(
      applyCueRules('Armed clash', cues('c:clash', 'c:seize', 'c:territory', 'a:nonstate-first')),
      'Non-state actor overtakes territory',
    );
    assert.equal(
      applyCueRules('Non-state actor overtakes territory', cues('c:seize', 'a:state-first')),
      'Government regains territory',
    );
  });

  it('decides territory by the verb’s subject when the passage is given', () => {
    const taken = cues('c:retake', 'c:territory', 'c:state', 'c:nonstate', 'a:state-first');
    assert.equal(
      applyCueRules(
        'Government regains territory',
        taken,
        undefined,
        'Backed by local police defectors, insurgents recaptured the district centre.',
      ),
      'Non-state actor overtakes territory',
    );
    assert.equal(
      applyCueRules(
        'Non-state actor overtakes territory',
        cues('c:seize', 'c:nonstate', 'c:state', 'a:nonstate-first'),
        undefined,
        'Gunmen tried to capture the checkpoint but soldiers drove them off.',
      ),
      'Armed clash',
    );
    assert.equal(
      applyCueRules(
        'Non-violent transfer of territory',
        cues('c:transfer', 'c:state', 'c:nonstate', 'a:state-first'),
        undefined,
        'Government troops withdrew from the town after days of shelling by the rebels.',
      ),
      'Non-state actor overtakes territory',
    );
    // Without fighting a withdrawal stays a handover.
    assert.equal(
      applyCueRules(
        'Non-violent transfer of territory',
        cues('c:transfer', 'c:state', 'a:state-first'),
        undefined,
        'Troops withdrew from the buffer zone as agreed.',
      ),
      'Non-violent transfer of territory',
    );
  });

  it('reads arrests the text denies as none, and keeps arrests it also reports', () => {
    const ranked = ['Arrests', 'Mob violence', 'Attack'];
    const denied = [
      'Villagers beat a man to death in the market; no arrests were made.',
      'A crowd burned a suspected robber. Nobody has been arrested.',
      'Rioters lynched two traders and the police made no arrests.',
      'No one was detained after the lynching of a herder.',
    ];
    for (const passage of denied) {
      assert.equal(
        applyCueRules('Arrests', cues('c:arrest'), ranked, passage),
        'Mob violence',
        passage,
      );
    }
    const reported = [
      'Police arrested nine men over the lynching; no arrests were made at first.',
      'Officers detained two suspects on Friday.',
    ];
    for (const passage of reported) {
      assert.equal(applyCueRules('Arrests', cues('c:arrest'), ranked, passage), 'Arrests', passage);
    }
  });

  it('keeps the model when no rule applies', () => {
    assert.equal(applyCueRules('Agreement', cues('c:agreement')), 'Agreement');
  });
});

describe('toRankingWithRule', () => {
  const byModel = [
    { sub_event_type: 'Grenade', score: 0.7 },
    { sub_event_type: 'Armed clash', score: 0.2 },
    { sub_event_type: 'Disrupted weapons use', score: 0.1 },
  ];

  it('swaps the probabilities of the model pick and the rule pick', () => {
    assert.deepEqual(toRankingWithRule(byModel, 'Disrupted weapons use'), [
      { sub_event_type: 'Disrupted weapons use', score: 0.7 },
      { sub_event_type: 'Armed clash', score: 0.2 },
      { sub_event_type: 'Grenade', score: 0.1 },
    ]);
  });

  it('leaves the ranking alone when the rule agrees with the model', () => {
    assert.deepEqual(toRankingWithRule(byModel, 'Grenade'), byModel);
  });
});

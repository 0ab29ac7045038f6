import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isWithdrawalAfterFighting, readTerritoryChange } from './territory-taker.js';

describe('readTerritoryChange', () => {
  it('takes the capture verb’s subject, not the first actor named', () => {
    assert.equal(
      readTerritoryChange('After two days of clashes with the army, rebels seized the town.').taker,
      'nonstate',
    );
    assert.equal(
      readTerritoryChange('Militants who had attacked an army post captured the village.').taker,
      'nonstate',
    );
  });

  it('reads the agent of a passive capture', () => {
    assert.equal(readTerritoryChange('The town fell to insurgents at dawn.').taker, 'nonstate');
    assert.equal(
      readTerritoryChange('The district was recaptured by government forces after rebels fled.')
        .taker,
      'state',
    );
  });

  it('does not make a "re-" verb a government gain when rebels are its subject', () => {
    assert.equal(
      readTerritoryChange('Rebel fighters retook the hilltop from the national army.').taker,
      'nonstate',
    );
  });

  it('reads a failed attempt as no capture', () => {
    assert.equal(
      readTerritoryChange('Insurgents tried to seize the border post but were beaten back.')
        .failedAttempt,
      true,
    );
    assert.equal(
      readTerritoryChange('Police repelled an attempt by armed men to storm the station.')
        .failedAttempt,
      true,
    );
    assert.equal(
      readTerritoryChange('Rebels failed to take the port, then seized the airport.').failedAttempt,
      false,
    );
  });

  it('finds who withdrew and whether fighting forced it', () => {
    const passage = 'Soldiers pulled out of the garrison town after a week of heavy fighting.';
    assert.equal(readTerritoryChange(passage).withdrawer, 'state');
    assert.equal(isWithdrawalAfterFighting(passage), true);
    assert.equal(
      isWithdrawalAfterFighting('The militia withdrew from the town under a deal with elders.'),
      false,
    );
  });
});

describe('readTerritoryChange: background and agents of expulsion', () => {
  it('reads the agent that drove a group out, not the group that had held the place', () => {
    assert.equal(
      readTerritoryChange(
        'Insurgents, who had captured the port in June, were driven out by marines.',
      ).taker,
      'state',
    );
    assert.equal(
      readTerritoryChange('The soldiers were expelled from the valley by rebel fighters.').taker,
      'nonstate',
    );
  });

  it('still reads a capture reported in speech', () => {
    assert.equal(
      readTerritoryChange('The militia said it had seized two villages overnight.').taker,
      'nonstate',
    );
  });
});

describe('readTerritoryChange: advances', () => {
  it('reads gaining ground as taking it, by the verb’s subject', () => {
    assert.equal(
      readTerritoryChange(
        'A police commander said insurgents had gained ground in the east of the city.',
      ).taker,
      'nonstate',
    );
  });
});

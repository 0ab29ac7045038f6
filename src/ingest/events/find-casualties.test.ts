import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findCasualties } from './find-casualties.js';

const read = (text: string) => findCasualties(text, { start: 0, end: text.length });

describe('findCasualties', () => {
  it('reads figures before and after the casualty word', () => {
    assert.deepEqual(read('A mortar round hit the camp, killing 7 soldiers and wounding 22.'), {
      fatalities: { min: 7, max: 7 },
      injuries: { min: 22, max: 22 },
    });
    assert.deepEqual(read('The blast left nineteen people dead and 1,250 injured.'), {
      fatalities: { min: 19, max: 19 },
      injuries: { min: 1250, max: 1250 },
    });
    assert.deepEqual(read('The death toll rose to 41 on Sunday.'), {
      fatalities: { min: 41, max: 41 },
    });
  });

  it('reads a death toll whose subject is qualified before its verb, within the sentence', () => {
    assert.deepEqual(
      read(
        'Officials said the death toll from the shelling of the market in the old town had climbed to 63.',
      ),
      { fatalities: { min: 63, max: 63 } },
    );
    assert.deepEqual(
      read('The casualty toll of the ambush on the convoy stood at 9 by nightfall.'),
      {
        fatalities: { min: 9, max: 9 },
      },
    );
    assert.deepEqual(
      read(
        'The number of people killed in the bombing of the shrine has risen to 52, police said.',
      ),
      { fatalities: { min: 52, max: 52 } },
    );
    assert.deepEqual(read('The death toll was not given. Rescuers reached 40 houses.'), {});
    assert.deepEqual(read('The number of people displaced by the fighting rose to 4,000.'), {});
    assert.deepEqual(read('The death toll from the flood, which hit 3 villages, is unknown.'), {});
  });

  it('adds a second group of victims joined by "and", but not the injured or things', () => {
    assert.deepEqual(read('Gunmen fired on a bus, killing two Nepali workers and four Afghans.'), {
      fatalities: { min: 6, max: 6 },
    });
    assert.deepEqual(read('The raid killed 3 soldiers and 15 wounded were taken to hospital.'), {
      fatalities: { min: 3, max: 3 },
      injuries: { min: 15, max: 15 },
    });
    assert.deepEqual(read('The strike killed 4 fighters and two others were injured.'), {
      fatalities: { min: 4, max: 4 },
      injuries: { min: 2, max: 2 },
    });
    assert.deepEqual(read('The convoy attack killed 5 guards and two vehicles burned.'), {
      fatalities: { min: 5, max: 5 },
    });
  });

  it('reads counts of victims named across nationalities, initialisms and one coordinated count', () => {
    assert.deepEqual(
      read(
        'At least 60 Afghan civilians and 9 U.N. staff members were killed, and 80 people were wounded.',
      ),
      // "At least 60" is open above, and so is the sum it is part of.
      { fatalities: { min: 69 }, injuries: { min: 80, max: 80 } },
    );
    assert.deepEqual(read('Four Turkish nationals were killed in the raid.'), {
      fatalities: { min: 4, max: 4 },
    });
    assert.deepEqual(read('About 200 Shia families fled. Two were killed.'), {
      fatalities: { min: 2, max: 2 },
    });
  });

  it('keeps a casualty verb before the count when "and" starts another clause after it', () => {
    assert.deepEqual(read('Gunmen killed at least 9 people and wounded 14 others.'), {
      fatalities: { min: 9 },
      injuries: { min: 14, max: 14 },
    });
    assert.deepEqual(read('The blast killed 7 and injured 22, police said.'), {
      fatalities: { min: 7, max: 7 },
      injuries: { min: 22, max: 22 },
    });
  });

  it('reads the total before an aside that names some of the victims', () => {
    assert.deepEqual(read('Nine people, including four children, were killed.'), {
      fatalities: { min: 9, max: 9 },
    });
    assert.deepEqual(read('Eight people, among them two guards, were wounded.'), {
      injuries: { min: 8, max: 8 },
    });
  });

  it('reads bodies, lives claimed, the dead listed, and the attacker killed with the victims', () => {
    assert.deepEqual(read('Rescuers pulled 17 bodies from the rubble.'), {
      fatalities: { min: 17, max: 17 },
    });
    assert.deepEqual(read('The ambush claimed 5 lives.'), { fatalities: { min: 5, max: 5 } });
    assert.deepEqual(read('Among the dead were 3 aid workers.'), {
      fatalities: { min: 3, max: 3 },
    });
    assert.deepEqual(read('The bomber detonated his vest, killing himself and 6 others.'), {
      fatalities: { min: 7, max: 7 },
    });
  });

  it('reads the wounded by what they suffered or where they were taken', () => {
    assert.deepEqual(read('Twenty people sustained injuries in the blast.'), {
      injuries: { min: 20, max: 20 },
    });
    assert.deepEqual(read('At least 14 people were taken to hospital.'), {
      injuries: { min: 14 },
    });
    assert.deepEqual(read('The dead included 4 police officers.'), {
      fatalities: { min: 4, max: 4 },
    });
    assert.deepEqual(read('Forty people were taken hostage.'), {});
  });

  it("follows ACLED's reading of vague words", () => {
    assert.deepEqual(read('Gunmen shot dozens of villagers dead, and hundreds more were hurt.'), {
      fatalities: { min: 12, max: 99 },
      injuries: { min: 100, max: 999 },
    });
    // ACLED codes 3; the word allows up to 9 (the quantity finder reads it the same way).
    assert.deepEqual(read('Several police officers were wounded.'), {
      injuries: { min: 3, max: 9 },
    });
  });

  it('says zero when nobody was hurt, and ignores years and unrelated numbers', () => {
    assert.deepEqual(read('No one was killed in the explosion.'), {
      fatalities: { min: 0, max: 0 },
    });
    assert.deepEqual(read('In 2019 the market reopened with 300 stalls.'), {});
    assert.deepEqual(read('Since 2004, 14 bridges were repaired.'), {});
  });

  it('counts a single victim and a named victim "along with N others" without a figure', () => {
    assert.deepEqual(read('The district mayor was shot dead outside his home on Friday.'), {
      fatalities: { min: 1, max: 1 },
    });
    assert.deepEqual(read('A rocket hit his car on Sunday, killing him and his bodyguard.'), {
      fatalities: { min: 2, max: 2 },
    });
    assert.deepEqual(read('The judge was killed on Monday along with three others in a blast.'), {
      fatalities: { min: 4, max: 4 },
    });
    assert.deepEqual(read('A roadside bomb killed a district official in Konduga.'), {
      fatalities: { min: 1, max: 1 },
    });
    // A number of them, or those of someone, are no single victim.
    assert.deepEqual(read('The strike killed a number of soldiers.'), {});
    assert.deepEqual(read('The blast killed a commander’s bodyguards.'), {});
    assert.deepEqual(read('A soldier was killed and 9 were wounded.').fatalities, {
      min: 1,
      max: 1,
    });
  });

  it('counts one victim named by trade, lynched or beaten to death', () => {
    for (const text of [
      'Gunmen killed a cattle trader near the market.',
      'A mob lynched a herder accused of theft.',
      'Villagers beat a suspected thief to death on Monday.',
      'A shopkeeper was lynched after the argument.',
    ]) {
      assert.deepEqual(read(text), { fatalities: { min: 1, max: 1 } }, text);
    }
    // Beaten, not beaten to death; traders in the plural are no single victim.
    assert.deepEqual(read('Police beat a driver at the checkpoint.'), {});
    assert.deepEqual(read('The blast killed traders at the market.'), {});
  });

  it('reads "shot dead" and "gunned down" before their victims', () => {
    assert.deepEqual(read('Gunmen shot dead two policemen on Sunday.').fatalities, {
      min: 2,
      max: 2,
    });
    assert.deepEqual(read('Militants gunned down three farmers.').fatalities, { min: 3, max: 3 });
    assert.deepEqual(read('Gunmen shot two policemen on Sunday.').fatalities, undefined);
  });

  it('reads "two dozen" as 24 and reads across hyphenated allegiances', () => {
    assert.deepEqual(read('Two dozen villagers were killed.').fatalities, { min: 24, max: 24 });
    assert.deepEqual(read('More than two dozen pro-government fighters were killed.').fatalities, {
      min: 25,
    });
    assert.deepEqual(read('Five Iranian-backed militiamen died in the strike.').fatalities, {
      min: 5,
      max: 5,
    });
    // A hyphenated word that says what the figure counts is no bridge to the victims.
    assert.deepEqual(
      read('Two dozen long-range rockets hit the base; no one was killed.').fatalities,
      {
        min: 0,
        max: 0,
      },
    );
  });

  it('reads "causing no casualties" as no one killed', () => {
    assert.deepEqual(
      read('Two rockets hit an empty field on Monday, causing no casualties.').fatalities,
      {
        min: 0,
        max: 0,
      },
    );
  });
});

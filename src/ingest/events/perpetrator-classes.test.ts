import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument } from '../extract.js';

// Classes of perpetrator error (issue 14, item 5), each shown with sentences of our own.
function firstEvent(text: string): NonNullable<ReturnType<typeof extractDocument>['events'][0]> {
  const event = extractDocument({ id: 't', text, published: '2024-06-10' }).events[0];
  assert.ok(event, `no event in: ${text}`);
  return event;
}
const perpetrators = (text: string): string[] =>
  firstEvent(text)
    .actors.filter((a) => a.role === 'perpetrator')
    .map((a) => a.name);

describe('perpetrators: who claims, who is hit', () => {
  it('lets a named claimant in the next sentence replace an unnamed attacker', () => {
    assert.deepEqual(
      perpetrators(
        'A suicide attacker blew himself up at a checkpoint in Jalalabad on Monday, killing four guards. Al-Shabaab claimed responsibility.',
      ).slice(0, 1),
      ['al-Shabaab'],
    );
  });

  it('reads "battled" as fighting, like "fought" and "clashed"', () => {
    assert.ok(
      perpetrators(
        'Al-Shabaab fighters battled Islamic State militants near Qandala on Friday, killing four.',
      ).includes('al-Shabaab'),
    );
  });

  it('puts first the side a clash report shows attacking, taken up by its noun', () => {
    assert.deepEqual(
      perpetrators(
        'Al-Shabaab fighters clashed with Islamic State militants near Qandala after the militants raided a village, killing four.',
      ),
      ['Islamic State Somalia Province', 'al-Shabaab'],
    );
  });

  it('reads "said it planted" and "claimed the blasts" as claims', () => {
    assert.deepEqual(
      perpetrators(
        'A bomb hit a market in Baidoa on Monday. Al-Shabaab said it planted the device.',
      ),
      ['al-Shabaab'],
    );
    assert.deepEqual(
      perpetrators('Two bombs exploded in Maiduguri on Monday. Boko Haram claimed both blasts.'),
      ['Boko Haram'],
    );
  });

  it("takes a group's official who was killed as the target, not the attacker", () => {
    const event = firstEvent(
      "The Taliban's police chief of Kunar was killed in a bombing in Asadabad on Tuesday.",
    );
    assert.ok(!event.actors.some((a) => a.role === 'perpetrator' && a.name === 'Taliban'));
  });

  it('takes the subject of a passive attack verb as the target', () => {
    const event = firstEvent(
      'Hezbollah positions were struck by an air strike near Tyre on Sunday.',
    );
    assert.ok(!event.actors.some((a) => a.role === 'perpetrator' && a.name === 'Hezbollah'));
  });

  it('gives a plot or a suspect "linked to" a group to that group', () => {
    const event = extractDocument({
      id: 't',
      text: 'Police in Vienna arrested two men linked to Hamas who were planning an attack on a concert.',
      published: '2024-06-10',
    }).events[0];
    assert.ok(event?.actors.some((a) => a.role === 'perpetrator' && a.name === 'Hamas'));
  });

  it("keeps a group's own attack named by possession as the attacker's", () => {
    assert.deepEqual(
      perpetrators("Boko Haram's attack on a village in Borno on Friday killed nine people."),
      ['Boko Haram'],
    );
  });
});

describe('who answered an attack', () => {
  it('takes the force that killed the attackers as the responder, not the perpetrator', () => {
    const event = firstEvent(
      'Gunmen stormed a hotel in Mogadishu on Sunday; the four attackers were killed by Somali forces. Al-Shabaab claimed the attack.',
    );
    assert.equal(event.actors.find((a) => a.role === 'perpetrator')?.name, 'al-Shabaab');
  });
});

describe('group names found from a claim', () => {
  it('never runs a discovered name over the end of a sentence', () => {
    const event = firstEvent(
      'A bomb exploded at a bus station in Kabul. The Tawhid Front claimed responsibility.',
    );
    assert.equal(event.location?.name, 'Kabul');
    assert.ok(event.actors.some((a) => a.name === 'Tawhid Front'));
  });
});

describe('a parent claiming for its branch', () => {
  it('gives the attack to the one branch the report names', () => {
    const event = firstEvent(
      'Gunmen killed two guards at a checkpoint in Kunduz on Sunday. The Islamic State claimed responsibility.\n\nOfficials said the attackers belonged to ISKP.',
    );
    assert.equal(
      event.actors.find((a) => a.role === 'perpetrator')?.name,
      'Islamic State Khorasan Province',
    );
  });
});

describe('a branch named by its country', () => {
  it('resolves "the group\'s Afghan affiliate" to the one branch at home there', () => {
    const event = firstEvent(
      "A bomb killed six people in Herat on Monday. The Islamic State group's Afghan affiliate claimed responsibility.",
    );
    assert.ok(event.actors.some((a) => a.name === 'Islamic State Khorasan Province'));
    assert.ok(!event.actors.some((a) => a.role === 'perpetrator' && a.name === 'Islamic State'));
  });
});

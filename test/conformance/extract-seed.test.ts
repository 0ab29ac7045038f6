import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ExtractOutput } from '../../src/ingest/extract-types.js';

// The founding article (../shared/seed), taken as published on 2024-06-10, through the real CLI.
const text = readFileSync('../shared/seed/seed-article.txt', 'utf8');
const run = spawnSync(process.execPath, ['bin/tearline.js', 'extract'], {
  input: `${JSON.stringify({ id: 'seed', text, published: '2024-06-10' })}\n`,
  encoding: 'utf8',
  env: { ...process.env, NODE_OPTIONS: '' },
});
const out = JSON.parse(run.stdout) as ExtractOutput;

describe('tearline extract on the seed article', () => {
  it('exits 0 with one line', () => {
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim().split('\n').length, 1);
  });

  it('leads with the Crocus City Hall attack in Moscow on 2024-03-22, by ISIS-K', () => {
    const main = out.events[0]!;
    assert.match(main.location?.name ?? '', /Moscow/);
    assert.equal(main.location?.country, 'RU');
    assert.equal(main.date, '2024-03-22');
    assert.equal(main.time_precision, 1);
    assert.equal(main.status, 'occurred');
    assert.ok(main.fatalities && main.fatalities.min >= 130, JSON.stringify(main.fatalities));
    assert.ok(main.injuries && main.injuries.min >= 100, JSON.stringify(main.injuries));
    assert.deepEqual(
      main.actors.filter((a) => a.role === 'perpetrator'),
      [{ name: 'Islamic State Khorasan Province', role: 'perpetrator' }],
    );
    const told = main.evidence.map((s) => text.slice(s.start, s.end)).join(' ');
    assert.match(told, /Crocus City Hall/);
  });

  it('finds the attack in Iran with dozens killed, and the plots thwarted in Europe', () => {
    const iran = out.events.find((e) => e.location?.country === 'IR');
    assert.ok(iran, JSON.stringify(out.events.map((e) => e.location)));
    assert.equal(iran.status, 'occurred');
    assert.ok(iran.fatalities && iran.fatalities.min >= 12);
    assert.ok(
      iran.actors.some(
        (a) => a.name === 'Islamic State Khorasan Province' && a.role === 'perpetrator',
      ),
    );
    const plots = out.events.find((e) => e.status === 'thwarted');
    assert.ok(plots);
    assert.equal(plots.location?.name, 'Europe');
    assert.equal(out.events.filter((e) => e.status === 'occurred').length, 2);
  });

  it('reads the Taliban as an actor and no place inside an actor name', () => {
    assert.ok(out.entities.some((e) => e.type === 'actor' && e.canonical === 'Taliban'));
    const actors = out.entities.filter((e) => e.type === 'actor');
    for (const place of out.entities.filter((e) => e.type === 'location')) {
      const inside = actors.find((a) => a.start < place.end && place.start < a.end);
      assert.equal(inside, undefined, `${place.text} at ${place.start} lies in an actor name`);
    }
  });

  it('keeps the anonymous sources of its claims', () => {
    const sources = out.attributions.map((a) => [a.source.toLowerCase(), a.anonymous]);
    for (const source of [
      'two people with knowledge of the situation',
      'a former u.s. official',
      'a former military officer with local knowledge',
      'a former top official',
    ]) {
      assert.ok(
        sources.some(([s, anonymous]) => s === source && anonymous === true),
        `${source} in ${JSON.stringify(sources)}`,
      );
    }
    for (const a of out.attributions) {
      assert.equal(text.slice(a.start, a.end), a.source);
      assert.ok(a.claim.start < a.claim.end && a.claim.end <= text.length);
    }
  });
});

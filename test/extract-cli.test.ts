import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTearline } from './support/cli.js';

// `tearline extract` as a user runs it: the real bin, real pipes, real files — for the contract
// case and the help; the other cases run the same `main` in this process, which spares each a
// process start and a gazetteer load.
interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spawnExtract(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/tearline.js', 'extract', ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin ?? '');
  });
}

async function runExtract(args: string[], stdin?: string): Promise<Run> {
  const { code, out, err } = await runTearline(['extract', ...args], { stdin: stdin ?? '' });
  return { code, stdout: out, stderr: err };
}

const lines = (out: string): Array<Record<string, unknown>> =>
  out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const ATTACK = {
  id: 'attack',
  published: '2023-09-20',
  text:
    'Car bomb kills 14 near market in northern town\n' +
    'A car bomb exploded near a crowded market in Kirkuk on Monday, killing 14 people and ' +
    'wounding 31 others, police said. The Islamic State group claimed responsibility for the ' +
    'bombing in a statement. Two security sources said the vehicle had been parked overnight.',
};
const QUIET = {
  id: 'quiet',
  text: 'The council met on Tuesday to discuss the budget for schools.',
};

describe('tearline extract (command line)', () => {
  it('writes one line per input line, in order, in the contract shape', async () => {
    const input = [ATTACK, QUIET, { ...QUIET, id: 'third', extra: { nested: true } }]
      .map((d) => JSON.stringify(d))
      .join('\n');
    const run = await spawnExtract([], `${input}\n`);
    assert.equal(run.code, 0, run.stderr);
    const out = lines(run.stdout);
    assert.deepEqual(
      out.map((o) => o.id),
      ['attack', 'quiet', 'third'],
    );
    for (const o of out) {
      assert.ok(
        Array.isArray(o.entities) && Array.isArray(o.events) && Array.isArray(o.attributions),
      );
      assert.equal('extra' in o, false);
    }
    const first = out[0]! as {
      events: Array<Record<string, unknown>>;
      entities: Array<{ start: number; end: number; text: string }>;
      attributions: Array<{
        source: string;
        anonymous: boolean;
        claim: { start: number; end: number };
      }>;
    };
    assert.ok(first.events.length >= 1, 'the bombing is an event');
    const event = first.events[0]! as {
      event_type: string;
      status: string;
      fatalities: { min: number; max: number } | null;
      injuries: { min: number; max: number } | null;
      evidence: Array<{ start: number; end: number }>;
      location?: { name: string };
    };
    assert.equal(event.event_type, 'Explosions/Remote violence');
    assert.equal(event.status, 'occurred');
    assert.deepEqual(event.fatalities, { min: 14, max: 14 });
    assert.deepEqual(event.injuries, { min: 31, max: 31 });
    assert.equal(event.location?.name, 'Kirkuk');
    for (const span of event.evidence) {
      assert.ok(span.start >= 0 && span.start < span.end && span.end <= ATTACK.text.length);
    }
    for (const entity of first.entities) {
      assert.equal(ATTACK.text.slice(entity.start, entity.end), entity.text);
    }
    const anonymous = first.attributions.find((a) => a.source === 'Two security sources');
    assert.ok(anonymous, JSON.stringify(first.attributions));
    assert.equal(anonymous.anonymous, true);
    assert.match(ATTACK.text.slice(anonymous.claim.start, anonymous.claim.end), /^the vehicle had/);
  });

  it('answers a malformed line with an error line, keeps the others and exits 1', async () => {
    const input = [
      JSON.stringify(QUIET),
      '{"id": "broken", "text": ',
      '[1, 2]',
      JSON.stringify({ id: 'no-text' }),
      JSON.stringify({ id: 'bad-date', text: 'x', published: '2024-02-30' }),
      JSON.stringify({ ...QUIET, id: 'last' }),
    ].join('\n');
    const run = await runExtract([], input);
    assert.equal(run.code, 1);
    const out = lines(run.stdout);
    assert.equal(out.length, 6);
    assert.equal(out[0]!.id, 'quiet');
    assert.match(String(out[1]!.error), /line 2 is not valid JSON/);
    assert.match(String(out[2]!.error), /line 3 is not a JSON object/);
    assert.deepEqual([out[3]!.id, typeof out[3]!.error], ['no-text', 'string']);
    assert.deepEqual([out[4]!.id, typeof out[4]!.error], ['bad-date', 'string']);
    assert.equal(out[5]!.id, 'last');
    assert.equal('error' in out[5]!, false);
    assert.match(run.stderr, /4 of 6 lines could not be extracted/);
  });

  it('gives empty text empty lists and reports text in another language by its language', async () => {
    const french = {
      id: 'fr',
      text: "Une voiture piégée a explosé lundi près d'un marché de la ville, et la police a dit que les blessés sont nombreux dans les hôpitaux.",
    };
    const run = await runExtract(
      [],
      `${JSON.stringify({ id: 'empty', text: '' })}\n${JSON.stringify(french)}\n`,
    );
    assert.equal(run.code, 0, run.stderr);
    const [empty, fr] = lines(run.stdout);
    assert.deepEqual(empty, { id: 'empty', entities: [], events: [], attributions: [] });
    assert.deepEqual(fr, { id: 'fr', entities: [], events: [], attributions: [], language: 'fr' });
  });

  it('refuses a 20 MB text with an error line and still answers the next line', async () => {
    const big = JSON.stringify({ id: 'big', text: 'Troops patrolled the town. '.repeat(780_000) });
    const run = await runExtract([], `${big}\n${JSON.stringify(QUIET)}\n`);
    assert.equal(run.code, 1);
    const [refused, quiet] = lines(run.stdout);
    assert.equal(refused!.id, 'big');
    assert.match(String(refused!.error), /over the limit of 2,000,000; split it/);
    assert.equal(quiet!.id, 'quiet');
  });

  it('writes --output only when the run ends, and exits 2 on a missing input file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tearline-extract-'));
    const inFile = join(dir, 'in.jsonl');
    const outFile = join(dir, 'out.jsonl');
    writeFileSync(inFile, `${JSON.stringify(ATTACK)}\n${JSON.stringify(QUIET)}\n`);
    const ok = await runExtract(['--input', inFile, '--output', outFile]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stdout, '');
    assert.deepEqual(
      lines(readFileSync(outFile, 'utf8')).map((o) => o.id),
      ['attack', 'quiet'],
    );
    assert.deepEqual(readdirSync(dir).sort(), ['in.jsonl', 'out.jsonl']);
    const missing = await runExtract([
      '--input',
      join(dir, 'nope.jsonl'),
      '--output',
      join(dir, 'x.jsonl'),
    ]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Cannot read the input file .*TEARLINE_E_EXTRACT_INPUT_MISSING/);
    assert.equal(existsSync(join(dir, 'x.jsonl')), false);
    const usage = await runExtract(['--max-chars', 'lots']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--max-chars must be a whole number/);
  });

  it('prints its help', async () => {
    const run = await spawnExtract(['--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Usage: tearline extract/);
  });
});

// Scores the extractor on one half of each dev set (split in dev-split.json) with the shared
// scorers, in-process (no CLI start-up). Inputs and gold for the half are written to a temporary
// folder, never into the project.
//   node --import tsx training/eval/score-dev.ts look|held|all [case2021|wikievents|re3d ...]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { extractJsonLines } from '../../src/ingest/extract-jsonl.js';

const EVAL = fileURLToPath(new URL('../../../shared/eval/', import.meta.url));
const SPLIT = JSON.parse(
  readFileSync(new URL('./dev-split.json', import.meta.url), 'utf8'),
) as Record<string, { look: string[]; held: string[] }>;
const SETS = {
  case2021: {
    input: 'case2021-dev.jsonl',
    gold: 'case2021-dev.gold.jsonl',
    scorer: 'score_case.py',
  },
  wikievents: {
    input: 'wikievents-dev.jsonl',
    gold: 'wikievents-dev.gold.jsonl',
    scorer: 'score_wikievents.py',
  },
  re3d: { input: 're3d-centcom.jsonl', gold: 're3d-centcom.gold.jsonl', scorer: 'score_re3d.py' },
} as const;
type SetName = keyof typeof SETS;

const half = process.argv[2] ?? 'look';
if (!['look', 'held', 'all'].includes(half)) {
  console.error('score-dev: the first argument is look, held or all');
  process.exit(2);
}
const names = (
  process.argv.slice(3).length ? process.argv.slice(3) : Object.keys(SETS)
) as SetName[];
const verbose = process.env.VERBOSE === '1';
const dir = mkdtempSync(join(tmpdir(), 'tearline-dev-'));

for (const name of names) {
  const set = SETS[name];
  if (!set) throw new Error(`score-dev: unknown set ${name}`);
  const split = SPLIT[name]!;
  const keep = new Set(half === 'all' ? [...split.look, ...split.held] : split[half as 'look']);
  const pick = (file: string): string =>
    readFileSync(EVAL + file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '' && keep.has(String((JSON.parse(l) as { id: string }).id)))
      .join('\n') + '\n';
  const input = join(dir, `${name}.in.jsonl`);
  const gold = join(dir, `${name}.gold.jsonl`);
  const out = join(dir, `${name}.out.jsonl`);
  writeFileSync(input, pick(set.input));
  writeFileSync(gold, pick(set.gold));
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await extractJsonLines(Readable.from([readFileSync(input, 'utf8')]), sink);
  writeFileSync(out, Buffer.concat(chunks));
  const args = [EVAL + set.scorer, out, gold];
  if (name === 're3d') args.push('--input', input);
  if (verbose && name === 'wikievents') args.push('--verbose');
  const report = execFileSync('python3', args, { encoding: 'utf8' });
  const lines = report.trim().split('\n');
  console.log(verbose ? report : `${half} ${lines[lines.length - 1]}`);
}

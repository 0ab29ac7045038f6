// Splits each dev set in ../shared/eval ONCE into a half we may read (`look`) and a half we only
// score (`held`), and writes the ids (never text) to training/eval/dev-split.json. The seed is
// fixed so the split never moves; re-running it must reproduce the committed file byte for byte.
// CASE is split within each sub-event type so that both halves keep every class.
//   node training/eval/split-dev-sets.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SEED = 20261206;
const EVAL = fileURLToPath(new URL('../../../shared/eval/', import.meta.url));
const OUT = fileURLToPath(new URL('./dev-split.json', import.meta.url));

function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const readLines = (name) =>
  readFileSync(EVAL + name, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));

function shuffle(items, random) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Halves `ids` (grouped by `groupOf`): alternate members of each shuffled group go to each half. */
function split(ids, groupOf, random) {
  const groups = new Map();
  for (const id of ids) {
    const g = groupOf(id);
    groups.set(g, [...(groups.get(g) ?? []), id]);
  }
  const look = [];
  const held = [];
  let turn = 0;
  for (const g of [...groups.keys()].sort()) {
    for (const id of shuffle(groups.get(g), random)) (turn++ % 2 === 0 ? look : held).push(id);
  }
  const byId = (a, b) => String(a).localeCompare(String(b), 'en', { numeric: true });
  return { look: look.sort(byId), held: held.sort(byId) };
}

const random = seeded(SEED);
const caseGold = new Map(readLines('case2021-dev.gold.jsonl').map((g) => [g.id, g.sub_event_type]));
const result = {
  seed: SEED,
  note: 'ids only; look = may be read, held = only scored (training/eval/split-dev-sets.mjs)',
  case2021: split(
    readLines('case2021-dev.jsonl').map((l) => l.id),
    (id) => caseGold.get(id),
    random,
  ),
  wikievents: split(
    readLines('wikievents-dev.jsonl').map((l) => l.id),
    () => 'all',
    random,
  ),
  re3d: split(
    readLines('re3d-centcom.jsonl').map((l) => l.id),
    () => 'all',
    random,
  ),
};
const json = `${JSON.stringify(result, null, 2)}\n`;
if (process.argv.includes('--check')) {
  // Compared as data: prettier may lay the committed file out differently.
  const same = JSON.stringify(JSON.parse(readFileSync(OUT, 'utf8'))) === JSON.stringify(result);
  console.log(same ? 'dev-split.json is reproduced' : 'dev-split.json differs from a fresh split');
  process.exit(same ? 0 : 1);
}
writeFileSync(OUT, json);
for (const set of ['case2021', 'wikievents', 're3d']) {
  console.log(`${set}: look ${result[set].look.length}, held ${result[set].held.length}`);
}
